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
KINDS = ("text", "lines", "phone", "email", "number", "date", "moment", "code", "codes", "plan", "id", "flag")
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
    # How a person is told that a referral holds it (app/checklists/still_held.py has the easy-read words):
    # every field an erasure removes has one, except a link to other records.
    told: str | None = None
    privacy: str = ""  # the line of the privacy page that tells people about it (a key in app.main.privacy)

    @property
    def staff_row(self) -> str:
        return self.row or self.label

    @property
    def empty(self):
        """What the field holds once removed: an empty list for codes, SQL NULL for a plan, else None."""
        return [] if self.kind == "codes" else null() if self.kind == "plan" else None


FIELDS: tuple[Field, ...] = (
    Field(
        "needs",
        "Communication needs",
        "codes",
        "needs",
        removed=False,
        words="NEEDS",
        missing="None given.",
        privacy="needs",
    ),
    Field(
        "contact_language",
        "Language to contact them in",
        "code",
        "needs",
        row="Communication needs",
        removed=False,
        words="CONTACT_LANGUAGES",
        privacy="language",
    ),
    Field(
        "interpreter_language",
        "Interpreter language",
        "text",
        "needs",
        row="Communication needs",
        told="language",
        privacy="needs",
    ),
    Field("age_band", "Age band", "code", "facts", removed=False, answer=False, words="AGE_BANDS", privacy="age"),
    # The person's age was outside the ages the service is for when they asked (they were told so).
    Field(
        "age_outside_range",
        "Age outside the service's ages",
        "flag",
        "facts",
        copied=False,
        removed=False,
        optional=True,
        missing="No",
        privacy="age",
    ),
    Field("person_name", "Name", "text", "person", told="name", privacy="name"),
    Field("age", "Age", "number", "person", told="age", privacy="age"),
    Field("date_of_birth", "Date of birth", "date", "person", row="Age", told="age", privacy="age"),
    Field("area", "Area or postcode", "text", "person", told="contact", privacy="area"),
    Field(
        "contact_methods",
        "Contact them by",
        "codes",
        "person",
        words="CONTACT_METHODS",
        told="contact",
        privacy="contact",
    ),
    Field("phone", "Phone", "phone", "person", optional=True, told="contact", privacy="contact"),
    Field("email", "Email", "email", "person", optional=True, told="contact", privacy="contact"),
    Field("address", "Address", "lines", "person", optional=True, told="contact", privacy="contact"),
    Field("contact_times", "Best times", "codes", "person", words="CONTACT_TIMES", told="contact", privacy="contact"),
    Field("asker", "Asked by", "code", "person", removed=False, words="ASKERS", privacy="asker"),
    # Who asked, when it was not the person: a family member or carer, or a professional.
    Field("asker_name", "Name of who asked", "text", "person", row="Who asked", told="asker", privacy="asker"),
    Field(
        "asker_relationship",
        "How they know the person",
        "text",
        "person",
        row="Who asked",
        told="asker",
        privacy="family",
    ),
    Field("asker_role", "Professional's job", "text", "person", row="Who asked", told="asker", privacy="worker"),
    Field(
        "asker_organisation",
        "Professional's organisation",
        "text",
        "person",
        row="Who asked",
        told="asker",
        privacy="worker",
    ),
    Field(
        "professional_kind",
        "Kind of professional",
        "code",
        "person",
        row="Who asked",
        removed=False,
        words="PROFESSIONAL_KINDS",
        privacy="worker",
    ),
    Field("asker_phone", "Phone of who asked", "phone", "person", row="Who asked", told="asker", privacy="family"),
    Field("asker_email", "Email of who asked", "email", "person", row="Who asked", told="asker", privacy="asker"),
    Field("lang", "Language used", "code", "person", removed=False, words="LANGUAGES", privacy="language"),
    Field("message", "Their message", "lines", "person", missing="No message.", told="message", privacy="message"),
    Field(
        "person_knows",
        "Knows about the request",
        "code",
        "consent",
        optional=True,
        words="PERSON_KNOWS",
        told="asker",
        privacy="consent",
    ),
    Field("consent_at", "Agreed to share", "moment", "consent", removed=False, privacy="consent"),
    Field(
        "parent_consent_name",
        "Parent or carer who agreed",
        "text",
        "consent",
        row="Parent or carer who agreed (under 16)",
        told="parent",
        privacy="parent",
    ),
    Field(
        "parent_consent_at",
        "When the parent or carer agreed",
        "moment",
        "consent",
        row="Parent or carer who agreed (under 16)",
        removed=False,
        privacy="parent",
    ),
    Field("plan", "My work plan", "plan", "plan", told="plan", privacy="plan"),
    # The checklist the plan came from: a link kept while the referral holds personal data, not shown.
    Field("checklist_session_id", "Checklist", "id", None, exported=False, privacy="plan"),
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
        "assigned_to_id",  # the member of staff working on it
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


def told_groups() -> tuple[str, ...]:
    """What a person is told a referral holds until it is erased, in the registry's order, each once."""
    return tuple(dict.fromkeys(field.told for field in FIELDS if field.removed and field.told))


def exported_fields() -> tuple[Field, ...]:
    return tuple(field for field in FIELDS if field.exported)


def staff_fields(section: str) -> tuple[Field, ...]:
    """The fields the staff page shows in one section, in order."""
    return tuple(field for field in FIELDS if field.section == section)
