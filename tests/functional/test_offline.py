"""Offline: the service worker and manifest, the easy-read offline page, and the choice to keep My work plan
on this phone, which closing or deleting the checklists takes away."""

import re

from demo.checklists import DEMO_CODE
from tests.functional.test_checklists import answer

KEEP_SECTION = re.compile(r'data-offline-keep="([^"]*)"')


def _kept_address(client) -> str:
    return KEEP_SECTION.search(client.get("/my-work/plan").get_data(as_text=True)).group(1)


def test_the_service_worker_is_served_from_the_root_with_this_versions_files(app, client):
    from app.assets import asset_url

    response = client.get("/sw.js")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    with app.test_request_context():
        assert asset_url("css/site.css") in body and asset_url("js/listen.js") in body
    assert body.startswith("self.OFFLINE = {") and '"plan": "/my-work/plan"' in body


def test_the_manifest_names_the_site_in_the_pages_language_and_its_icons_exist(client):
    manifest = client.get("/manifest.webmanifest?lang=cy")
    assert manifest.mimetype == "application/manifest+json"
    data = manifest.get_json()
    assert (data["name"], data["lang"], data["display"], data["start_url"]) == (
        "Fy Ffordd i Waith",
        "cy",
        "standalone",
        "/",
    )
    assert [icon["sizes"] for icon in data["icons"]] == ["192x192", "512x512"]
    for icon in data["icons"]:
        assert client.get(icon["src"]).mimetype == "image/png"


def test_every_page_links_the_manifest_and_the_offline_script(client):
    page = client.get("/?lang=cy").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest?lang=cy">' in page
    assert re.search(r'<script src="/static/js/offline\.js\?v=\w+" defer>', page)


def test_the_offline_page_is_in_easy_read_in_the_language_the_worker_asks_for(client):
    welsh = client.get("/offline", headers={"Accept-Language": "cy"}).get_data(as_text=True)
    assert "<h1" in welsh and "Dim rhyngrwyd" in welsh and 'lang="cy"' in welsh
    english = client.get("/offline", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "No internet" in english and "Only if you chose to keep it on this phone." in english


def test_the_plan_is_kept_only_after_the_person_chooses_and_only_in_this_browser(app, client):
    client.post("/my-work/resume", data={"code": DEMO_CODE})
    assert _kept_address(client) == ""
    response = client.post("/my-work/plan/keep", data={"action": "keep"})
    assert response.headers["Location"] == "/my-work/plan?kept=1#on-this-phone"
    assert _kept_address(client) == "/my-work/plan"
    assert "Your plan is kept on this phone." in client.get("/my-work/plan?kept=1").get_data(as_text=True)

    other = app.test_client()
    other.post("/my-work/resume", data={"code": DEMO_CODE})
    assert KEEP_SECTION.search(other.get("/my-work/plan").get_data(as_text=True)).group(1) == ""


def test_stopping_keeps_nothing_and_the_page_tells_the_worker_to_forget(client):
    client.post("/my-work/resume", data={"code": DEMO_CODE})
    client.post("/my-work/plan/keep", data={"action": "keep"})
    response = client.post("/my-work/plan/keep", data={"action": "stop"})
    assert response.headers["Location"] == "/my-work/plan?kept=0#on-this-phone"
    page = client.get("/my-work/plan?kept=0").get_data(as_text=True)
    assert '<meta name="offline-plan" content="forget">' in page
    assert "Your plan is not kept on this phone now." in page and _kept_address(client) == ""


def test_keeping_with_no_checklists_open_keeps_nothing(client):
    response = client.post("/my-work/plan/keep", data={"action": "keep"})
    assert response.headers["Location"] == "/my-work/plan"
    assert "data-offline-keep" not in client.get("/my-work/plan").get_data(as_text=True)


def test_closing_the_checklists_clears_the_site_data_and_forgets_the_choice(client):
    client.post("/my-work/resume", data={"code": DEMO_CODE})
    client.post("/my-work/plan/keep", data={"action": "keep"})
    response = client.post("/my-work/forget")
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert '<meta name="offline-plan" content="forget">' in client.get("/my-work/?closed=1").get_data(as_text=True)
    client.post("/my-work/resume", data={"code": DEMO_CODE})
    assert _kept_address(client) == ""


def test_deleting_the_checklists_clears_the_site_data(client):
    answer(client, "my-work-dreams", "money", "a-lot")
    client.post("/my-work/plan/keep", data={"action": "keep"})
    response = client.post("/my-work/delete")
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert '<meta name="offline-plan" content="forget">' in client.get("/my-work/deleted").get_data(as_text=True)


def test_the_plan_stays_private_to_http_caches_and_the_word_list_may_be_kept(client):
    client.post("/my-work/resume", data={"code": DEMO_CODE})
    assert "private" in client.get("/my-work/plan").headers["Cache-Control"]
    word_list = client.get("/glossary").headers["Cache-Control"]
    assert "private" not in word_list and "no-store" not in word_list
