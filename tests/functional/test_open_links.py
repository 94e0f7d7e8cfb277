"""The save page's square code carries a token that works once, for a short time, never the resume code: the
phone that opens it gets the checklists (and is shown the code), and nothing in the address opens them again."""

from sqlalchemy import func, select

from app.checklists import keeping
from app.checklists.models import OpenLink
from app.purge import purge
from demo.checklists import DEMO_CODE
from tests.site import PageCheckingClient, open_demo_plan


def _square_address(client, monkeypatch) -> str:
    """Open the save page and return the address drawn in its square code."""
    drawn = []
    real = keeping.qr_svg
    monkeypatch.setattr(keeping, "qr_svg", lambda url: drawn.append(url) or real(url))
    response = client.get("/my-work/save")
    assert response.status_code == 200 and len(drawn) == 1
    return drawn[0]


def _phone(app):
    app.test_client_class = PageCheckingClient
    return app.test_client()


def _open_links(app) -> list[OpenLink]:
    with app.extensions["database"]["factory"]() as session:
        return list(session.scalars(select(OpenLink)))


def test_the_square_carries_a_one_use_token_and_never_the_code(app, client, monkeypatch):
    open_demo_plan(client)
    address = _square_address(client, monkeypatch)
    assert "/my-work/open/" in address
    assert DEMO_CODE not in address and "code=" not in address
    for word in DEMO_CODE.split("-"):
        assert word not in address
    sealed = [link.sealed_code for link in _open_links(app)]
    assert sealed and all(DEMO_CODE not in value and DEMO_CODE.encode().hex() not in value for value in sealed)
    page = client.get("/my-work/save").get_data(as_text=True)
    assert "The square works once, for 60 minutes." in page


def test_another_phone_opens_the_checklists_once_and_is_shown_the_code(app, client, monkeypatch):
    open_demo_plan(client)
    path = _square_address(client, monkeypatch).split("localhost", 1)[1]
    phone = _phone(app)
    shown = phone.get(path)
    assert shown.status_code == 200 and "Open your checklists on this phone" in shown.get_data(as_text=True)
    assert shown.headers["Referrer-Policy"] == "no-referrer"
    assert phone.get(path).status_code == 200, "looking at the page must not spend the link"

    opened = phone.post(path)
    assert opened.status_code == 302 and "welcome_back=1" in opened.headers["Location"]
    assert DEMO_CODE in phone.get("/my-work/save").get_data(as_text=True)

    again = _phone(app)
    spent = again.post(path)
    assert spent.status_code == 404
    assert "This square code does not work any more" in spent.get_data(as_text=True)
    assert again.get("/my-work/save").get_data(as_text=True).count(DEMO_CODE) == 0
    assert again.get(path).status_code == 404


def test_a_square_code_stops_working_after_its_minutes(app, client, monkeypatch, moment):
    open_demo_plan(client)
    path = _square_address(client, monkeypatch).split("localhost", 1)[1]
    moment.pass_(minutes=61)
    phone = _phone(app)
    assert phone.get(path).status_code == 404
    assert phone.post(path).status_code == 404
    welsh = phone.get(path, query_string={"lang": "cy"}).get_data(as_text=True)
    assert "Dydy’r cod sgwâr hwn ddim yn gweithio rhagor" in welsh


def test_a_made_up_or_cut_short_token_opens_nothing(app, client, monkeypatch):
    open_demo_plan(client)
    path = _square_address(client, monkeypatch).split("localhost", 1)[1]
    phone = _phone(app)
    assert phone.post(path[:-3]).status_code == 404
    assert phone.post("/my-work/open/not-a-real-token-at-all").status_code == 404
    assert phone.post(path).status_code == 302, "the right token still works after wrong ones"


def test_the_purge_removes_used_and_expired_square_code_links(app, client, monkeypatch, moment):
    open_demo_plan(client)
    before = len(_open_links(app))  # the demo's own link for trying the page out
    used = _square_address(client, monkeypatch).split("localhost", 1)[1]
    _square_address(client, monkeypatch)
    assert _phone(app).post(used).status_code == 302
    assert purge(app).open_links == 1
    moment.pass_(minutes=61)
    assert purge(app).open_links == 1
    with app.extensions["database"]["factory"]() as session:
        assert session.scalar(select(func.count()).select_from(OpenLink)) == before
