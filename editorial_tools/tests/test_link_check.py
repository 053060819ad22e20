"""The broken-link check and its report: internal links to unpublished or deleted pages, external
links that fail, checked in the background against loopback servers."""

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from cms import jobs
from editorial_tools.link_check import HostPacer, check_links
from editorial_tools.models import LinkProblem
from home.factories import StandardPageFactory
from programmes.factories import make_draft
from tests.services import closed_port, hung_server


class Handler(BaseHTTPRequestHandler):
    """/ok answers 200, /head-refused refuses HEAD but answers GET, everything else 404."""

    def _answer(self, with_body):
        if self.path == "/ok" or (self.path == "/head-refused" and self.command == "GET"):
            status = 200
        elif self.path == "/head-refused":
            status = 405
        else:
            status = 404
        self.send_response(status)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(with_body=False)

    def do_GET(self):
        self._answer(with_body=True)

    def log_message(self, *args):
        pass


@contextmanager
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def fast_checks(settings):
    settings.LINK_CHECK_TIMEOUT = 1
    settings.LINK_CHECK_HOST_INTERVAL = 0


def link(url, text="Link"):
    return f'<a href="{url}">{text}</a>'


def page_link(page_id, text="Seite"):
    return f'<a linktype="page" id="{page_id}">{text}</a>'


@pytest.fixture
def linking_page(site, fast_checks):
    unpublished = make_draft(StandardPageFactory, title="Noch nicht veröffentlicht")
    gone = StandardPageFactory(title="Gelöscht")
    gone_id = gone.pk
    gone.delete()
    published = StandardPageFactory(title="Veröffentlicht")
    with http_server() as server, hung_server() as hung_port:
        urls = {
            "ok": f"{server}/ok",
            "missing": f"{server}/missing",
            "head_refused": f"{server}/head-refused",
            "closed": f"http://127.0.0.1:{closed_port()}/",
            "hung": f"http://127.0.0.1:{hung_port}/",
        }
        text = " ".join(link(urls[key]) for key in ("ok", "missing", "head_refused", "hung"))
        page = StandardPageFactory(title="Linkseite", slug="linkseite")
        page.body = [
            ("rich_text", f"<p>{text} {page_link(unpublished.pk)} {page_link(gone_id)} {page_link(published.pk)}</p>"),
            (
                "call_to_action",
                {"title": "Mehr", "link_label": "Los", "link": {"page": None, "url": urls["closed"]}},
            ),
        ]
        page.save_revision().publish()
        yield page, urls, unpublished, gone_id


def problems():
    return {(p.url or p.target_page_id, p.kind) for p in LinkProblem.objects.all()}


@pytest.mark.django_db
class TestCheck:
    def test_finds_each_kind_of_broken_link_and_nothing_else(self, linking_page):
        page, urls, unpublished, gone_id = linking_page
        check_links.call()
        assert problems() == {
            (urls["missing"], LinkProblem.Kind.HTTP_ERROR),
            (urls["closed"], LinkProblem.Kind.UNREACHABLE),
            (urls["hung"], LinkProblem.Kind.TIMEOUT),
            (unpublished.pk, LinkProblem.Kind.UNPUBLISHED),
            (gone_id, LinkProblem.Kind.DELETED),
        }
        missing = LinkProblem.objects.get(url=urls["missing"])
        assert missing.page_id == page.pk and missing.detail == "HTTP 404" and missing.field == "body"

    def test_a_fixed_link_disappears_at_the_next_check(self, linking_page):
        page, urls, unpublished, gone_id = linking_page
        check_links.call()
        unpublished.save_revision().publish()
        check_links.call([page.pk])
        assert (unpublished.pk, LinkProblem.Kind.UNPUBLISHED) not in problems()
        assert (gone_id, LinkProblem.Kind.DELETED) in problems()

    def test_drafts_are_not_checked(self, site, fast_checks):
        make_draft(StandardPageFactory, title="Entwurf", body=[("rich_text", f"<p>{link('http://127.0.0.1:1/')}</p>")])
        check_links.call()
        assert not LinkProblem.objects.exists()

    def test_runs_daily_from_the_scheduler(self):
        job = next(job for job in jobs.registered() if job.name == "check_links")
        assert job.every.days == 1


class TestHostPacer:
    def test_requests_to_one_host_wait_for_each_other(self):
        pacer = HostPacer(interval=0.2)
        started = time.monotonic()
        for _ in range(3):
            with pacer.turn("example.org"):
                pass
        with pacer.turn("example.com"):  # another host does not wait
            pass
        assert 0.4 <= time.monotonic() - started < 0.6


@pytest.mark.django_db
class TestReport:
    REPORT = "editorial_tools:broken_links"

    def test_lists_page_field_link_problem_and_time_in_german(self, client, users, linking_page):
        page, urls, *_ = linking_page
        check_links.call()
        client.force_login(users.editor)
        html = client.get(reverse(self.REPORT)).content.decode()
        assert urls["missing"] in html and "HTTP 404" in html
        assert "Noch nicht veröffentlicht" in html  # the unpublished target, by title
        assert "Linkseite" in html
        for german in ("Defekte Links", "Verlinkte Seite ist nicht veröffentlicht", "Zuletzt geprüft", "Erneut prüfen"):
            assert german in html

    def test_is_in_the_reports_menu(self, client, users, site):
        client.force_login(users.editor)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse(self.REPORT) in html and reverse("editorial_tools:publishing_calendar") in html

    def test_pages_the_user_may_not_edit_stay_hidden(self, client, users, linking_page):
        check_links.call()
        client.force_login(users.fr)  # the German page is not the French translator's
        html = client.get(reverse(self.REPORT)).content.decode()
        assert linking_page[1]["missing"] not in html

    def test_check_again_runs_the_check_in_the_background(self, client, users, linking_page):
        page, urls, *_ = linking_page
        client.force_login(users.editor)
        response = client.post(reverse("editorial_tools:recheck_links"), {"page": page.pk})
        assert response.status_code == 302
        assert (urls["missing"], LinkProblem.Kind.HTTP_ERROR) in problems()  # the test backend runs it at once

    def test_check_again_refuses_pages_the_user_may_not_edit(self, client, users, linking_page):
        client.force_login(users.fr)
        response = client.post(reverse("editorial_tools:recheck_links"), {"page": linking_page[0].pk})
        assert response.status_code in (302, 403) and not LinkProblem.objects.exists()

    def test_a_bad_page_id_is_not_found_not_a_server_error(self, client, users, site):
        client.force_login(users.editor)
        # 404, which Django's LocaleMiddleware turns into a redirect to the /de/ address (as for every admin 404)
        assert client.post(reverse("editorial_tools:recheck_links"), {"page": "x"}).status_code in (302, 404)

    def test_the_report_has_a_fixed_number_of_queries(self, client, users, linking_page, django_assert_max_num_queries):
        check_links.call()  # five broken links: three external, two internal
        client.force_login(users.editor)
        client.get(reverse(self.REPORT))  # warms the per-process caches (content types, site root)
        with django_assert_max_num_queries(15):
            assert client.get(reverse(self.REPORT)).status_code == 200
