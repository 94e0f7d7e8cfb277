"""Demo referrals for the fictional council area: clearly made-up people (names marked "(demo)",
example.org emails, 01632 96xxxx phone numbers from Ofcom's drama range), spread over services, statuses,
ladder steps, age bands and kinds of asker. Dates count back from today, so some are always overdue.

They are written straight to the database with their history, and never through the outbox: demo
data must not send mail."""

from datetime import date, datetime, timedelta
from random import Random

from flask import Flask
from sqlalchemy import select

from app import clock
from app.checklists.plan import Plan, Sentence
from app.pathways.models import Service
from app.referrals.after import keyed_hash
from app.referrals.models import Referral, ReferralEvent, ReferralNote
from app.referrals.reference import ALPHABET
from app.referrals.sharing import WAITING, copied_on_consent
from app.referrals.snapshot import write_snapshot
from app.staff.models import StaffUser
from app.staff.overdue import contact_due_on
from demo.staff import DEMO_ACCOUNTS, WORKS_ORG

DEMO_REFERENCE = "KMRW-3467"  # new, to Sandbridge Works, with a plan and communication needs
DEMO_STARTED_REFERENCE = "HJKM-4679"  # started, to Sandbridge Works: the outcomes demo records a job on it
DEMO_SIGNPOSTED_REFERENCE = "WXYA-7974"  # Sandbridge Works sent it on to Harbour Café
# The link the person was sent to agree to share with Harbour Café: /ask-for-help/share/<this>.
DEMO_SHARE_CONSENT_TOKEN = "demo-share-consent-for-trying-out"
DEMO_COUNCIL_REFERENCE = "AFHJ-7943"  # asked for Project SEARCH, which needs a worker: routed to the council team
DEMO_OUTCOME_REFERENCE = "MRYK-3696"  # started months ago, to Sandbridge Works: its job met the sustained outcome

# Services in the demo directory.
JOB_COACH = "5ec69b07-4433-591e-a591-34f8423d4d5d"  # Sandbridge Works
AUTISM_SUPPORT = "c88a2f72-ed51-5898-9794-3597d7f28cca"  # Sandbridge Works
KEEP_YOUR_JOB = "656db0a1-bab5-59c7-8b6c-83f308db249e"  # Sandbridge Works
DISABLED_SUPPORT = "02dd69c1-2847-5547-8203-ed466cf050d7"  # Sandbridge Works
ADULT_EXPERIENCE = "58b57b29-d554-5756-bf77-f20d1044b787"  # Sandbridge Works, volunteering
HARBOUR_CAFE = "a4f34fe0-24fc-58f9-8922-919c6081da3c"
PROJECT_SEARCH = "d3e44d29-a554-5026-a005-2178af9a9f44"  # needs a worker's referral
HOSPITAL_JOBS = "42fe1ea7-5128-5f7a-ac97-24b83f8d4d26"
ANIMALS = "b1c12d86-2dcc-5c62-be36-a21dd5490d5e"
BAY_FOODS = "4c8ca7ac-cd33-550f-9f1b-2913dc93a72c"
APPRENTICESHIPS = "33292873-d554-5384-ad7f-22f7331288b5"
COLLEGE = "3ade8d1e-8c4c-5814-8bd2-d1ad0105d8cb"
BIKES = "f2ce4458-cefc-551e-93c0-8d4ba0efca6d"
LIBRARY = "33f5ab26-ba82-5512-8337-488311bb0044"
JOBS_CLUB = "e2586dec-9a5c-5478-9ac5-622c55108638"

PLAN = write_snapshot(
    Plan(
        aspirations=[
            Sentence("animals", "I would like to work with animals."),
            Sentence("outdoors", "I would like to work outdoors."),
            Sentence("hours", "I would like to work 16 hours a week or more."),
        ],
        strengths=[
            Sentence("animals", "I am good with animals."),
            Sentence("clock", "I am always on time."),
            Sentence("money", "I can handle money."),
        ],
        support=[
            Sentence("job-coach", "A job coach helps me."),
            Sentence("step", "Clear steps, one at a time, help me."),
            Sentence("bus", "I can travel with help."),
        ],
        next_steps=[
            Sentence("bank-account", "Get a bank account."),
            Sentence("better-off-check", "Do a better-off check."),
            Sentence("cv", "Make a CV."),
        ],
        filled_by=["Me, with help from a teacher"],
    )
)
SHORT_PLAN = write_snapshot(
    Plan(
        aspirations=[
            Sentence("cooking", "I would like to work in a café."),
            Sentence("work-experience", "I would like to try work experience first."),
        ],
        strengths=[Sentence("good-at", "I am friendly and I work hard.")],
        support=[Sentence("quiet", "Quiet places help me."), Sentence("time", "Extra time helps me.")],
        next_steps=[Sentence("step", "Talk to someone you trust about what to try first.")],
        filled_by=["Me"],
    )
)

# Each: reference (or None for a made-up one), service, days ago, the statuses it went through, and the
# person. "closed:reason" closes with that reason; "signposted>service" sends it on to that service.
PEOPLE: list[dict] = [
    dict(
        ref=DEMO_REFERENCE,
        service=JOB_COACH,
        days=1,
        path=["new"],
        name="Cerys Morgan (demo)",
        age=19,
        asker="family",
        needs=["easy-read", "interpreter", "someone-with-me"],
        language="Polish",
        ways=["phone", "text"],
        times=["afternoon"],
        plan=PLAN,
        area="Tŷ Gwyn, Sandbridge",
        message="Cerys would like to work with animals. Please call me first: I am her mum.",
    ),
    dict(
        ref=DEMO_STARTED_REFERENCE,
        service=JOB_COACH,
        days=70,
        path=["new", "contacted", "accepted", "started"],
        name="Rhys Evans (demo)",
        age=24,
        asker="self",
        needs=["easy-read"],
        ways=["email", "phone"],
        times=["morning"],
        plan=SHORT_PLAN,
        notes=[
            "Met Rhys at the job centre. He wants a café or kitchen job, 16 hours or more.",
            "Rhys started at Harbour Café on Monday. Job coach visits weekly.",
        ],
    ),
    dict(
        ref=DEMO_SIGNPOSTED_REFERENCE,
        service=AUTISM_SUPPORT,
        days=20,
        path=["new", "contacted", f"signposted>{HARBOUR_CAFE}"],
        name="Dylan Hughes (demo)",
        age=17,
        asker="professional",
        kind="school",
        needs=["someone-with-me"],
        ways=["email"],
        plan=SHORT_PLAN,
        notes=["Dylan would rather start in a café team. Sent on to Harbour Café."],
    ),
    dict(
        ref=DEMO_COUNCIL_REFERENCE,
        service=PROJECT_SEARCH,
        days=2,
        path=["new"],
        council=True,
        name="Megan Price (demo)",
        age=18,
        asker="professional",
        kind="college",
        needs=["easy-read"],
        ways=["phone"],
        times=["any-time"],
    ),
    dict(
        service=AUTISM_SUPPORT,
        days=12,
        path=["new"],
        name="Owen Thomas (demo)",
        age=16,
        asker="family",
        needs=["easy-read"],
        ways=["phone"],
        times=["evening"],
    ),
    dict(
        service=JOB_COACH,
        days=15,
        path=["new"],
        name="Sioned Lewis (demo)",
        age=27,
        asker="professional",
        kind="social-worker",
        needs=["bsl"],
        ways=["email", "text"],
    ),
    dict(
        service=DISABLED_SUPPORT,
        days=9,
        path=["new"],
        name="Tomos Roberts (demo)",
        age=35,
        asker="self",
        needs=[],
        ways=["phone"],
        area="Pen-y-bryn, Sandbridge",
    ),
    dict(
        service=KEEP_YOUR_JOB,
        days=0,
        path=["new"],
        name="Ffion Jenkins (demo)",
        age=22,
        asker="self",
        needs=["easy-read"],
        ways=["text"],
    ),
    dict(
        service=ADULT_EXPERIENCE,
        days=30,
        path=["new", "contacted"],
        name="Gareth Davies (demo)",
        age=41,
        asker="professional",
        kind="job-centre",
        needs=[],
        ways=["letter"],
        address="12 Harbour Road\nSandbridge\nSB1 2XY",
    ),
    dict(
        service=AUTISM_SUPPORT,
        days=40,
        path=["new", "contacted", "accepted"],
        name="Nia Williams (demo)",
        age=20,
        asker="self",
        needs=["easy-read", "someone-with-me"],
        ways=["email"],
        plan=PLAN,
    ),
    dict(
        service=JOB_COACH,
        days=55,
        path=["new", "contacted", "closed:no-thanks"],
        name="Iwan Parry (demo)",
        age=29,
        asker="family",
        needs=[],
        ways=["phone"],
    ),
    dict(
        service=DISABLED_SUPPORT,
        days=45,
        path=["new", "closed:could-not-contact"],
        name="Lowri Edwards (demo)",
        age=31,
        asker="self",
        needs=["interpreter"],
        language="Arabic",
        ways=["phone"],
    ),
    dict(
        service=KEEP_YOUR_JOB,
        days=90,
        path=["new", "contacted", "accepted", "started", "closed:job-ended"],
        name="Elis Pritchard (demo)",
        age=26,
        asker="professional",
        kind="health",
        needs=[],
        ways=["email"],
    ),
    dict(
        service=ADULT_EXPERIENCE,
        days=6,
        path=["new", "contacted"],
        name="Alys Rees (demo)",
        age=15,
        asker="family",
        parent="Bethan Rees (demo)",
        needs=["easy-read"],
        ways=["phone"],
        times=["evening"],
    ),
    dict(
        service=JOB_COACH,
        days=25,
        path=["new", "contacted", "accepted"],
        name="Mabli Griffiths (demo)",
        age=18,
        asker="professional",
        kind="school",
        needs=["bsl"],
        ways=["email"],
        phone="+44 1632 960412",
    ),
    dict(
        service=HOSPITAL_JOBS,
        days=3,
        path=["new"],
        name="Aled Jones (demo)",
        age=23,
        asker="self",
        needs=[],
        ways=["email"],
    ),
    dict(
        service=HOSPITAL_JOBS,
        days=35,
        path=["new", "contacted", "accepted", "started"],
        name="Carys Powell (demo)",
        age=25,
        asker="professional",
        kind="job-centre",
        needs=["easy-read"],
        ways=["phone"],
    ),
    dict(
        service=HARBOUR_CAFE,
        days=11,
        path=["new"],
        name="Osian Bevan (demo)",
        age=17,
        asker="family",
        needs=["someone-with-me"],
        ways=["phone"],
    ),
    dict(
        service=ANIMALS,
        days=8,
        path=["new", "contacted"],
        name="Eira Jones (demo)",
        age=16,
        asker="self",
        needs=["easy-read"],
        ways=["text"],
        plan=PLAN,
    ),
    dict(
        service=ANIMALS,
        days=60,
        path=["new", "closed:service-full"],
        name="Harri Vaughan (demo)",
        age=44,
        asker="self",
        needs=[],
        ways=["email"],
    ),
    dict(
        service=BAY_FOODS,
        days=18,
        path=["new", "contacted", "accepted"],
        name="Gwen Morris (demo)",
        age=52,
        asker="professional",
        kind="social-worker",
        needs=["easy-read"],
        ways=["phone"],
    ),
    dict(
        service=APPRENTICESHIPS,
        days=4,
        path=["new"],
        name="Jac Phillips (demo)",
        age=18,
        asker="professional",
        kind="college",
        needs=[],
        ways=["email"],
    ),
    dict(
        service=COLLEGE,
        days=27,
        path=["new", "contacted", "closed:moved-away"],
        name="Llinos Owen (demo)",
        age=19,
        asker="family",
        needs=["interpreter"],
        language="Welsh",
        ways=["letter"],
        address="3 Chapel Street\nSandbridge\nSB3 4YZ",
    ),
    dict(
        service=BIKES, days=14, path=["new"], name="Ifan Howells (demo)", age=21, asker="self", needs=[], ways=["phone"]
    ),
    dict(
        service=LIBRARY,
        days=5,
        path=["new", "contacted"],
        name="Nerys Bowen (demo)",
        age=14,
        asker="professional",
        kind="school",
        parent="Gethin Bowen (demo)",
        needs=["easy-read"],
        ways=["email"],
    ),
    dict(
        service=JOBS_CLUB,
        days=50,
        path=["new", "contacted", "accepted", "started"],
        name="Steffan Rowlands (demo)",
        age=33,
        asker="self",
        needs=[],
        ways=["email"],
    ),
    dict(
        service=PROJECT_SEARCH,
        days=16,
        path=["new", "contacted"],
        council=True,
        name="Tirion Lloyd (demo)",
        age=17,
        asker="family",
        needs=["easy-read", "someone-with-me"],
        ways=["phone"],
    ),
    dict(
        service=AUTISM_SUPPORT,
        days=400,
        path=["new", "contacted", "closed:other"],
        removed=True,
        age=30,
        asker="self",
        needs=[],
        ways=[],
    ),
    dict(
        service=COLLEGE,
        days=10,
        path=["new"],
        name="Elin Mathias (demo)",
        age=16,
        asker="self",
        needs=["bsl"],
        ways=["email"],
    ),
    dict(
        ref=DEMO_OUTCOME_REFERENCE,
        service=JOB_COACH,
        days=170,
        path=["new", "contacted", "accepted", "started"],
        name="Mali Thomas (demo)",
        age=22,
        asker="family",
        needs=["easy-read", "someone-with-me"],
        ways=["phone"],
        notes=["Mali started at Sandbridge Library Café. 18 hours a week; her job coach visits each month."],
    ),
]

STEP_DAYS = {"contacted": 2, "accepted": 5, "started": 14, "closed": 1, "signposted": 1}  # days after the step before
AGE_BAND = ((14, 15, "14-15"), (16, 18, "16-18"), (19, 25, "19-25"), (26, 200, "26-plus"))


def _band(age: int) -> str:
    return next(band for low, high, band in AGE_BAND if low <= age <= high)


def _references() -> list[str]:
    """Made-up references for the rest, the same every time, never one of the fixed ones."""
    rng, fixed, found = (
        Random(2026),
        {
            DEMO_REFERENCE,
            DEMO_STARTED_REFERENCE,
            DEMO_SIGNPOSTED_REFERENCE,
            DEMO_COUNCIL_REFERENCE,
            DEMO_OUTCOME_REFERENCE,
        },
        [],
    )
    while len(found) < len(PEOPLE) * 2:
        chars = "".join(rng.choice(ALPHABET) for _ in range(8))
        reference = f"{chars[:4]}-{chars[4:]}"
        if reference not in fixed and reference not in found:
            found.append(reference)
    return found


def _waiting(app: Flask) -> dict:
    """A referral signposted on, waiting for the person to agree to share: it holds none of their details yet."""
    with app.app_context():
        return {"share_consent": WAITING, "share_token_hash": keyed_hash(DEMO_SHARE_CONSENT_TOKEN)}


def _person(spec: dict, number: int, made: datetime) -> dict:
    """The person's answers and consent."""
    if spec.get("removed"):
        return dict(
            asker=spec["asker"],
            age=None,
            consent_at=made,
            needs=[],
            contact_methods=[],
            contact_times=[],
            personal_data_removed_at=made + timedelta(days=380),
        )
    first = spec["name"].split()[0].lower()
    kind = spec.get("kind")
    birthday = date(made.year, 1 + number % 12, 1 + number % 27)
    born = birthday.replace(year=made.year - spec["age"] - (birthday > made.date()))
    answers = dict(
        asker=spec["asker"],
        person_name=spec["name"],
        age=spec["age"],
        date_of_birth=born if number % 3 else None,
        area=spec.get("area", "Sandbridge"),
        contact_methods=spec["ways"],
        contact_times=spec.get("times", ["any-time"]),
        phone=spec.get("phone", f"01632 960{number:03d}") if {"phone", "text"} & set(spec["ways"]) else None,
        email=f"{first}.demo@example.org" if "email" in spec["ways"] else None,
        address=spec.get("address"),
        needs=spec["needs"],
        interpreter_language=spec.get("language"),
        message=spec.get("message"),
        consent_at=made - timedelta(minutes=3),
        plan=spec.get("plan"),
        lang="cy" if number % 7 == 3 else "en",
    )
    if spec.get("parent"):
        answers.update(parent_consent_name=spec["parent"], parent_consent_at=made - timedelta(minutes=2))
    if kind:
        answers.update(
            professional_kind=kind,
            asker_name=f"{['Dana', 'Rob', 'Kim', 'Lee', 'Sam'][number % 5]} Example (demo)",
            asker_organisation={
                "school": "Sandbridge High School (demo)",
                "college": "Sandbridge College (demo)",
                "social-worker": "Sandbridge Council adult services (demo)",
                "job-centre": "Sandbridge Jobcentre (demo)",
                "health": "Sandbridge Health Board (demo)",
            }[kind],
            asker_role={
                "school": "SENCo",
                "college": "Transition lead",
                "social-worker": "Social worker",
                "job-centre": "Disability employment adviser",
                "health": "Community nurse",
            }[kind],
            asker_email=f"worker{number}.demo@example.org",
        )
    return answers


class _Loader:
    def __init__(self, session, app: Flask) -> None:
        self.session, self.app = session, app
        self.references = iter(_references())
        staff = dict(session.execute(select(StaffUser.email, StaffUser.id)).all())
        self.provider = staff.get(DEMO_ACCOUNTS["provider"]["email"])
        self.admin = staff.get(DEMO_ACCOUNTS["council-admin"]["email"])
        self.made = 0

    def _due(self, made: datetime) -> date:
        return contact_due_on(made.date(), self.app.config["CONTACT_WITHIN_WORKING_DAYS"], self.app.config["HOLIDAYS"])

    def add(
        self, spec: dict, number: int, service: Service, made: datetime, origin: Referral | None = None
    ) -> Referral:
        council = spec.get("council") and origin is None
        config = self.app.config
        referral = Referral(
            reference=(None if origin else spec.get("ref")) or next(self.references),
            idempotency_key=f"demo-{number}-{origin is not None}",
            created_at=made,
            updated_at=made,
            status="new",
            status_changed_at=made,
            contact_due_on=self._due(made),
            service_id=service.id,
            service_name=service.name,
            ladder_step=service.ladder_step,
            organization_id=config["COUNCIL_ORGANIZATION_ID"] if council else service.organization_id,
            requested_service_id=service.id if council else None,
            routed_to_council=bool(council),
            age_band=_band(spec["age"]),
            signposted_from_id=origin.id if origin else None,
            **(_waiting(self.app) if origin else {}),
            **{
                name: value
                for name, value in _person(spec, number, made).items()
                if not origin or name not in copied_on_consent()
            },
        )
        self.session.add(referral)
        self.session.flush()
        self.session.add(
            ReferralEvent(
                referral_id=referral.id,
                at=made,
                kind="created",
                to_status="new",
                staff_id=None,
                detail="signposted" if origin else None,
            )
        )
        self.made += 1
        return referral

    def walk(self, referral: Referral, spec: dict, number: int) -> None:
        """The statuses it went through, each a history line by the staff who look after it."""
        staff_id = self.provider if referral.organization_id == WORKS_ORG else self.admin
        at = referral.created_at
        for step in spec["path"][1:]:
            status, _, detail = step.partition(":")
            status, _, onward = status.partition(">")
            at = at + timedelta(days=STEP_DAYS[status], hours=2)
            self.session.add(
                ReferralEvent(
                    referral_id=referral.id,
                    at=at,
                    staff_id=staff_id,
                    kind="signposted" if onward else "status",
                    from_status=referral.status,
                    to_status=status,
                    detail=detail or ("better-fit" if onward else None),
                )
            )
            if referral.status == "new":
                referral.contacted_at = at
            referral.status, referral.status_changed_at, referral.updated_at = status, at, at
            referral.closed_reason = detail or None
            if onward:
                target = self.session.get(Service, onward)
                self.add(spec, number, target, at, origin=referral)
        for offset, text in enumerate(spec.get("notes", [])):
            note_at = referral.created_at + timedelta(days=1 + offset * 3)
            self.session.add(ReferralNote(referral_id=referral.id, at=note_at, staff_id=staff_id, text=text))
            self.session.add(ReferralEvent(referral_id=referral.id, at=note_at, staff_id=staff_id, kind="note"))


def load(app: Flask) -> str:
    now = clock.now().replace(microsecond=0)
    with app.extensions["database"]["factory"]() as session:
        loader = _Loader(session, app)
        for number, spec in enumerate(PEOPLE, start=1):
            service = session.get(Service, spec["service"])
            if service is None:
                continue  # a directory without the demo services
            made = now - timedelta(days=spec["days"], minutes=20 + number * 7)
            referral = loader.add(spec, number, service, made)
            loader.walk(referral, spec, number)
        session.commit()
    return f"Referrals: {loader.made} demo referrals (see {DEMO_REFERENCE} and {DEMO_STARTED_REFERENCE})."


def is_empty(app: Flask) -> bool:
    with app.extensions["database"]["factory"]() as session:
        return session.scalar(select(Referral.id).where(Referral.reference == DEMO_REFERENCE)) is None
