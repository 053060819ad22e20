"""Every page type, in every language, and the admin's main screens, with the Content-Security-Policy enforced.

Chromium fires ``securitypolicyviolation`` for each thing a policy blocks (enforced) or would block
(report-only); an init script in every frame hands each event to the test. A public page must cause none;
an admin screen none against its enforced policy. The report-only violations of the admin (Wagtail's own
inline scripts and styles) are what keeps its policy from being strict; they are printed, not failed on.
One browser and one page are reused throughout, so that the whole walk stays well under a minute.
"""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage
from programmes.models import (
    CallForParticipationPage,
    CallIndexPage,
    EventIndexPage,
    EventPage,
    Partnership,
    PartnershipIndexPage,
    ProgrammePage,
    ProgrammePhasePage,
    TopicIndexPage,
    TopicPage,
)

from .fixtures import _is_local

pytestmark = pytest.mark.browser

LANGUAGES = ["de", "fr", "ar-dz", "en"]
SEARCH_TERMS = {"de": "Abfall", "fr": "déchets", "ar-dz": "النفايات", "en": "waste"}
PAGE_TYPES = {
    model.__name__
    for model in (
        HomePage,
        StandardPage,
        ProgrammePage,
        ProgrammePhasePage,
        TopicIndexPage,
        TopicPage,
        CallIndexPage,
        CallForParticipationPage,
        EventIndexPage,
        EventPage,
        PartnershipIndexPage,
    )
}
# The event whose page carries the registration form (participation), by its German slug.
EVENT_WITH_FORM = "beispiel-hybride-veranstaltung"

WATCH_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.kzCspViolation({
    page: document.location.href,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    disposition: event.disposition,
    source: event.sourceFile + ":" + event.lineNumber,
    sample: event.sample,
  });
});
"""
CONSOLE_TROUBLE = re.compile(r"Content.Security.Policy|Permissions.Policy|Refused to|Unrecognized feature", re.I)


class Watcher:
    """The violations and policy-related console messages of a browser context, by page."""

    def __init__(self, context):
        self.violations = []
        self.console = []
        context.expose_binding("kzCspViolation", lambda source, violation: self.violations.append(violation))
        context.add_init_script(WATCH_VIOLATIONS)

    def watch(self, page):
        page.on(
            "console",
            lambda message: (
                self.console.append(f"{page.url}: {message.text}") if CONSOLE_TROUBLE.search(message.text) else None
            ),
        )

    def settle(self, page):
        # Violations arrive as binding calls; a round trip after "load" lets the last ones in.
        page.evaluate("new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))")

    def enforced(self):
        return [violation for violation in self.violations if violation["disposition"] == "enforce"]

    def reported(self):
        return [violation for violation in self.violations if violation["disposition"] == "report"]


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    watcher = Watcher(context)
    page = context.new_page()
    watcher.watch(page)
    external = []
    page.on("request", lambda request: external.append(request.url) if not _is_local(request.url) else None)
    yield page, watcher
    context.close()
    assert not external, f"the pages requested external resources: {external}"


def public_pages(language):
    """One page of every page type in ``language`` (the event: the one with the registration form), the
    partnership detail, the search with results and the widget's demo."""
    locale = Locale.objects.get(language_code=language)
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=1).specific().order_by("path")
    chosen = {}
    for page in pages:
        chosen.setdefault(type(page), page)
    german_event = EventPage.objects.get(slug=EVENT_WITH_FORM, locale__language_code="de")
    chosen[EventPage] = german_event.get_translation(locale)
    # The call still open longest: its page shows the expression-of-interest form where there is one.
    chosen[CallForParticipationPage] = (
        CallForParticipationPage.objects.live().public().filter(locale=locale).order_by("-deadline").first()
    )
    urls = {type(page).__name__: page.url for page in chosen.values()}
    with_url = Partnership.objects.filter(locale=locale).first()
    urls["partnership"] = with_url.get_url(locale=locale)
    urls["search"] = f"/{language}/search/?q={SEARCH_TERMS[language]}"
    assert HomePage.__name__ in urls and all(urls.values()), urls
    return urls


def visit(page, watcher, base, path, enforced_header="Content-Security-Policy"):
    response = page.goto(f"{base}{path}")
    assert response.ok, f"{path}: {response.status}"
    policy = response.headers.get(enforced_header.lower(), "")
    assert "script-src 'self'" in policy, f"{path}: no enforced policy ({policy!r})"
    watcher.settle(page)
    return policy


def test_public_pages_in_every_language_break_no_policy(demo_site, watched):
    page, watcher = watched
    for language in LANGUAGES:
        urls = public_pages(language)
        assert PAGE_TYPES | {"partnership", "search"} <= set(urls), f"{language}: {sorted(urls)}"
        for name, path in urls.items():
            policy = visit(page, watcher, demo_site.url, path)
            assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, f"{path}: {policy}"
            if name == "partnership":
                # Structured data is a <script> too, but not executed: script-src neither blocks nor reports it.
                assert page.locator("script[type='application/ld+json']").count() >= 1, path
            if name == "EventPage":
                assert page.locator("form.participation-form").count() == 1, f"{path}: no registration form"
            if name == "search":
                # The suggestions are fetched by script: typing must not be blocked either.
                page.locator("input[type=search]").first.press_sequentially(SEARCH_TERMS[language][:3])
                page.wait_for_timeout(400)
    # The widget as partners see it: its demo page frames it (frame-ancestors, frame-src).
    visit(page, watcher, demo_site.url, "/widget/demo/")
    page.frame_locator("[data-kz-widget] >> nth=0 >> iframe").locator("#kz-widget-list[aria-busy=false]").wait_for()
    watcher.settle(page)

    assert not watcher.violations, f"policy violations: {watcher.violations}"
    assert not watcher.console, f"console: {watcher.console}"


def test_admin_main_screens_break_no_enforced_policy(demo_site, watched, capsys):
    page, watcher = watched
    get_user_model().objects.create_superuser("csp-admin", "csp@example.org", "geheim-123")
    page.goto(f"{demo_site.url}/admin/login/")
    page.fill("#id_username", "csp-admin")
    page.fill("#id_password", "geheim-123")
    with page.expect_navigation(url=re.compile(r"/admin/$")):
        page.locator("form button[type=submit]").click()
    watcher.settle(page)

    home = HomePage.objects.get(locale__language_code="de")
    event = EventPage.objects.get(slug=EVENT_WITH_FORM, locale__language_code="de")
    screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_pages:edit", args=[event.pk]),
        reverse("wagtailsnippets_programmes_partnership:list"),
        reverse("wagtailimages:add_multiple"),
    ]
    for path in screens:
        policy = visit(page, watcher, demo_site.url, path)
        assert "object-src 'none'" in policy and "frame-ancestors" in policy
        assert page.locator("#main, main").count() >= 1, f"{path}: the screen did not render"
        if path == screens[2]:
            # The preview panel: the public template in an admin frame (frame-ancestors 'self').
            page.locator("[data-side-panel-toggle=preview]").click()
            page.frame_locator("#w-preview-iframe").locator("h1").wait_for(state="attached")
            watcher.settle(page)
    # A public page as an editor sees it: with Wagtail's userbar, under the public policy.
    visit(page, watcher, demo_site.url, event.url)
    assert page.locator("wagtail-userbar, [data-wagtail-userbar]").count() >= 1

    assert not watcher.enforced(), f"enforced policy violated: {watcher.enforced()}"
    assert all("report-only" in line for line in watcher.console), [
        line for line in watcher.console if "report-only" not in line
    ]
    with capsys.disabled():
        for violation in sorted({(v["directive"], v["blocked"], v["source"]) for v in watcher.reported()}):
            print("admin report-only:", *violation)


def test_a_violation_reaches_the_report_endpoint_and_is_logged(demo_site, watched, settings, caplog):
    """A real browser's report arrives at /csp-report/ and is logged; the watcher sees the violation too.

    Through ``report-uri`` (Firefox, Safari): Chromium prefers ``report-to`` where a policy has both, and
    delivers those reports in batches a minute apart, too late for a test (the Reporting API's format is
    covered by cms/tests/test_content_security.py).
    """
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            name: value for name, value in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].items() if name != "report-to"
        }
    }
    page, watcher = watched
    visit(page, watcher, demo_site.url, "/de/")
    # A style attribute set from script: what injected markup with style="…" would be blocked as.
    page.evaluate("document.body.setAttribute('style', 'outline: 1px solid red')")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(r.name == "cms.content_security.reports" for r in caplog.records):
        page.wait_for_timeout(50)
    watcher.settle(page)

    assert [(v["directive"], v["disposition"]) for v in watcher.violations] == [("style-src-attr", "enforce")]
    assert page.evaluate("getComputedStyle(document.body).outlineStyle") == "none"
    logged = [r for r in caplog.records if r.name == "cms.content_security.reports"]
    assert [(r.levelname, r.getMessage()) for r in logged] == [
        ("WARNING", "Content-Security-Policy violation (enforce): style-src-attr blocked inline")
    ]
