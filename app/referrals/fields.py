"""The person's fields on a referral, each named once with what it is and what happens to it.

Everything that handles the person's data is worked out from FIELDS: the answers taken from a draft, what
the staff page shows, what signposting copies, what the purge and an erasure remove, and what a subject
access export holds. Every other column of Referral is the referral's own record (RECORD_COLUMNS): where
it went and where the work is up to. A test checks the two lists cover the table, so a new column must be
placed in one of them.
"""

from dataclasses import dataclass

from sqlalchemy import null

# Kinds of data: how a value is typed from a draft, shown to staff, emptied and exported.
KINDS = ("text", "lines", "phone", "email", "number", "date", "moment", "code", "codes", "plan", "id")
# Where the staff page shows a field.
SECTIONS = ("needs", "facts", "person", "consent", "plan")


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # what the field is, for staff and in an export
    kind: str
    section: str | None  # where the staff page shows it; None: it is not shown
    row: str = ""  # the staff row it is shown in, when it shares one with other fields; else its label
    copied: bool = True  # signposting copies it to the new referral
    removed: bool = True  # the purge and an erasure empty it; False: kept for the council's figures
    exported: bool = True  # a subject access export holds it
    answer: bool = True  # taken from the person's draft; False: worked out when the referral is saved
    optional: bool = False  # the staff page shows its row only when it has a value
    missing: str = "Not given"  # what staff see when it is empty
    words: str | None = None  # the staff words for its codes (a name in app.staff.words)

    @property
    def staff_row(self) -> str:
        return self.row or self.label

    @property
    def empty(self):
        """What the field holds once removed: an empty list for codes, SQL NULL for a plan, else None."""
        return [] if self.kind == "codes" else null() if self.kind == "plan" else None


FIELDS: tuple[Field, ...] = (
    Field("needs", "Communication needs", "codes", "needs", removed=False, words="NEEDS", missing="None given."),
    Field("interpreter_language", "Interpreter language", "text", "needs", row="Communication needs"),
    Field("age_band", "Age band", "code", "facts", removed=False, answer=False, words="AGE_BANDS"),
    Field("person_name", "Name", "text", "person"),
    Field("age", "Age", "number", "person"),
    Field("date_of_birth", "Date of birth", "date", "person", row="Age"),
    Field("area", "Area or postcode", "text", "person"),
    Field("contact_methods", "Contact them by", "codes", "person", words="CONTACT_METHODS"),
    Field("phone", "Phone", "phone", "person", optional=True),
    Field("email", "Email", "email", "person", optional=True),
    Field("address", "Address", "lines", "person", optional=True),
    Field("contact_times", "Best times", "codes", "person", words="CONTACT_TIMES"),
    Field("asker", "Asked by", "code", "person", removed=False, words="ASKERS"),
    Field("asker_name", "Professional's name", "text", "person", row="Professional"),
    Field("asker_role", "Professional's job", "text", "person", row="Professional"),
    Field("asker_organisation", "Professional's organisation", "text", "person", row="Professional"),
    Field(
        "professional_kind",
        "Kind of professional",
        "code",
        "person",
        row="Professional",
        removed=False,
        words="PROFESSIONAL_KINDS",
    ),
    Field("asker_email", "Professional's work email", "email", "person", row="Professional"),
    Field("lang", "Language used", "code", "person", removed=False, words="LANGUAGES"),
    Field("message", "Their message", "lines", "person", missing="No message."),
    Field("consent_at", "Agreed to share", "moment", "consent", removed=False),
    Field(
        "parent_consent_name",
        "Parent or carer who agreed",
        "text",
        "consent",
        row="Parent or carer who agreed (under 16)",
    ),
    Field(
        "parent_consent_at",
        "When the parent or carer agreed",
        "moment",
        "consent",
        row="Parent or carer who agreed (under 16)",
        removed=False,
    ),
    Field("plan", "My work plan", "plan", "plan"),
    # The checklist the plan came from: a link kept while the referral holds personal data, not shown.
    Field("checklist_session_id", "Checklist", "id", None, exported=False),
)
BY_NAME = {field.name: field for field in FIELDS}

# The referral's own record: never from the person, kept for as long as the referral.
RECORD_COLUMNS = frozenset(
    {
        "id",
        "reference",
        "idempotency_key",
        "created_at",
        "updated_at",
        "service_id",
        "service_name",
        "organization_id",
        "requested_service_id",
        "routed_to_council",
        "ladder_step",
        "status",
        "status_changed_at",
        "contact_due_on",
        "contacted_at",
        "closed_reason",
        "signposted_from_id",
        "personal_data_removed_at",
        "status_code_hash",
        "share_consent",
        "share_consent_at",
        "share_token_hash",
    }
)


def answer_fields() -> tuple[Field, ...]:
    """The fields a draft may carry."""
    return tuple(field for field in FIELDS if field.answer)


def copied_fields() -> tuple[str, ...]:
    """What a signposted referral takes with it: the person's answers, consent and plan."""
    return tuple(field.name for field in FIELDS if field.copied)


def removed_values() -> dict:
    """Each field that the purge and an erasure remove, with what it becomes."""
    return {field.name: field.empty for field in FIELDS if field.removed}


def exported_fields() -> tuple[Field, ...]:
    return tuple(field for field in FIELDS if field.exported)


def staff_fields(section: str) -> tuple[Field, ...]:
    """The fields the staff page shows in one section, in order."""
    return tuple(field for field in FIELDS if field.section == section)
