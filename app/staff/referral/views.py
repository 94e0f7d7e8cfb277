"""What the staff page shows of a referral: its facts as rows worked out from the field registry, and the
work plan sent with it, read through the snapshot format's one reader."""

from dataclasses import dataclass

from markupsafe import Markup, escape

from app import emails
from app.referrals.fields import BY_NAME, Field, staff_fields
from app.referrals.models import Referral
from app.referrals.snapshot import PlanSection, PlanView, read_snapshot
from app.staff import words

__all__ = ["COMBINED_ROWS", "FACT_SECTIONS", "FactRow", "PlanSection", "PlanView", "fact_rows", "read_plan"]


def read_plan(plan: object) -> PlanView | None:
    """The plan's sections and who filled it in; None when there is no plan or nothing in it to show."""
    return read_snapshot(plan)


@dataclass(frozen=True)
class FactRow:
    label: str
    value: str | Markup
    lines: bool = False  # keep the line breaks the person typed


def _value(field: Field, value) -> str | Markup:
    """One field's value in staff words, by its kind."""
    if field.kind == "codes":
        return words.names_for(getattr(words, field.words), value)
    if field.kind == "code":
        return words.name_for(getattr(words, field.words), value)
    if field.kind == "flag":
        return "Yes" if value else field.missing
    if value is None or value == "":
        return field.missing
    if field.kind == "phone":
        return Markup('<a href="tel:{}">{}</a>').format(value.replace(" ", ""), value)
    if field.kind == "email":
        link = emails.mailto(value)
        return Markup('<a href="{}">{}</a>').format(link, value) if link else str(value)
    if field.kind == "date":
        return words.long_date(value)
    if field.kind == "moment":
        return words.date_time(value)
    return str(value)


def _age(referral: Referral) -> FactRow:
    born = words.long_date(referral.date_of_birth) if referral.date_of_birth else None
    if referral.age is not None:
        return FactRow("Age", f"{referral.age} (born {born})" if born else str(referral.age))
    return FactRow("Age", f"Born {born}" if born else "Not given")


def _who_asked(referral: Referral) -> FactRow | None:
    """A family member's or a professional's name, how they know the person or their job, and how to reach them."""
    parts = (referral.asker_relationship, referral.asker_role, referral.asker_organisation)
    if referral.asker == "self" and not (referral.asker_name or any(parts)):
        return None
    value = escape(referral.asker_name or "Name not given")
    for part in parts:
        value += Markup(", ") + part if part else ""
    if referral.professional_kind:
        value += f" ({words.name_for(words.PROFESSIONAL_KINDS, referral.professional_kind)})"
    for name in ("asker_phone", "asker_email"):
        if getattr(referral, name):
            value += Markup("<br>") + _value(BY_NAME[name], getattr(referral, name))
    return FactRow("Who asked", value)


def _age_flag(referral: Referral) -> FactRow | None:
    if not referral.age_outside_range:
        return None
    return FactRow("Age outside the service's ages", "Yes: the person was told the service may not be for them.")


def _parent_consent(referral: Referral) -> FactRow | None:
    if referral.parent_consent_name or referral.parent_consent_at:
        return FactRow(
            "Parent or carer who agreed (under 16)",
            f"{referral.parent_consent_name or 'Not given'}, {words.date_time(referral.parent_consent_at)}",
        )
    if referral.age is not None and referral.age < 16:
        return FactRow("Parent or carer", "No parent or carer consent is recorded.")
    return None


# Rows that show several fields together, by the row the registry names.
COMBINED_ROWS = {
    "Age": _age,
    "Who asked": _who_asked,
    "Age outside the service's ages": _age_flag,
    "Parent or carer who agreed (under 16)": _parent_consent,
}
FACT_SECTIONS = ("facts", "person", "consent")  # the needs box and the plan have their own parts of the page


def fact_rows(referral: Referral, section: str) -> list[FactRow]:
    """The staff page's rows for one section, worked out from the field registry: a row for each field,
    or one row for the fields that share it."""
    rows, seen = [], set()
    for field in staff_fields(section):
        if field.staff_row in seen:
            continue
        seen.add(field.staff_row)
        value = getattr(referral, field.name)
        if field.staff_row in COMBINED_ROWS:
            row = COMBINED_ROWS[field.staff_row](referral)
        else:
            row = (
                None
                if field.optional and not value
                else FactRow(field.staff_row, _value(field, value), field.kind == "lines")
            )
        if row is not None:
            rows.append(row)
    return rows
