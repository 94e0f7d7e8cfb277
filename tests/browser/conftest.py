"""A real server on a free local port for the browser tests."""
import threading

import pytest
from werkzeug.serving import make_server

from tests.conftest import make_app


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    return make_app(folder, DATABASE_URL=f"sqlite:///{folder}/live.db", WTF_CSRF_ENABLED=True)


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def set_cookies(context, base_url: str, **cookies: str) -> None:
    context.add_cookies([{"name": name, "value": value, "url": base_url} for name, value in cookies.items()])
