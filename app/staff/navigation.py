"""The staff pages a signed-in member of staff can go to, for the staff bar and the staff home page.
A link appears only when its page exists and the person's role may use it."""

from dataclasses import dataclass

from flask import current_app
from flask_login import current_user

from app.staff.permissions import Permission, can


@dataclass(frozen=True)
class StaffLink:
    endpoint: str
    permission: Permission
    concept: str
    short: str  # in the staff bar
    text: str  # on the staff home page
    hint: str


STAFF_LINKS = (
    StaffLink(
        "staff.inbox",
        Permission.VIEW_REFERRALS,
        "referral",
        "Referrals",
        "Referrals inbox",
        "Requests for help: contact the person, and record what happens.",
    ),
    StaffLink(
        "staff.pupils",
        Permission.PUPILS,
        "school",
        "Pupils",
        "Pupils",
        "Start a checklist with a pupil, and see their plan.",
    ),
    StaffLink(
        "staff.directory",
        Permission.EDIT_DIRECTORY,
        "search",
        "Directory",
        "Directory of services",
        "Write, check and publish each service's easy-read words.",
    ),
    StaffLink(
        "staff.messages",
        Permission.VIEW_OUTBOX,
        "email",
        "Messages",
        "Messages",
        "Messages waiting to go out, and messages that could not be sent.",
    ),
    StaffLink(
        "staff.audit",
        Permission.VIEW_AUDIT,
        "see",
        "Audit trail",
        "Audit trail",
        "Who looked at or changed what, and when.",
    ),
    StaffLink(
        "staff.directory_health",
        Permission.DIRECTORY_HEALTH,
        "warning",
        "Directory health",
        "Directory health",
        "What to fix in the directory of services: short descriptions, missing contacts, old checks.",
    ),
    StaffLink(
        "staff.symbols",
        Permission.EDIT_DIRECTORY,
        "see",
        "Symbols",
        "Symbols and their sentences",
        "Every picture on the site, what it shows, and the sentences beside it, to check each pairing.",
    ),
    StaffLink(
        "staff.personal_data",
        Permission.PERSONAL_DATA,
        "privacy",
        "Personal data",
        "A person's data",
        "Find everything held about a person, export it, or erase it when they ask.",
    ),
    StaffLink(
        "staff.export",
        Permission.EXPORT_REFERRALS,
        "download",
        "Export (CSV)",
        "Download referrals (CSV)",
        "A spreadsheet file of every referral, without notes.",
    ),
    StaffLink(
        "staff.dashboard",
        Permission.VIEW_DASHBOARD,
        "data",
        "Figures",
        "Figures and charts",
        "Referrals, first contact, job starts and outcomes for a period, with charts to print or download.",
    ),
    StaffLink(
        "staff.claim_pack",
        Permission.EXPORT_REFERRALS,
        "done",
        "Claims",
        "Outcome claims",
        "The job outcomes met in a period, with their evidence, to print or download for a claim.",
    ),
)

ROLE_DESCRIPTIONS = {
    "council-admin": (
        "You can do everything: see and change every referral, download them, see messages, "
        "read the audit trail, find, export or erase a person's data, start checklists with pupils, "
        "and edit the directory."
    ),
    "provider": ("You can see, change and download referrals to your organisation's services, and see their figures."),
    "school": "You can start checklists with your pupils and see their plans.",
    "commissioner": "You can see the figures and charts for every service, and download them.",
    "directory-editor": (
        "You can write the easy-read words for each service in the directory, check them and publish them."
    ),
}


def staff_links(user=None) -> list[StaffLink]:
    """The links this member of staff can use, among the pages that exist."""
    user = user if user is not None else current_user
    return [link for link in STAFF_LINKS if link.endpoint in current_app.view_functions and can(user, link.permission)]
