"""Limits on wrong resume codes that a classroom never reaches: right codes are never counted, wrong ones are
slowed per browser, per code's words and per address, with an easy-read message in English and Welsh."""

from app.checklists import codes, service
from demo.checklists import DEMO_CODE
from tests.site import PageCheckingClient

SCHOOL = "127.0.0.40"


def _codes(app, count: int) -> list[str]:
    made = []
    with app.extensions["database"]["factory"]() as session:
        for _ in range(count):
            made.append(service.start_session(session, app.config["SECRET_KEY"], app.config["CHECKLIST_DAYS"])[1])
        session.commit()
    return made


def _browser(app, address: str = SCHOOL):
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _wrong(number: int) -> str:
    """A well-formed code that opens nothing, with its own words."""
    words = codes.words()
    return f"{words[3 * number]} {words[3 * number + 1]} {words[3 * number + 2]} {number:04d}"


def _try(client, code: str, lang: str = "en"):
    return client.post(f"/my-work/resume?lang={lang}", data={"code": code})


def test_a_class_of_30_on_one_address_all_get_in_with_their_own_codes(app, moment):
    pupils = _codes(app, 30)
    for code in pupils:
        pupil = _browser(app)
        *words, number = code.split("-")
        for mistake in range(3):  # three wrong numbers each, as people write and read codes
            wrong = f"{int(number) + 1 + mistake:04d}"[-4:]
            assert _try(pupil, " ".join(words) + " " + wrong).status_code == 200
        opened = _try(pupil, code.replace("-", " "))
        assert opened.status_code == 302 and opened.headers["Location"].startswith("/my-work/")


def test_right_codes_are_never_counted(app, moment):
    browser = _browser(app)
    for _ in range(3 * app.config["RESUME_FREE_FAILURES_PER_BROWSER"]):
        assert _try(browser, DEMO_CODE).status_code == 302


def test_wrong_codes_from_one_browser_are_slowed_and_the_wait_grows(app, moment):
    browser = _browser(app)
    free = app.config["RESUME_FREE_FAILURES_PER_BROWSER"]
    for number in range(free):
        assert _try(browser, _wrong(number)).status_code == 200
    for minutes in (1, 2, 4):
        waiting = _try(browser, DEMO_CODE)
        page = waiting.get_data(as_text=True)
        assert waiting.status_code == 429
        wait = "Wait 1 minute." if minutes == 1 else f"Wait {minutes} minutes."
        assert f"You have tried lots of codes that do not work. {wait} Then try again." in page
        assert "Check your code with the person who gave it to you." in page
        assert 'class="error-summary"' in page and "<title>Error: " in page
        assert f'value="{DEMO_CODE}"' in page, "what was typed is kept"
        moment.pass_(minutes=minutes)
        assert _try(browser, _wrong(100 + minutes)).status_code == 200
    moment.pass_(minutes=8)
    assert _try(browser, DEMO_CODE).status_code == 302


def test_the_wait_message_is_in_welsh_on_welsh_pages(app, moment):
    browser = _browser(app)
    for number in range(app.config["RESUME_FREE_FAILURES_PER_BROWSER"]):
        _try(browser, _wrong(number), lang="cy")
    page = _try(browser, _wrong(50), lang="cy").get_data(as_text=True)
    assert "Arhoswch 1 munud." in page and "You have tried" not in page


def test_another_pupil_on_the_same_address_is_not_slowed_by_one_browsers_guesses(app, moment):
    guesser = _browser(app)
    for number in range(app.config["RESUME_FREE_FAILURES_PER_BROWSER"] + 3):
        _try(guesser, _wrong(number))
    assert _try(guesser, DEMO_CODE).status_code == 429
    assert _try(_browser(app), DEMO_CODE).status_code == 302


def test_typing_mistakes_that_are_not_codes_are_not_counted(app, moment):
    browser = _browser(app)
    for _ in range(3 * app.config["RESUME_FREE_FAILURES_PER_BROWSER"]):
        assert _try(browser, "acid acorn 12").status_code == 200
    assert _try(browser, DEMO_CODE).status_code == 302


def test_guessing_the_numbers_of_known_words_is_slowed_from_any_browser_or_address(app, moment):
    words = " ".join(DEMO_CODE.split("-")[:3])
    for number in range(app.config["RESUME_FREE_FAILURES_PER_WORDS"]):
        _try(_browser(app, f"127.0.1.{number}"), f"{words} {number:04d}")
    assert _try(_browser(app, "127.0.2.1"), DEMO_CODE).status_code == 429


def test_one_address_dropping_its_cookie_meets_the_address_ceiling(tmp_path, moment):
    from tests.site import make_app

    app = make_app(tmp_path, RESUME_FREE_FAILURES_PER_CLIENT=12)
    for number in range(12):
        assert _try(_browser(app), _wrong(number)).status_code == 200
    assert _try(_browser(app), DEMO_CODE).status_code == 429
    assert _try(_browser(app, "127.0.0.41"), DEMO_CODE).status_code == 302
