"""The directory editor's pages: writing a service's easy-read words in English and Welsh, a second person
checking them, publishing them, and the public pages showing only published words."""

import re

import pytest
from sqlalchemy import select

from app.pathways.models import Service, ServiceWord
from app.staff.models import AuditEntry
from demo.pages.staff import DEMO_EASY_READ_SERVICE as SERVICE
from tests.site import sign_in_as
from tests.staff_builders import add_staff, session_for

EDIT = f"/staff/directory/{SERVICE}/easy-read"
SECOND_EDITOR = "second.editor@example.org"
WORDS = {
    "summary_en": "You get a job coach. They help you find a paid job.",
    "summary_cy": "Rydych chi'n cael hyfforddwr swydd. Maen nhw'n eich helpu i gael swydd â thâl.",
    "who_for_en": "People aged 18 or over.",
    "who_for_cy": "Pobl 18 oed neu hŷn.",
    "symbol": "job-coach",
    "step": "supported-employment",
    "kinds": ["job-coaching"],
}


def token(client, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def save(client, **changes):
    data = {**WORDS, **changes, "action": "save", "csrf_token": token(client, EDIT)}
    return client.post(EDIT, data=data)


def review(client, what: str):
    return client.post(f"{EDIT}/{what}", data={"csrf_token": token(client, EDIT)}, follow_redirects=True)


def service_row(app) -> Service:
    with session_for(app) as session:
        found = session.get(Service, SERVICE)
        session.expunge(found)
        return found


def audit_details(app) -> list[str]:
    with session_for(app) as session:
        return list(
            session.scalars(
                select(AuditEntry.detail)
                .where(AuditEntry.object_type == "service", AuditEntry.action == "change")
                .order_by(AuditEntry.id)
            )
        )


@pytest.fixture
def editor(client):
    sign_in_as(client, "directory-editor")
    return client


@pytest.fixture
def second(app):
    add_staff(app, SECOND_EDITOR, role="directory-editor", organization_id=None, name="Pat Jones (demo)")
    return SECOND_EDITOR


def test_imported_words_count_as_published(app, editor):
    found = service_row(app)
    assert found.easyread_state == "published" and found.summary_en
    html = editor.get(EDIT).get_data(as_text=True)
    assert "These words are published." in html
    assert found.summary_en.split(".")[0] in html


@pytest.mark.parametrize(
    "role, status", [("provider", 403), ("school", 403), ("commissioner", 403), ("council-admin", 200)]
)
def test_only_directory_editors_and_council_admins_open_the_directory(client, role, status):
    sign_in_as(client, role)
    assert client.get("/staff/directory").status_code == status
    assert client.get(EDIT).status_code == status


def test_the_list_finds_services_by_name_and_review_state(app, editor):
    html = editor.get("/staff/directory?q=job+support").get_data(as_text=True)
    assert "Job support for disabled people" in html and "Volunteer in a charity shop" not in html
    save(editor)
    drafts = editor.get("/staff/directory?state=draft").get_data(as_text=True)
    assert "Showing 1 service" in drafts and "Job support for disabled people" in drafts
    assert "Job support" not in editor.get("/staff/directory?state=checked").get_data(as_text=True)


def test_a_saved_draft_is_hidden_from_the_public_until_it_is_published(app, client, second):
    sign_in_as(client, "directory-editor")
    before = service_row(app).summary_en
    response = save(client)
    assert response.status_code == 302
    found = service_row(app)
    assert found.easyread_state == "draft" and found.draft_summary_cy == WORDS["summary_cy"]
    assert found.summary_en == before
    public = client.get(f"/services/{SERVICE}").get_data(as_text=True)
    assert before.split(".")[0] in public and "They help you find a paid job." not in public

    sign_in_as(client, email=second)
    page = review(client, "checked").get_data(as_text=True)
    assert "You marked the words as checked." in page
    page = review(client, "publish").get_data(as_text=True)
    assert "The words are published." in page
    found = service_row(app)
    assert (found.easyread_state, found.summary_en, found.symbol) == ("published", WORDS["summary_en"], "job-coach")
    assert found.checked_by == found.published_by != found.written_by
    assert found.checked_at and found.published_at and found.draft_summary_en is None

    public = client.get(f"/services/{SERVICE}").get_data(as_text=True)
    assert "They help you find a paid job." in public
    welsh = client.get(f"/services/{SERVICE}?lang=cy").get_data(as_text=True)
    assert "eich helpu i gael swydd â thâl." in welsh
    drafted, checked, published = audit_details(app)[-3:]
    assert drafted.split()[0] == "easy-read-draft"
    assert (checked, published) == ("easy-read-checked", "easy-read-published")
    with session_for(app) as session:
        words = set(session.scalars(select(ServiceWord.word).where(ServiceWord.service_id == SERVICE)))
    assert "hyfforddwr" in words  # published words are searchable


def test_the_writer_cannot_check_their_own_words(app, editor):
    save(editor)
    html = editor.get(EDIT).get_data(as_text=True)
    assert "Mark as checked" not in html and "You cannot check words you wrote." in html
    page = review(editor, "checked").get_data(as_text=True)
    assert "You wrote these words. Another person must check them." in page
    assert service_row(app).easyread_state == "draft"


def test_words_must_be_checked_before_they_are_published(app, editor):
    save(editor)
    page = review(editor, "publish").get_data(as_text=True)
    assert "Only checked words can be published." in page
    assert service_row(app).easyread_state == "draft"


def test_a_change_after_checking_needs_a_new_check(app, client, second):
    sign_in_as(client, "directory-editor")
    save(client)
    sign_in_as(client, email=second)
    review(client, "checked")
    sign_in_as(client, "directory-editor")
    save(client, summary_en="You get a job coach.")
    found = service_row(app)
    assert found.easyread_state == "draft" and found.checked_by is None


def test_the_step_and_kinds_of_help_change_the_filters_at_once(app, editor):
    save(editor, step="volunteering", kinds=["work-trial", "job-coaching"])
    found = service_row(app)
    assert found.ladder_step == "volunteering"
    assert " kind:job-coaching " in found.filter_terms and " kind:work-trial " in found.filter_terms
    assert "step=volunteering" in audit_details(app)[-1]
    listing = editor.get("/services?step=volunteering").get_data(as_text=True)
    assert "Job support for disabled people" in listing


def test_a_problem_keeps_what_was_typed(app, editor):
    response = save(editor, summary_cy="", symbol="not-a-symbol", step="the-moon", kinds=["flying"])
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is a problem" in html
    for message in (
        "Write the easy-read summary in Welsh.",
        "Choose a symbol from the list.",
        "Choose a step from the list.",
        "Choose kinds of help from the list.",
    ):
        assert html.count(message) == 2  # in the summary and by the field
    assert WORDS["summary_en"] in html and WORDS["who_for_cy"] in html
    assert service_row(app).easyread_state == "published"


def test_check_my_words_shows_long_sentences_and_hard_words_without_saving(app, editor):
    long = "This service offers employment opportunities for individuals who want to work independently in the local community."
    data = {**WORDS, "summary_en": long, "action": "check-words", "csrf_token": token(editor, EDIT)}
    html = editor.post(EDIT, data=data).get_data(as_text=True)
    assert "This sentence has 16 words. Make it 15 words or fewer" in html
    assert "Hard words: opportunities, individuals, independently" in html
    assert long in html
    assert service_row(app).easyread_state == "published"
    assert "Every sentence is 15 words or fewer. No hard words were found." in html  # the Welsh summary


def test_glossary_words_are_not_hard(app, editor):
    data = {**WORDS, "summary_en": "You get help with your Universal Credit.", "action": "check-words"}
    data["csrf_token"] = token(editor, EDIT)
    html = editor.post(EDIT, data=data).get_data(as_text=True)
    assert "Hard words" not in html and "Words from the word list, explained for readers: universal credit." in html


def test_forms_without_their_token_are_refused(app, editor):
    editor.application.config["WTF_CSRF_ENABLED"] = True
    assert editor.post(EDIT, data={**WORDS, "action": "save"}).status_code == 400
    assert editor.post(f"{EDIT}/checked").status_code == 400
    assert service_row(app).easyread_state == "published"


def test_an_unknown_service_is_not_found(editor):
    assert editor.get("/staff/directory/no-such-service/easy-read").status_code == 404


def test_a_service_without_published_words_shows_its_own_words_with_a_notice(app, client):
    with session_for(app) as session:
        found = session.get(Service, SERVICE)
        found.summary_en = found.summary_cy = found.who_for_en = found.who_for_cy = None
        found.draft_summary_en, found.easyread_state = "Draft words nobody may see yet.", "draft"
        description = found.description
        session.commit()
    for lang, notice in (
        ("en", "There are no easy-read words for this service yet."),
        ("cy", "Does dim testun Hawdd ei Ddeall ar gyfer y gwasanaeth hwn eto."),
    ):
        page = client.get(f"/services/{SERVICE}?lang={lang}").get_data(as_text=True)
        assert notice in page and "Draft words" not in page
        cards = client.get(f"/services?q=job+support&lang={lang}").get_data(as_text=True)
        assert notice in cards and "Draft words" not in cards
    assert description.split(".")[0] in client.get(f"/services/{SERVICE}?lang=en").get_data(as_text=True)
    other = client.get("/services?q=charity+shop&lang=en").get_data(as_text=True)
    assert "There are no easy-read words" not in other


DETAILS = f"/staff/directory/{SERVICE}/details"


def details_form(client, **changes) -> dict:
    html = client.get(DETAILS).get_data(as_text=True)
    data = {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)}
    for name in ("name", "name_cy", "email", "url", "phone", "minimum_age", "maximum_age"):
        data[name] = html_value(html, name)
    for name in ("description", "description_cy", "eligibility_description"):
        data[name] = re.search(rf'name="{name}"[^>]*>([^<]*)</textarea>', html).group(1).replace("&#39;", "'")
    return {**data, **changes}


def html_value(html: str, name: str) -> str:
    import html as markup

    return markup.unescape(re.search(rf'name="{name}" type="text" value="([^"]*)"', html).group(1))


def test_a_council_service_s_details_can_be_changed_and_are_audited(app, editor):
    response = editor.post(DETAILS, data=details_form(editor, name="Job support for everyone", phone="01632 960 001"))
    assert response.status_code == 302
    found = service_row(app)
    assert found.name == "Job support for everyone" and found.sort_name.startswith("job support for everyone")
    public = editor.get(f"/services/{SERVICE}?lang=en").get_data(as_text=True)
    assert "Job support for everyone" in public and "01632 960 001" in public
    assert audit_details(app)[-1].startswith("details ") and "name" in audit_details(app)[-1].split()


def test_wrong_details_are_explained_and_what_was_typed_is_kept(app, editor):
    data = details_form(
        editor, name="", email="not an email", url="javascript:alert(1)", minimum_age="30", maximum_age="20"
    )
    html = editor.post(DETAILS, data=data).get_data(as_text=True)
    for message in (
        "Write the service&#39;s name.",
        "Write an email address like name@example.org, or leave the box empty.",
        "Write a whole web address, starting https://, or leave the box empty.",
        "The youngest age must not be more than the oldest age.",
    ):
        assert html.count(message) == 2
    assert 'value="not an email"' in html and 'value="javascript:alert(1)"' in html
    assert service_row(app).name == "Job support for disabled people"


def test_a_pulled_service_s_details_are_read_only(app, editor):
    data = details_form(editor, name="Changed")
    with session_for(app) as session:  # as `flask directory pull` marks the services it brings
        session.get(Service, SERVICE).source = "https://directory.example.org/api"
        session.commit()
    html = editor.get(DETAILS).get_data(as_text=True)
    assert "This service comes from another directory." in html and "Save the details" not in html
    assert editor.post(DETAILS, data=data).status_code == 403
    assert service_row(app).name == "Job support for disabled people"
    assert editor.get(EDIT).status_code == 200 and save(editor).status_code == 302  # the easy-read words still


def test_the_staff_home_leads_directory_editors_to_the_directory_only(client):
    sign_in_as(client, "directory-editor")
    html = client.get("/staff/").get_data(as_text=True)
    assert 'href="/staff/directory"' in html and "You can write the easy-read words" in html
    assert 'href="/staff/referrals"' not in html
    sign_in_as(client, "provider")
    assert 'href="/staff/directory"' not in client.get("/staff/").get_data(as_text=True)


def test_an_import_of_the_same_service_keeps_the_draft_and_its_review(app, client, second):
    from app.pathways.exporting import export_records
    from app.pathways.importing import import_records, symbol_concepts

    sign_in_as(client, "directory-editor")
    assert save(client, summary_en="A new draft summary for this service.").status_code == 302
    before = service_row(app)
    assert before.easyread_state == "draft" and before.draft_summary_en == "A new draft summary for this service."
    with session_for(app) as session:
        records = export_records(session)
        import_records(session, records, symbol_concepts(app.config["SYMBOL_INDEX"]))
    after = service_row(app)
    assert (after.easyread_state, after.draft_summary_en, after.written_by, after.written_at) == (
        before.easyread_state,
        before.draft_summary_en,
        before.written_by,
        before.written_at,
    )
    assert after.summary_en == before.summary_en, "the published words are the file's, as before"
