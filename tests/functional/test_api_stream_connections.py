"""A streamed ndjson answer gives its database connection back when it ends: under a real server, many
answers one after another must not hold connections until the pool runs out."""

import gc

from tests.site import make_app


def test_each_ndjson_answer_gives_its_connection_back_when_it_ends(tmp_path):
    app = make_app(tmp_path, AUDIO_ENABLED=False, DATABASE_URL=f"sqlite:///{tmp_path}/stream.db")
    pool = app.extensions["database"]["engine"].pool
    gc.disable()  # the garbage collector must not be what gives them back
    try:
        for _ in range(3):
            with app.test_client() as client:
                response = client.get("/api/services?format=ndjson", buffered=False)
                body = b"".join(response.response)
                response.close()
            assert body.count(b"\n") >= 10
            assert pool.checkedout() == 0
    finally:
        gc.enable()
