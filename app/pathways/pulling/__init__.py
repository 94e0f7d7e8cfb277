"""Pulling another Open Referral UK feed (a council's own directory) into ours: read it whole, check it with the
importer's checks, and apply it all or nothing."""

import time
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import clock
from app.pathways.importing import ImportFailed
from app.pathways.models import DirectoryPull
from app.pathways.pulling.applying import Held, Summary, apply_feed
from app.pathways.pulling.feed import FeedFailed, read_feed, root_url
from app.pathways.pulling.fetching import Fetcher

__all__ = ["Fetcher", "PullFailed", "Summary", "pull", "pull_every"]

LOGGED_PROBLEMS = 50  # the first problems kept in the log; the command prints them all


class PullFailed(Exception):
    """Nothing was changed; `problems` says why, one sentence each."""

    def __init__(self, source: str, problems: list[str], refused: int = 0):
        super().__init__(f"{len(problems)} problem(s)")
        self.source, self.problems, self.refused = source, problems, refused

    def __str__(self) -> str:
        refused = f" {self.refused} service(s) refused." if self.refused else ""
        return f"Nothing was changed from {self.source}.{refused} {len(self.problems)} problem(s) to fix first:"


def pull(session: Session, url: str, symbols: frozenset[str], fetcher: Fetcher | None = None) -> Summary:
    """Read the feed at url and apply it whole; PullFailed (and nothing changed) on any problem.
    Either way the pull is logged (a `directory_pull` row)."""
    source, started = root_url(url), clock.now()
    try:
        records = read_feed(source, fetcher or Fetcher(), held=Held(session, source))
        summary = apply_feed(session, source, records, symbols)
    except FeedFailed as failure:
        failed = PullFailed(source, failure.problems)
    except ImportFailed as failure:
        session.rollback()
        problems = sorted(set(failure.problems))
        refused = len({p.record for p in problems if p.record != "file"})
        failed = PullFailed(source, [str(p) for p in problems], refused)
    except SQLAlchemyError as error:  # reading what is stored failed: a loop must live to try again
        session.rollback()
        failed = PullFailed(source, [f"The database could not be read ({type(error).__name__})."])
    else:
        log(session, DirectoryPull(source=source, started_at=started, applied=True, **summary.counts()))
        return summary
    log(
        session,
        DirectoryPull(
            source=source,
            started_at=started,
            applied=False,
            refused=failed.refused,
            problems="\n".join(failed.problems[:LOGGED_PROBLEMS]),
        ),
    )
    raise failed


def log(session: Session, row: DirectoryPull) -> None:
    """Keep a row for the pull; a database that cannot take it does not hide what the pull itself did."""
    row.finished_at = clock.now()
    try:
        session.add(row)
        session.commit()
    except SQLAlchemyError:
        session.rollback()


def pull_every(
    once: Callable[[], None], seconds: float, sleep: Callable[[float], None] = time.sleep, passes: int | None = None
) -> None:
    """Run `once` now and then every `seconds`, for ever (or `passes` times); one failed pull does not stop it."""
    done = 0
    while passes is None or done < passes:
        if done:
            sleep(seconds)
        once()
        done += 1
