"""The directory, modelled on Open Referral (HSDS 3.0): organisations, services, locations, taxonomies.

Table and column names follow HSDS, so import and export are a plain mapping. Our easy-read fields
(the `x_mywaytowork` extension) are columns on `service`. `ladder_step`, `sort_name`,
`filter_terms` and the `service_word` rows are worked out from the rest on import, so that search
and filters stay fast.
"""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import Base
from app.pathways.limits import CODE, ID, NAME, URL, WORD


def _id() -> Mapped[str]:
    return mapped_column(String(ID), primary_key=True)


def _service_id(nullable: bool = False) -> Mapped:
    return mapped_column(String(ID), ForeignKey("service.id", ondelete="CASCADE"), index=True, nullable=nullable)


class Organization(Base):
    __tablename__ = "organization"

    id: Mapped[str] = _id()
    name: Mapped[str] = mapped_column(String(NAME))
    alternate_name: Mapped[str | None] = mapped_column(String(NAME))
    description: Mapped[str] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(NAME))
    website: Mapped[str | None] = mapped_column(String(URL))
    legal_status: Mapped[str | None] = mapped_column(String(NAME))


class LocalArea(Base):
    """A part of the council's area, for the "where" filter. Ours, not HSDS: it rides in the extension."""

    __tablename__ = "local_area"

    id: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(NAME))
    name_cy: Mapped[str | None] = mapped_column(String(NAME))


# What a directory search filters on, in the order both of the service indexes below hold them.
FILTER_COLUMNS = (
    "status",
    "ladder_step",
    "area_id",
    "paid",
    "self_referral",
    "minimum_age",
    "maximum_age",
    "filter_terms",
)


class Service(Base):
    __tablename__ = "service"
    # Every filter can be answered from this one index, in name order, without reading the rows.
    __table_args__ = (
        Index("ix_service_listing", "sort_name", "id", *FILTER_COLUMNS),
        # The same, found by id: a search by words checks each service its words find without reading the row.
        Index("ix_service_filters_by_id", "id", *FILTER_COLUMNS, "sort_name"),
        # Only the demo services: whether there are any is asked on every directory page.
        Index("ix_service_demo", "id", sqlite_where=text("demo = 1"), postgresql_where=text("demo")),
    )

    id: Mapped[str] = _id()
    organization_id: Mapped[str] = mapped_column(String(ID), ForeignKey("organization.id"), index=True)
    name: Mapped[str] = mapped_column(String(NAME))
    alternate_name: Mapped[str | None] = mapped_column(String(NAME))
    description: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(URL))
    email: Mapped[str | None] = mapped_column(String(NAME))
    status: Mapped[str] = mapped_column(String(32))
    interpretation_services: Mapped[str | None] = mapped_column(Text)
    application_process: Mapped[str | None] = mapped_column(Text)
    fees_description: Mapped[str | None] = mapped_column(Text)
    wait_time: Mapped[str | None] = mapped_column(String(NAME))
    eligibility_description: Mapped[str | None] = mapped_column(Text)
    minimum_age: Mapped[int | None] = mapped_column(Integer)
    maximum_age: Mapped[int | None] = mapped_column(Integer)
    alert: Mapped[str | None] = mapped_column(Text)
    assured_date: Mapped[str | None] = mapped_column(String(32))  # when the details were last checked
    assurer_email: Mapped[str | None] = mapped_column(String(NAME))
    last_modified: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)

    # The x_mywaytowork extension
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    name_cy: Mapped[str | None] = mapped_column(String(NAME))
    summary_en: Mapped[str | None] = mapped_column(Text)
    summary_cy: Mapped[str | None] = mapped_column(Text)
    who_for_en: Mapped[str | None] = mapped_column(Text)
    who_for_cy: Mapped[str | None] = mapped_column(Text)
    description_cy: Mapped[str | None] = mapped_column(Text)
    symbol: Mapped[str | None] = mapped_column(String(CODE))
    self_referral: Mapped[bool | None] = mapped_column(Boolean)
    paid: Mapped[bool | None] = mapped_column(Boolean)
    hours: Mapped[str | None] = mapped_column(String(CODE))
    area_id: Mapped[str | None] = mapped_column(String(CODE), ForeignKey("local_area.id"), index=True)

    # The root URL of the Open Referral UK feed the service is pulled from; None when it is kept here
    source: Mapped[str | None] = mapped_column(String(URL), index=True)

    # The easy-read layer as staff write it (app/staff/directory): summary_en and the rest above are the
    # published words everyone sees; a new version waits in the draft_ columns until it is checked by a
    # second person and published. Imported words count as published. Staff ids, not foreign keys: staff
    # accounts are deactivated, never deleted, and an import replaces service rows whole.
    easyread_state: Mapped[str] = mapped_column(String(16), default="published", server_default="published")
    draft_summary_en: Mapped[str | None] = mapped_column(Text)
    draft_summary_cy: Mapped[str | None] = mapped_column(Text)
    draft_who_for_en: Mapped[str | None] = mapped_column(Text)
    draft_who_for_cy: Mapped[str | None] = mapped_column(Text)
    draft_symbol: Mapped[str | None] = mapped_column(String(CODE))
    written_by: Mapped[int | None] = mapped_column(Integer)
    written_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    checked_by: Mapped[int | None] = mapped_column(Integer)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_by: Mapped[int | None] = mapped_column(Integer)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    # Worked out on import
    ladder_step: Mapped[str | None] = mapped_column(String(CODE))
    sort_name: Mapped[str] = mapped_column(String(NAME))
    filter_terms: Mapped[str] = mapped_column(Text)  # " step:volunteering kind:work-trial need:autism "

    organization: Mapped[Organization] = relationship(lazy="joined", innerjoin=True)
    area: Mapped[LocalArea | None] = relationship(lazy="joined")
    attributes: Mapped[list["Attribute"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    contacts: Mapped[list["Contact"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    phones: Mapped[list["Phone"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    schedules: Mapped[list["Schedule"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    service_areas: Mapped[list["ServiceArea"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    languages: Mapped[list["Language"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    cost_options: Mapped[list["CostOption"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    service_at_locations: Mapped[list["ServiceAtLocation"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class Location(Base):
    __tablename__ = "location"

    id: Mapped[str] = _id()
    organization_id: Mapped[str | None] = mapped_column(String(ID), ForeignKey("organization.id"), index=True)
    location_type: Mapped[str] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(String(NAME))
    alternate_name: Mapped[str | None] = mapped_column(String(NAME))
    description: Mapped[str | None] = mapped_column(Text)
    transportation: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

    addresses: Mapped[list["Address"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    schedules: Mapped[list["Schedule"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Address(Base):
    __tablename__ = "address"

    id: Mapped[str] = _id()
    location_id: Mapped[str] = mapped_column(String(ID), ForeignKey("location.id", ondelete="CASCADE"), index=True)
    attention: Mapped[str | None] = mapped_column(String(NAME))
    address_1: Mapped[str] = mapped_column(String(NAME))
    address_2: Mapped[str | None] = mapped_column(String(NAME))
    city: Mapped[str] = mapped_column(String(NAME))
    region: Mapped[str | None] = mapped_column(String(NAME))
    state_province: Mapped[str] = mapped_column(String(NAME))
    postal_code: Mapped[str] = mapped_column(String(32))
    country: Mapped[str] = mapped_column(String(64))
    address_type: Mapped[str] = mapped_column(String(16))


class ServiceAtLocation(Base):
    __tablename__ = "service_at_location"

    id: Mapped[str] = _id()
    service_id: Mapped[str] = _service_id()
    location_id: Mapped[str] = mapped_column(String(ID), ForeignKey("location.id"), index=True)
    description: Mapped[str | None] = mapped_column(Text)

    location: Mapped[Location] = relationship(lazy="joined", innerjoin=True)
    schedules: Mapped[list["Schedule"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[str] = _id()
    service_id: Mapped[str] = _service_id()
    name: Mapped[str | None] = mapped_column(String(NAME))
    title: Mapped[str | None] = mapped_column(String(NAME))
    department: Mapped[str | None] = mapped_column(String(NAME))
    email: Mapped[str | None] = mapped_column(String(NAME))

    phones: Mapped[list["Phone"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Phone(Base):
    """A service's own phone (contact_id empty) or a contact's phone (service_id empty)."""

    __tablename__ = "phone"

    id: Mapped[str] = _id()
    service_id: Mapped[str | None] = _service_id(nullable=True)
    contact_id: Mapped[str | None] = mapped_column(String(ID), ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(50))
    extension: Mapped[int | None] = mapped_column(Integer)
    type: Mapped[str | None] = mapped_column(String(50))
    description: Mapped[str | None] = mapped_column(Text)


class Schedule(Base):
    """When a service runs: for the service as a whole, or at one of its locations; or when a location is open."""

    __tablename__ = "schedule"

    id: Mapped[str] = _id()
    service_id: Mapped[str | None] = _service_id(nullable=True)
    service_at_location_id: Mapped[str | None] = mapped_column(
        String(ID), ForeignKey("service_at_location.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[str | None] = mapped_column(
        String(ID), ForeignKey("location.id", ondelete="CASCADE"), index=True
    )
    freq: Mapped[str | None] = mapped_column(String(16))
    interval: Mapped[int | None] = mapped_column(Integer)
    byday: Mapped[str | None] = mapped_column(String(64))
    opens_at: Mapped[str | None] = mapped_column(String(16))
    closes_at: Mapped[str | None] = mapped_column(String(16))
    valid_from: Mapped[str | None] = mapped_column(String(32))
    valid_to: Mapped[str | None] = mapped_column(String(32))
    description: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    attending_type: Mapped[str | None] = mapped_column(String(NAME))
    # The rest of the iCal rule (RFC 5545), as HSDS 3.0 gives it.
    dtstart: Mapped[str | None] = mapped_column(String(32))
    until: Mapped[str | None] = mapped_column(String(32))
    count: Mapped[int | None] = mapped_column(Integer)
    wkst: Mapped[str | None] = mapped_column(String(2))
    bymonthday: Mapped[str | None] = mapped_column(String(128))
    byweekno: Mapped[str | None] = mapped_column(String(NAME))
    byyearday: Mapped[str | None] = mapped_column(String(NAME))
    timezone: Mapped[float | None] = mapped_column(Float)
    schedule_link: Mapped[str | None] = mapped_column(String(URL))


class ServiceArea(Base):
    __tablename__ = "service_area"

    id: Mapped[str] = _id()
    service_id: Mapped[str] = _service_id()
    name: Mapped[str | None] = mapped_column(String(NAME))
    description: Mapped[str | None] = mapped_column(Text)
    extent: Mapped[str | None] = mapped_column(Text)
    extent_type: Mapped[str | None] = mapped_column(String(NAME))
    uri: Mapped[str | None] = mapped_column(String(URL))


class Language(Base):
    __tablename__ = "language"

    id: Mapped[str] = _id()
    service_id: Mapped[str] = _service_id()
    name: Mapped[str | None] = mapped_column(String(NAME))
    code: Mapped[str | None] = mapped_column(String(CODE))
    note: Mapped[str | None] = mapped_column(Text)


class CostOption(Base):
    __tablename__ = "cost_option"

    id: Mapped[str] = _id()
    service_id: Mapped[str] = _service_id()
    option: Mapped[str | None] = mapped_column(String(NAME))
    currency: Mapped[str | None] = mapped_column(String(8))
    amount: Mapped[float | None] = mapped_column(Float)
    amount_description: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[str | None] = mapped_column(String(32))
    valid_to: Mapped[str | None] = mapped_column(String(32))


class Taxonomy(Base):
    __tablename__ = "taxonomy"

    id: Mapped[str] = _id()
    name: Mapped[str] = mapped_column(String(NAME))
    description: Mapped[str] = mapped_column(Text)
    uri: Mapped[str | None] = mapped_column(String(URL))
    version: Mapped[str | None] = mapped_column(String(NAME))


class TaxonomyTerm(Base):
    __tablename__ = "taxonomy_term"
    __table_args__ = (Index("ix_taxonomy_term_taxonomy_code", "taxonomy_id", "code"),)

    id: Mapped[str] = _id()
    taxonomy_id: Mapped[str | None] = mapped_column(String(ID), ForeignKey("taxonomy.id"))
    code: Mapped[str | None] = mapped_column(String(CODE))
    name: Mapped[str] = mapped_column(String(NAME))
    description: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(String(ID))
    taxonomy: Mapped[str | None] = mapped_column(String(NAME))
    term_uri: Mapped[str | None] = mapped_column(String(URL))
    language: Mapped[str | None] = mapped_column(String(16))

    taxonomy_detail: Mapped[Taxonomy | None] = relationship(lazy="joined")


class Attribute(Base):
    """Links a service to a taxonomy term: its ladder step, kinds of support, support needs, kinds of work."""

    __tablename__ = "attribute"
    __table_args__ = (Index("ix_attribute_term_link", "taxonomy_term_id", "link_id"),)

    id: Mapped[str] = _id()
    link_id: Mapped[str] = _service_id()
    taxonomy_term_id: Mapped[str] = mapped_column(String(ID), ForeignKey("taxonomy_term.id"))
    link_type: Mapped[str | None] = mapped_column(String(NAME))
    link_entity: Mapped[str] = mapped_column(String(NAME), default="service")
    value: Mapped[str | None] = mapped_column(Text)

    taxonomy_term: Mapped[TaxonomyTerm] = relationship(lazy="joined", innerjoin=True)


class ServiceWord(Base):
    """Each word a service can be found by (folded, see text.py): searching for the start of a word is an index range."""

    __tablename__ = "service_word"

    word: Mapped[str] = mapped_column(String(WORD), primary_key=True)
    service_id: Mapped[str] = mapped_column(
        String(ID), ForeignKey("service.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class DirectoryPull(Base):
    """One pull of another Open Referral UK feed: when, from where, whether it was applied, and its counts."""

    __tablename__ = "directory_pull"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(URL), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    applied: Mapped[bool] = mapped_column(Boolean)
    new: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    gone: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    problems: Mapped[str | None] = mapped_column(Text)  # the first problems, one a line, when it was not applied


class HealthFinding(Base):
    """A stored finding of the content audit (app/pathways/health.py), worked out when the service last
    changed; the staff page reads these instead of auditing the whole directory on every view."""

    __tablename__ = "health_finding"
    # The page's queries read these indexes alone: counts by rule, services with a finding, and a page in
    # name order of every finding or of one rule, each filtered by the day a finding starts to apply.
    __table_args__ = (
        Index("ix_health_finding_in_order", "sort_name", "service_id", "position", "starts"),
        Index("ix_health_finding_rule_in_order", "rule", "sort_name", "service_id", "position", "starts"),
        Index("ix_health_finding_counts", "rule", "starts"),
        Index("ix_health_finding_services", "service_id", "starts"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_id: Mapped[str] = mapped_column(String(ID), ForeignKey("service.id", ondelete="CASCADE"))
    sort_name: Mapped[str] = mapped_column(String(NAME))  # the service's, for the page's order
    position: Mapped[int] = mapped_column(Integer)  # the finding's place in the service's audit
    rule: Mapped[str] = mapped_column(String(CODE))
    severity: Mapped[str] = mapped_column(String(CODE))
    message: Mapped[str] = mapped_column(Text)  # what to fix, in easy words, as the page shows it
    starts: Mapped[date | None] = mapped_column(Date)  # the first day it applies; None: every day
    worked_out_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class HealthChecked(Base):
    """When a service's findings were last worked out: a service without a row has never been audited."""

    __tablename__ = "health_checked"

    service_id: Mapped[str] = mapped_column(String(ID), ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    worked_out_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
