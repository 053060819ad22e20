"""The editors' path through the admin, in German, with the real roles:

1. Redaktion creates an event and submits it to the "Freigabe" workflow (it cannot publish);
2. Freigabe approves it from the dashboard: the event is live;
3. Redaktion hands it to French translation; the French translator fills in the strings (through the
   HTTP API the translation editor's JavaScript uses — typing into the React editor is brittle) and
   publishes in the translation editor;
4. the French page is live under /fr/.
"""

import re
import time
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from editorial.roles import APPROVER_GROUP, EDITOR_GROUP, TRANSLATOR_GROUPS
from programmes.models import EventIndexPage, EventPage

from .fixtures import _is_local

pytestmark = pytest.mark.browser

TITLE = "Informationsabend Partnerschaften 2027"
SUMMARY = "Wie Kommunen eine Projektpartnerschaft im Maghreb beginnen."
DETAILS = "Den Zugangslink erhalten Sie nach der Anmeldung."
FRENCH = {
    TITLE: "Soirée d’information partenariats 2027",
    SUMMARY: "Comment les communes engagent un partenariat de projet au Maghreb.",
    DETAILS: "Vous recevrez le lien d’accès après votre inscription.",
}


def eventually(check, timeout=10):
    """Poll ``check`` (a database condition the live server's request has just made true) briefly."""
    deadline = time.monotonic() + timeout
    while not check() and time.monotonic() < deadline:
        time.sleep(0.05)
    return check()


@pytest.fixture
def people(demo_site, django_user_model):
    def person(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "geheim-123")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": person("redakteurin", EDITOR_GROUP),
        "approver": person("freigeberin", APPROVER_GROUP),
        "translator": person("traductrice", TRANSLATOR_GROUPS["fr"]),
    }


@pytest.fixture
def login(browser, demo_site):
    """A fresh browser context per person, signed in through the admin's login form and taken straight
    to ``path`` (the login form's "next"), so nobody waits for a dashboard they do not look at."""
    contexts = []
    external = []

    def sign_in(username, path="/admin/"):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        contexts.append(context)
        context.set_default_timeout(15000)
        page = context.new_page()
        page.on("request", lambda request: None if _is_local(request.url) else external.append(request.url))
        page.goto(f"{demo_site.url}/admin/login/?{urlencode({'next': path})}")
        page.fill("#id_username", username)
        page.fill("#id_password", "geheim-123")
        with page.expect_navigation(url=re.compile(re.escape(path) + "$")):
            page.locator("form button[type=submit]").click()
        return page

    yield sign_in
    for context in contexts:
        context.close()
    assert not external, f"the admin requested external resources: {external}"


def test_create_submit_approve_translate_publish(demo_site, people, login):
    base = demo_site.url
    event_index = EventIndexPage.objects.get(locale__language_code="de")

    # 1. Redaktion creates the event in German and submits it.
    editor = login("redakteurin", f"/admin/pages/add/programmes/eventpage/{event_index.pk}/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_summary", SUMMARY)
    editor.fill("#id_start", "2027-03-10 18:00")
    editor.fill("#id_end", "2027-03-10 20:00")
    editor.select_option("#id_event_format", "online")
    editor.fill("#id_online_details", DETAILS)
    assert editor.locator('button[name="action-publish"]').count() == 0  # Redaktion cannot publish
    mail.outbox.clear()
    submit = editor.locator('button[name="action-submit"]')
    if not submit.is_visible():
        editor.locator(
            "footer [aria-label='Weitere Aktionen'], footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']"
        ).first.click()
    assert re.search("Freigabe", submit.inner_text())
    submit.click()
    editor.wait_for_url(re.compile(rf"/admin/pages/{event_index.pk}/$"))  # back in the explorer, with a message
    assert "eingereicht" in editor.locator(".messages").inner_text()
    event = EventPage.objects.get(title=TITLE, locale__language_code="de")
    assert not event.live and event.current_workflow_state is not None
    assert "freigeberin@example.org" in {address for message in mail.outbox for address in message.to}

    # 2. Freigabe approves it from the dashboard.
    approver = login("freigeberin")
    row = approver.locator("tr").filter(has_text=TITLE)  # "Awaiting your review"
    row.get_by_role("button", name="Aktionen").click()
    row.get_by_role("button", name="Freigeben", exact=True).click()
    # The button posts in the background, then the dashboard reloads.
    assert eventually(lambda: EventPage.objects.filter(pk=event.pk, live=True).exists())
    event.refresh_from_db()
    response = approver.goto(f"{base}{event.url}")
    assert response.status == 200 and approver.get_by_role("heading", level=1).inner_text() == TITLE

    # 3. Redaktion hands it to French translation …
    editor.goto(f"{base}/admin/localize/submit/page/{event.pk}/")
    french_box = editor.get_by_label("Français")
    french_box.check()
    with editor.expect_navigation():
        french_box.locator("xpath=ancestor::form").locator("[type=submit]").first.click()
    assert editor.locator(".messages").count() == 1, editor.url  # "… was submitted for translation"
    translation = Translation.objects.get(source__object_id=event.translation_key, target_locale__language_code="fr")
    french = translation.get_target_instance()

    # … and the French translator translates the strings and publishes in the translation editor.
    translator = login("traductrice", f"/admin/pages/{french.pk}/edit/")
    translator.wait_for_selector(".js-translation-editor footer button[value=publish]")  # the React editor is up
    csrf = next(c["value"] for c in translator.context.cookies() if c["name"] == "csrftoken")
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in FRENCH:
            response = translator.request.put(
                f"{base}/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
                form={"value": FRENCH[segment.string.data]},
                headers={"X-CSRFToken": csrf, "Referer": f"{base}/admin/"},
            )
            assert response.status in (200, 201), response.text()[:300]
    translator.reload()
    publish = translator.locator(".js-translation-editor footer button[value=publish]")
    assert "Veröffentlichen in" in publish.inner_text()
    with translator.expect_navigation():  # the button posts the form, then the editor reloads
        publish.click()

    # 4. The French page is live under /fr/.
    assert eventually(lambda: Page.objects.filter(pk=french.pk, live=True, title=FRENCH[TITLE]).exists())
    french = Page.objects.get(pk=french.pk)
    assert french.alias_of_id is None
    visitor = translator.context.browser.new_page()
    try:
        response = visitor.goto(f"{base}{french.url}")
        assert french.url.startswith("/fr/") and response.status == 200
        assert visitor.locator("html").get_attribute("lang") == "fr"
        assert visitor.get_by_role("heading", level=1).inner_text() == FRENCH[TITLE]
        assert FRENCH[DETAILS] in visitor.content()
    finally:
        visitor.close()
