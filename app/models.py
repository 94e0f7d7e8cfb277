"""Models shared across the site. Each blueprint keeps its own models beside it."""

from app.checklists.models import ChecklistAnswer, ChecklistSession, ShareLink  # noqa: F401
from app.easyread.models import AudioClip  # noqa: F401  (imported so Alembic sees every table)
from app.feedback.models import FeedbackAnswer, FeedbackRequest  # noqa: F401,E402
from app.journeys.models import JourneyDraft  # noqa: F401,E402
from app.outbox.models import OutboxMessage  # noqa: F401,E402
from app.pathways import models as pathways_models  # noqa: F401,E402  (the directory's tables)
from app.ratelimit import RateLimit  # noqa: F401
from app.referrals.models import HoursCheckIn, JobStart, Referral, ReferralEvent, ReferralNote  # noqa: F401,E402
from app.staff.models import AuditEntry, PasswordReset, Pupil, StaffUser  # noqa: F401,E402
