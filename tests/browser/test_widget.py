"""The embeddable widget as a partner site uses it, in headless Chromium.

The partner page is none of the platform's templates: a web server of the partner's own, on another origin
(http://127.0.0.1:<free port>, where the platform is http://localhost:<port>), serves a page with the
copy-paste snippet of docs/api.md in it, the live server's address in place of https://PLATFORM. The widget
is an <iframe> served by the platform that reads the API itself (same origin), so the partner's origin
needs no CORS permission: the tests check that this is the path really taken.
"""

import datetime
import http.server
import json
import re
import threading
import urllib.parse
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from programmes.factories import (
    CallForParticipationPageFactory,
    CountryFactory,
    EventPageFactory,
    add_draft_changes,
    make_draft,
    translate_page,
)
from programmes.models import CallIndexPage, TopicPage

from .fixtures import assert_no_wcag_violations

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
WIDGETS = "[data-kz-widget]"
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")

PARTNER_PAGE = """<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Gemeinde Musterstadt: Partnerschaft mit Sétif</title></head>
<body>
<header><a href="/">Startseite der Gemeinde Musterstadt</a></header>
<main>
<h1>Unsere Partnerschaft mit Sétif</h1>
{widgets}
</main>
<footer><a href="/impressum">Impressum</a></footer>
</body>
</html>
"""

# The topic by its English slug: a slug in any language works.
FRENCH_EVENTS = (
    '<div data-kz-widget data-kind="events" data-lang="fr" data-topic="waste-management" data-country="DZ"></div>'
)


def widget_docs():
    return DOCS.read_text(encoding="utf-8").split("## The widget for partner websites", 1)[1].split("\n## ", 1)[0]


def documented_examples():
    """The ```html examples of the docs' widget section, as written there: the snippet, then more widgets."""
    examples = [example.strip() for example in re.findall(r"```html\n(.*?)```", widget_docs(), re.S)]
    assert len(examples) == 2, "docs/api.md: the widget section should have two ```html examples"
    return examples


def documented_snippet():
    return documented_examples()[0]


def arabic_events():
    """The docs' second example: upcoming events in Arabic."""
    return documented_examples()[1]


def documented_csp(platform):
    """The Content-Security-Policy the docs tell a partner to allow the widget with."""
    match = re.search(r"`(script-src [^`]*)`", widget_docs())
    assert match, "docs/api.md: the widget section should say how to allow it in a Content-Security-Policy"
    return match.group(1).replace("https://PLATFORM", platform)


@pytest.fixture
def partner_site():
    """A partner's web server of its own, on another origin than the platform's.

    A real server rather than a routed fake origin: Chromium lets a page reach a loopback address (the live
    server) only from a loopback address itself (Private Network Access).
    """
    pages, headers = {}, {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(urllib.parse.urlsplit(self.path).path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write((body or "not found").encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(origin=f"http://127.0.0.1:{server.server_address[1]}", pages=pages, headers=headers)
    server.shutdown()
    server.server_close()


def open_partner_page(page, partner_site, platform, *extra_widgets):
    """The partner's page: its own widgets (if any), then the documented snippet as it is, then its footer."""
    snippet = documented_snippet().replace("https://PLATFORM", platform)
    partner_site.pages["/"] = PARTNER_PAGE.format(widgets="\n".join([*extra_widgets, snippet]))
    page.goto(f"{partner_site.origin}/")
    assert page.locator(WIDGETS).count() == len(extra_widgets) + 1


def widget(page, index):
    """The frame of the ``index``-th widget, once its list has loaded (or failed to)."""
    frame = page.frame_locator(f"{WIDGETS} >> nth={index} >> iframe")
    frame.locator("#kz-widget-list[aria-busy=false]").wait_for()
    return frame


def link_titles(frame):
    return [title.strip() for title in frame.locator("#kz-widget-list a").all_inner_texts()]


def api_items(platform, **query):
    """What the API lists for a widget's query: the widget must show exactly this."""
    url = f"{platform}/api/v2/pages/?{urllib.parse.urlencode({'fallback': 'true', 'limit': 5, **query})}"
    with urllib.request.urlopen(url) as response:
        return json.load(response)["items"]


def origin_of(url):
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def partner_content(demo_site):
    """Open calls and upcoming events on waste management in Algeria (the demo's open call on the topic is in Morocco),
    some that the filters must leave out, and drafts that must never show."""
    waste = TopicPage.objects.get(locale__language_code="de", slug="abfallmanagement")
    energy = TopicPage.objects.get(locale__language_code="de", slug="energieeffizienz")
    dz, ma = CountryFactory(code="DZ"), CountryFactory(code="MA")
    now = timezone.now()

    call = CallForParticipationPageFactory(
        title="Offener Aufruf: Abfallwirtschaft in Sétif", slug="aufruf-abfall-setif", topics=[waste], countries=[dz]
    )
    call_fr = translate_page(call, "fr", title="Appel ouvert : gestion des déchets à Sétif", slug="appel-dechets-setif")
    # A newer, unpublished revision of the French call: visitors still see the published title.
    add_draft_changes(call_fr, title="Brouillon : nouveau titre de l’appel de Sétif")
    # Closes after the call above, so it comes second (closing soonest first).
    untranslated = CallForParticipationPageFactory(
        title="Aufruf: Abfalltrennung in Batna",
        slug="aufruf-abfalltrennung-batna",
        topics=[waste],
        countries=[dz],
        deadline=now + datetime.timedelta(days=40),
    )
    # Its French translation exists only as a draft: the widget shows the German page, marked as German.
    translate_page(untranslated, "fr", publish=False, title="Brouillon : tri des déchets à Batna")
    never_published = make_draft(
        CallForParticipationPageFactory, title="Entwurf: Deponie Oran", slug="entwurf-deponie-oran", topics=[waste]
    )
    never_published.countries.set([dz])
    never_published.save_revision()
    CallForParticipationPageFactory(
        title="Aufruf: Abfall in Marokko", slug="aufruf-abfall-marokko", topics=[waste], countries=[ma]
    )
    CallForParticipationPageFactory(
        title="Aufruf: Energie in Algerien", slug="aufruf-energie-algerien", topics=[energy], countries=[dz]
    )

    # Online, next week, 10:00 in Berlin.
    event = EventPageFactory(
        title="Fachaustausch Abfall in Sétif", slug="fachaustausch-abfall-setif", topics=[waste], countries=[dz]
    )
    event_fr = translate_page(event, "fr", title="Échange technique : déchets à Sétif", slug="echange-dechets-setif")
    event_ar = translate_page(event, "ar-dz", title="تبادل الخبرات: النفايات في سطيف", slug=event.slug)
    draft_event = make_draft(
        EventPageFactory, title="Entwurf: Abfallforum", slug="entwurf-abfallforum", topics=[waste], countries=[dz]
    )
    return SimpleNamespace(
        platform=demo_site.url,
        call_fr=call_fr.title,
        untranslated=untranslated.title,
        event_fr=event_fr.title,
        event_ar=event_ar.title,
        drafts=[
            "Brouillon : nouveau titre de l’appel de Sétif",
            "Brouillon : tri des déchets à Batna",
            never_published.title,
            draft_event.title,
        ],
    )


def assert_no_drafts(frame, content):
    text = frame.locator("body").inner_text()
    for draft in content.drafts:
        assert draft not in text


def test_documented_snippet_lists_open_calls_in_french_on_its_topic_and_country(partner_content, partner_site, page):
    platform = partner_content.platform
    # The partner's origin is not allowed by CORS, and need not be.
    assert partner_site.origin not in settings.CORS_ALLOWED_ORIGINS
    requests = []
    page.on("request", lambda request: requests.append(request))
    open_partner_page(page, partner_site, platform)

    frame_element = page.locator(f"{WIDGETS} iframe")
    assert frame_element.get_attribute("title") == "Appels à participation ouverts"
    assert frame_element.get_attribute("lang") == "fr"
    calls = widget(page, 0)
    assert calls.locator("html").get_attribute("lang") == "fr"
    assert calls.locator("html").get_attribute("dir") == "ltr"
    assert calls.get_by_role("heading", level=2).inner_text() == "Appels à participation ouverts"

    # Open calls on waste management in Algeria, closing soonest first: in French, or in German (and marked
    # as such) where the French translation is not published. Exactly what the API lists.
    expected = api_items(
        platform,
        type="programmes.CallForParticipationPage",
        locale="fr",
        status="open",
        order="deadline",
        topic="gestion-des-dechets",
        country="DZ",
    )
    assert link_titles(calls) == [partner_content.call_fr, partner_content.untranslated]
    assert link_titles(calls) == [item["title"] for item in expected]
    links = calls.locator("#kz-widget-list a")
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [item["meta"]["html_url"] for item in expected]
    assert links.first.get_attribute("target") == "_top"
    german = calls.get_by_role("link", name=partner_content.untranslated)
    assert german.get_attribute("lang") == "de"
    assert "(en allemand)" in calls.locator("li", has=german).inner_text()
    first = calls.locator("#kz-widget-list li").first
    assert first.locator("time").get_attribute("datetime") == expected[0]["deadline"]
    # The deadline with its time zone (the call's own, Berlin): "Date limite : 25 décembre 2026 à 14:02 UTC+1".
    assert re.search(r"^Date limite\s: \d.+ \d\d:\d\d UTC[+−-]\d$", first.locator("p").inner_text()), first.inner_text()

    # Left out: the demo's open call (in Morocco), its closed call (on the topic, in Algeria), an open call in
    # Morocco, one on another topic; and every draft.
    text = calls.locator("body").inner_text()
    for absent in ("Exemple : appel ouvert", "Appel à manifestation d’intérêt", "Marokko", "Energie"):
        assert absent not in text
    assert_no_drafts(calls, partner_content)
    more = calls.get_by_role("link", name="Tous les appels à participation")
    assert "/fr/" in more.get_attribute("href") and more.get_attribute("target") == "_top"

    # Nothing was asked of any origin but the partner's and the platform's, and the API was read by the
    # platform's own frame: no cross-origin request, so no CORS.
    assert {origin_of(request.url) for request in requests} == {platform, partner_site.origin}
    api_requests = [request for request in requests if "/api/" in request.url]
    assert len(api_requests) == 1
    assert origin_of(api_requests[0].frame.url) == platform


def test_events_in_arabic_right_to_left_and_in_french_on_a_topic(partner_content, partner_site, page):
    platform = partner_content.platform
    # A partner page that allows nothing but what the docs say the widget needs.
    partner_site.headers["Content-Security-Policy"] = f"default-src 'none'; {documented_csp(platform)}"
    open_partner_page(page, partner_site, platform, arabic_events(), FRENCH_EVENTS)

    # Arabic: right to left, Arabic titles, upcoming events only (the demo's past event is not listed).
    assert page.locator(f"{WIDGETS} iframe").first.get_attribute("title") == "الفعاليات القادمة"
    assert page.locator(f"{WIDGETS} iframe").first.get_attribute("lang") == "ar-DZ"
    arabic = widget(page, 0)
    assert arabic.locator("html").get_attribute("lang") == "ar-DZ"
    assert arabic.locator("html").get_attribute("dir") == "rtl"
    assert arabic.get_by_role("heading", level=2).inner_text() == "الفعاليات القادمة"
    titles = link_titles(arabic)
    expected = api_items(platform, type="programmes.EventPage", locale="ar-dz", upcoming="true", order="start")
    assert titles == [item["title"] for item in expected]
    assert titles[0] == partner_content.event_ar and "مثال: لقاء تشبيك هجين" in titles
    assert all(ARABIC_LETTER.search(title) for title in titles), titles
    assert not any(title.startswith("لقاء إعلامي") for title in titles)
    assert_no_drafts(arabic, partner_content)
    # Laid out right to left: each item's link starts at the right edge of the list.
    first = arabic.locator("#kz-widget-list li").first
    assert first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    edges = first.evaluate(
        "li => ({item: li.getBoundingClientRect().right, link: li.querySelector('a').getBoundingClientRect().right})"
    )
    assert abs(edges["item"] - edges["link"]) < 2, edges
    assert "عبر الإنترنت" in first.locator("p").inner_text()  # "Online"

    # French, on waste management in Algeria: only the event on the topic (the demo's have none).
    french = widget(page, 1)
    assert link_titles(french) == [partner_content.event_fr]
    assert link_titles(french) == [
        item["title"]
        for item in api_items(
            platform,
            type="programmes.EventPage",
            locale="fr",
            upcoming="true",
            order="start",
            topic="waste-management",
            country="DZ",
        )
    ]
    # Next week at 10:00 in Berlin, online.
    assert re.search(r"10:00 UTC[+−-]\d · En ligne$", french.locator(".kz-widget__meta").inner_text())
    assert_no_drafts(french, partner_content)


FOCUSED_ELEMENT = """() => {
    const e = document.activeElement, style = getComputedStyle(e);
    return {tag: e.tagName, text: e.textContent.trim(), visible: e.matches(":focus-visible"),
            style: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


def tab(page, frames):
    """Press Tab; the index of the widget that has the focus (-1: none) and the focused element in it.

    Focus moves between the partner page and the widgets' frames (other processes) in steps: until it has
    settled, the frame being left still holds it with nothing focused in it.
    """
    page.keyboard.press("Tab")
    for _ in range(50):
        index = page.evaluate(f"[...document.querySelectorAll('{WIDGETS} iframe')].indexOf(document.activeElement)")
        if index < 0:
            return index, None
        focused = frames[index].locator("body").evaluate(FOCUSED_ELEMENT)
        if focused["tag"] != "BODY":
            break
        page.wait_for_timeout(50)
    return index, focused


def test_keyboard_reaches_every_widget_link_with_a_visible_focus_ring(partner_content, partner_site, page):
    open_partner_page(page, partner_site, partner_content.platform, arabic_events(), FRENCH_EVENTS)
    frames = [widget(page, index) for index in range(3)]

    # From the partner's link before the widgets, Tab goes through each widget's links in order (the list,
    # then "all …"), each with a visible focus ring, and on to the partner's footer.
    page.get_by_role("link", name="Startseite der Gemeinde Musterstadt").focus()
    reached = []
    for _ in range(30):
        index, focused = tab(page, frames)
        if index < 0:
            break
        reached.append((index, focused))
    assert page.evaluate("document.activeElement.textContent") == "Impressum"
    assert [(index, focused["text"]) for index, focused in reached] == [
        (index, text) for index, frame in enumerate(frames) for text in frame.locator("a").all_inner_texts()
    ]
    assert len(reached) == 4 + 2 + 3  # 3 events in Arabic, 1 in French, 2 calls, each list with "all …"
    assert all(focused["tag"] == "A" and focused["visible"] for _, focused in reached), reached
    assert all(focused["style"] == "solid" and focused["width"] >= 2 for _, focused in reached), reached
    # Without focus there is no ring: it is a focus style, not a border.
    assert frames[2].locator("a").first.evaluate("e => getComputedStyle(e).outlineStyle") == "none"


class AxeAcrossOrigins:
    """The ``axe`` fixture, made to check inside the widgets' cross-origin frames.

    axe-core checks a frame only where axe-core runs in it too and both sides allow each other's origin;
    otherwise it skips the frame without a word. So axe is put into every frame first, and the results
    are kept to prove that the widgets' elements were checked.
    """

    def __init__(self, axe, origins):
        self.axe = axe
        self.script = f"{axe.axe_script}\n;axe.configure({{allowedOrigins: {json.dumps(origins)}}});"
        self.results = None

    def run(self, page, context=None, options=None):
        for frame in page.frames:
            if frame != page.main_frame:
                frame.evaluate(self.script)
        original, self.axe.axe_script = self.axe.axe_script, self.script
        try:
            self.results = self.axe.run(page, context=context, options=options)
        finally:
            self.axe.axe_script = original
        return self.results

    def frames_checked(self):
        """The frames in which elements were checked (an element in a frame has the target [frame, element])."""
        return {
            node["target"][0]
            for rule in self.results.response["passes"] + self.results.response["violations"]
            for node in rule["nodes"]
            if len(node["target"]) > 1
        }


def test_axe_finds_no_wcag_violation_on_the_partner_page_and_in_the_widgets(partner_content, partner_site, page, axe):
    open_partner_page(page, partner_site, partner_content.platform, arabic_events(), FRENCH_EVENTS)
    for index in range(3):
        widget(page, index)
    checker = AxeAcrossOrigins(axe, [partner_content.platform, partner_site.origin])
    assert_no_wcag_violations(checker, page, "widget-on-partner-page")
    assert len(checker.frames_checked()) == 3, checker.frames_checked()


def test_empty_and_failing_lists_say_so_and_frames_fit_their_content(partner_content, partner_site, page, axe):
    platform = partner_content.platform
    PageViewRestriction.objects.create(
        page=CallIndexPage.objects.get(locale__language_code="en"), restriction_type="password", password="secret"
    )
    # The API cannot be reached for the German events (the network fails on the way).
    page.route(re.compile(r".*/api/v2/pages/\?.*locale=de.*"), lambda route: route.abort())
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    open_partner_page(
        page,
        partner_site,
        platform,
        # No open call in Tunisia; the language written as a language tag ("ar-DZ").
        '<div data-kz-widget data-kind="calls" data-lang="ar-DZ" data-country="TN" data-limit="3"></div>',
        '<div data-kz-widget data-kind="events" data-lang="de"></div>',
        # A topic that does not exist: the API answers 400.
        '<div data-kz-widget data-kind="calls" data-lang="en" data-topic="no-such-topic" data-title="Our calls"></div>',
    )
    frames = page.locator(f"{WIDGETS} iframe")
    assert frames.nth(0).get_attribute("src").endswith("/widget/?kind=calls&lang=ar-dz&country=TN&limit=3")
    # The partner's own name for the frame, in the partner page's language (no lang of its own).
    assert frames.nth(2).get_attribute("title") == "Our calls"
    assert frames.nth(2).get_attribute("lang") is None

    empty = widget(page, 0)
    assert empty.locator("html").get_attribute("dir") == "rtl"
    assert empty.locator("#kz-widget-list").inner_text() == "لا توجد دعوات مفتوحة في الوقت الحالي."
    assert empty.locator("#kz-widget-list a").count() == 0
    assert '"limit": "3"' in empty.locator("#kz-widget-config").text_content()
    assert widget(page, 1).locator("#kz-widget-list").inner_text() == "Die Liste konnte nicht geladen werden."
    english = widget(page, 2)
    assert english.locator("#kz-widget-list").inner_text() == "The list could not be loaded."
    # The English list of calls is password-protected: the widget links to the German one instead.
    more = english.get_by_role("link", name="All calls for participation").get_attribute("href")
    assert more == CallIndexPage.objects.get(locale__language_code="de").full_url
    # The partner's developer finds the API's reason in the console.
    assert any("400" in error and "no-such-topic" in error for error in errors), errors
    checker = AxeAcrossOrigins(axe, [platform, partner_site.origin])
    assert_no_wcag_violations(checker, page, "widget-empty-and-error")
    assert len(checker.frames_checked()) == 4, checker.frames_checked()

    # The frames are as tall as their content, on a wide screen, on a phone and on a wide screen again:
    # they never scroll on their own and leave no gap below.
    calls = frames.last
    frame = widget(page, 3)
    assert_frame_fits(page, frame, calls)
    wide = calls.bounding_box()["height"]
    page.set_viewport_size({"width": 360, "height": 900})
    assert_frame_fits(page, frame, calls)
    assert calls.bounding_box()["height"] > wide + 20  # the titles wrap
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_frame_fits(page, frame, calls)
    assert calls.bounding_box()["height"] == pytest.approx(wide, abs=1)


def assert_frame_fits(page, frame, element):
    """``element`` (an <iframe>) becomes as tall as ``frame``'s content, or its minimum height (12rem)."""
    content = height = 0
    for _ in range(50):
        content = frame.locator("body").evaluate("body => Math.ceil(body.getBoundingClientRect().height)")
        height = element.bounding_box()["height"]
        if abs(height - max(content, 192)) <= 1:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the frame is {height}px tall, its content {content}px")
