"""A phone user finishes "My work dreams" with the keyboard only, comes back on another device, and prints."""

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}


def tab_to(page, predicate: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches a JavaScript predicate on `el`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            return
    raise AssertionError(f"Tab never reached: {predicate}")


def choose_first_answer_and_continue(page) -> None:
    kind = page.evaluate(
        "() => { const i = document.querySelector('main input[name=answer], main textarea[name=answer]'); return i.type || i.tagName; }"
    )
    if kind == "textarea":
        tab_to(page, "el.tagName === 'TEXTAREA'")
        page.keyboard.type("A job at the vets")
    elif kind == "text":  # the first name
        tab_to(page, "el.name === 'answer'")
        page.keyboard.type("Sam")
    else:
        tab_to(page, "el.name === 'answer'")
        page.keyboard.press("Space")
    tab_to(page, "el.tagName === 'BUTTON' && el.value === 'continue'")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keyboard_only_on_a_phone_then_resume_elsewhere_then_print(browser, live_server):
    phone = browser.new_context(viewport=PHONE)
    page = phone.new_page()
    page.goto(live_server + "/my-work/my-work-dreams")
    tab_to(page, "el.textContent.trim() === 'Start'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/before-you-start/who**")
    questions = 0
    while "/check" not in page.url:
        assert questions < 20, page.url
        page.wait_for_selector("h1")
        assert page.locator("h1").count() == 1
        choose_first_answer_and_continue(page)
        questions += 1
    assert questions == 3 + 8  # who, first name and age, then My work dreams without the business-idea branch
    assert page.get_by_text("A job at the vets").is_visible()

    tab_to(page, "el.classList.contains('back-link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/my-work/")
    tab_to(page, "el.textContent.trim() === 'Get your code to come back later'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/my-work/save")
    code = page.locator(".resume-code").inner_text().strip()
    assert re.fullmatch(r"[a-z]+-[a-z]+-[a-z]+-\d{4}", code)
    phone.close()

    other = browser.new_context(viewport=PHONE)
    page = other.new_page()
    page.goto(live_server + "/my-work/resume")
    tab_to(page, "el.id === 'code'")
    page.keyboard.type(code.replace("-", " ").upper())
    tab_to(
        page, "el.tagName === 'BUTTON' && el.type === 'submit' && el.closest('form').action.endsWith('/my-work/resume')"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/my-work/?welcome_back=1")
    page.goto(live_server + "/my-work/plan")
    assert page.get_by_text("My dream job: A job at the vets").is_visible()

    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.site-header', '.site-footer', '.plan-actions', '.back-link']
        .map(s => document.querySelector(s)).filter(Boolean).map(el => getComputedStyle(el).display)""")
    assert hidden and all(display == "none" for display in hidden)
    assert page.get_by_text("My dream job: A job at the vets").is_visible()
    assert page.locator("main .row img.symbol").first.is_visible()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"the plan prints on {pages} pages"
    other.close()


def test_the_demo_plan_prints_on_two_pages_or_fewer(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server + "/my-work/shared/demo-plan-shared-for-trying-out")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2
    context.close()
