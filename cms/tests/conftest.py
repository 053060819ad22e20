import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache


def pytest_collection_modifyitems(config, items):
    # With `-n 2 --dist loadgroup` (make test) the backup round trip, a module fixture of about two
    # minutes, runs once on one worker instead of once per worker.
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if item.module.__name__.endswith("cms.tests.test_backup"):
            item.add_marker(pytest.mark.xdist_group("ops_backup_round_trip"))


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server(settings):
    # A free port: parallel test workers each run their own recorder.
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    PurgeRecorder.purged = []
    location = f"http://127.0.0.1:{server.server_address[1]}"
    settings.WAGTAILFRONTENDCACHE = {
        "http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    }
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


@pytest.fixture
def empty_cache():
    """Tests of what is kept across requests start and end with nothing kept."""
    cache.clear()
    yield
    cache.clear()
