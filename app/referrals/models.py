"""A request for help sent to a service, what staff did with it, and the job it led to."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, false, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import Base
from app.pathways.limits import ID, NAME

# The statuses, in the order the work goes. "signposted" and "closed" are ends.
STATUSES = ("new", "contacted", "accepted", "started", "signposted", "closed")


class Referral(Base):
    """One request for help. The service is kept by id and name, not by a foreign key, because a
    directory import replaces service rows; the referral must outlive that."""

    __tablename__ = "referral"
    __table_args__ = (
        Index("ix_referral_inbox", "organization_id", "status", "created_at"),
        Index("ix_referral_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(12), unique=True)  # read out on the phone: "K7MR-4WAX"
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)  # from the form: a resend finds this row
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    lang: Mapped[str] = mapped_column(String(5), default="en")  # the language the person used

    # Where it went.
    service_id: Mapped[str] = mapped_column(String(ID), index=True)
    service_name: Mapped[str] = mapped_column(String(NAME))
    organization_id: Mapped[str | None] = mapped_column(String(ID))  # who may see it; the council's own org when routed
    requested_service_id: Mapped[str | None] = mapped_column(String(ID))  # the service the person chose, when routed
    routed_to_council: Mapped[bool] = mapped_column(Boolean, default=False)  # the service needs a professional referral
    ladder_step: Mapped[str | None] = mapped_column(String(40), index=True)
    age_band: Mapped[str | None] = mapped_column(String(10), index=True)
    age_outside_range: Mapped[bool | None] = mapped_column(Boolean)  # outside the service's ages when asked

    # Where the work is up to.
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    contact_due_on: Mapped[date] = mapped_column(Date, index=True)  # first contact due by, in working days
    contacted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_reason: Mapped[str | None] = mapped_column(String(40))
    # The member of staff working on it ("my referrals"); None: nobody yet.
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)
    signposted_from_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id", ondelete="SET NULL"), index=True)

    # Who asked: "self", "family" (then their name, how they know the person, phone and email) or
    # "professional" (then their kind, name, organisation, role and work email).
    asker: Mapped[str] = mapped_column(String(20))
    professional_kind: Mapped[str | None] = mapped_column(
        String(20)
    )  # school, college, social-worker, job-centre, health
    asker_name: Mapped[str | None] = mapped_column(String(120))
    asker_organisation: Mapped[str | None] = mapped_column(String(120))
    asker_role: Mapped[str | None] = mapped_column(String(120))
    asker_email: Mapped[str | None] = mapped_column(String(254))
    asker_relationship: Mapped[str | None] = mapped_column(String(60))  # a family member or carer: "mother"
    asker_phone: Mapped[str | None] = mapped_column(String(40))
    person_knows: Mapped[str | None] = mapped_column(String(10))  # asked for someone: do they know? yes, no

    # About the person. What each field is, and what is copied, removed and exported: app/referrals/fields.py.
    person_name: Mapped[str | None] = mapped_column(String(120))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    age: Mapped[int | None] = mapped_column(Integer)
    area: Mapped[str | None] = mapped_column(String(120))  # an area of the council or a postcode
    contact_methods: Mapped[list] = mapped_column(JSON, default=list)  # phone, text, email, letter
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(Text)
    contact_times: Mapped[list] = mapped_column(JSON, default=list)  # morning, afternoon, evening, any-time
    needs: Mapped[list] = mapped_column(JSON, default=list)  # easy-read, bsl, interpreter, someone-with-me
    contact_language: Mapped[str | None] = mapped_column(String(10))  # en, cy, other (with an interpreter)
    interpreter_language: Mapped[str | None] = mapped_column(String(60))
    message: Mapped[str | None] = mapped_column(Text)  # anything else the person wants the service to know

    # Consent. A referral is never saved without it.
    consent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    parent_consent_name: Mapped[str | None] = mapped_column(String(120))  # under 16: the parent or carer who agreed
    parent_consent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    # My work plan, when the person chose to send it: the plan as it was, so it outlives the checklist.
    plan: Mapped[dict | None] = mapped_column(JSON)
    checklist_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_session.id", ondelete="SET NULL"), index=True
    )

    personal_data_removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    # After Send (app/referrals/after.py). The code in the confirmation to the person, kept only as a keyed hash.
    status_code_hash: Mapped[str | None] = mapped_column(String(64))
    # A referral signposted here: "waiting" until the person agrees to share their answers with this service,
    # then "agreed" (None: not signposted). The token of the link in the message asking them, as a keyed hash.
    share_consent: Mapped[str | None] = mapped_column(String(10))
    share_consent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    share_token_hash: Mapped[str | None] = mapped_column(String(64), index=True)

    @property
    def message_lang(self) -> str:
        """The language for messages to the person: the one they asked to be contacted in, when the site has
        it, else the one they used on the site."""
        return self.contact_language if self.contact_language in ("en", "cy") else self.lang

    events: Mapped[list["ReferralEvent"]] = relationship(
        back_populates="referral", cascade="all, delete-orphan", passive_deletes=True, order_by="ReferralEvent.id"
    )
    notes: Mapped[list["ReferralNote"]] = relationship(
        back_populates="referral", cascade="all, delete-orphan", passive_deletes=True, order_by="ReferralNote.id"
    )
    jobs: Mapped[list["JobStart"]] = relationship(
        back_populates="referral", cascade="all, delete-orphan", passive_deletes=True, order_by="JobStart.start_date"
    )
    signposted_from: Mapped["Referral | None"] = relationship(remote_side=[id])


class ReferralEvent(Base):
    """One line of a referral's history: made, status changed, signposted, job recorded."""

    __tablename__ = "referral_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(30))  # created, status, signposted, note, job-start, check-in
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    detail: Mapped[str | None] = mapped_column(String(200))  # a reason code or a reference; never personal data
    referral: Mapped[Referral] = relationship(back_populates="events")


class ReferralNote(Base):
    """A free-text note by staff. Personal data: removed with the referral's."""

    __tablename__ = "referral_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    referral: Mapped[Referral] = relationship(back_populates="notes")


class JobStart(Base):
    """A job the person started after the referral. A job change is a second row."""

    __tablename__ = "job_start"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    employer: Mapped[str] = mapped_column(String(120))
    job_title: Mapped[str] = mapped_column(String(120))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    hours_per_week: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    hourly_pay: Mapped[Decimal | None] = mapped_column(Numeric(7, 2))  # pounds; none when unpaid
    paid: Mapped[bool] = mapped_column(Boolean)
    apprenticeship: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A worker checked that hourly pay below the legal minimum for the person's age is right (app/outcomes/pay.py).
    pay_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    pay_confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    referral: Mapped[Referral] = relationship(back_populates="jobs")
    check_ins: Mapped[list["HoursCheckIn"]] = relationship(
        back_populates="job", cascade="all, delete-orphan", passive_deletes=True, order_by="HoursCheckIn.period_start"
    )


class HoursCheckIn(Base):
    """Hours worked in each week of a period: one week, a month, or any run of weeks."""

    __tablename__ = "hours_check_in"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("job_start.id", ondelete="CASCADE"), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)  # inclusive
    hours_per_week: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    evidence: Mapped[str | None] = mapped_column(String(20))  # payslip, employer or person (EVIDENCE in forms)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    job: Mapped[JobStart] = relationship(back_populates="check_ins")
