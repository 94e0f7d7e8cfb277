"""The public results page: this financial year's figures in easy read, English and Welsh, with small
numbers hidden, from the same counts as the staff dashboard."""

from datetime import UTC, datetime, time

from sqlalchemy import func, select

from app.clock import UK, today
from app.referrals.models import Referral
from app.reports.periods import financial_year_start


def referrals_this_year(app) -> int:
    start = datetime.combine(financial_year_start(today()), time.min, tzinfo=UK).astimezone(UTC)
    with app.extensions["database"]["factory"]() as session:
        return session.scalar(select(func.count()).select_from(Referral).where(Referral.created_at >= start))


def shown(count: int) -> str:
    return "fewer than 5" if 0 < count < 5 else str(count)


def test_the_results_page_says_this_years_numbers_in_easy_read(app, client):
    html = client.get("/results").get_data(as_text=True)
    count = referrals_this_year(app)
    assert count >= 5, "the demo data has this year's referrals"
    assert f"This year, {shown(count)} people asked for help to find work." in html
    assert "This year, fewer than 5 people started a paid job." in html  # the demo has one job start
    assert "We never show a number smaller than 5." in html
    assert 'data-say="' in html  # every sentence can be listened to


def test_the_results_page_is_in_welsh(client):
    html = client.get("/results?lang=cy").get_data(as_text=True)
    assert "Beth ddigwyddodd eleni" in html and "llai na 5 o bobl swydd â thâl" in html
    assert "fewer than 5" not in html


def test_no_number_from_1_to_4_is_ever_shown(app, client):
    import re

    html = client.get("/results").get_data(as_text=True)
    for number in re.findall(r"This year, (\S+) people", html):
        assert number == "fewer" or int(number) == 0 or int(number) >= 5
