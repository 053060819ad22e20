"""Issue #14's walk in the browser, in German, with the real roles: a live French translation follows
the German event's new start time.

Redaktion moves the start of an event in Tunis from 09:30 to 10:00 and submits; Freigabe approves
from the dashboard; Übersetzung FR syncs with the defaults. The French page, the French API item and
the French .ics then say 10:00 (Tunis time). The event and its complete French translation are made
directly in the database: creating and translating through the admin is test_editorial_flow's job.
"""

import datetime
import re
import zoneinfo

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from programmes.factories import EventPageFactory
from programmes.models import EventIndexPage, EventPage

from .test_editorial_flow import eventually, login, people  # noqa: F401  (fixtures shared with the flow)

pytestmark = pytest.mark.browser

TUNIS = zoneinfo.ZoneInfo("Africa/Tunis")
TITLE = "Infotag Partnerschaften in Tunis"


def tunis(hour, minute=0):
    return datetime.datetime(2027, 5, 14, hour, minute, tzinfo=TUNIS)


@pytest.fixture
def french_event(demo_site):
    """A live German event in Tunis, 09:30–16:00, and its live French translation with every string
    translated."""
    parent = EventIndexPage.objects.get(locale__language_code="de")
    event = EventPageFactory(
        parent=parent, title=TITLE, slug="infotag-tunis", time_zone="Africa/Tunis", start=tunis(9, 30), end=tunis(16)
    )
    event.save_revision().publish()
    french_locale = Locale.objects.get(language_code="fr")
    translate_object(event, [french_locale])
    translation = Translation.objects.get(source__object_id=event.translation_key, target_locale=french_locale)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=french_locale,
            context=segment.context,
            defaults={"data": f"fr {segment.string.data}"},
        )
    translation.save_target(publish=True)  # no test transaction here: published at once
    french = EventPage.objects.get(translation_key=event.translation_key, locale=french_locale)
    assert french.live and french.start == tunis(9, 30)
    return event, translation, french


def test_french_page_api_and_calendar_follow_the_new_start(demo_site, people, login, french_event):  # noqa: F811
    base = demo_site.url
    event, translation, french = french_event

    # 1. Redaktion moves the start to 10:00 (the form shows and reads Tunis time) and submits.
    editor = login("redakteurin", f"/admin/pages/{event.pk}/edit/")
    assert editor.input_value("#id_start").startswith("2027-05-14 09:30")
    editor.fill("#id_start", "2027-05-14 10:00")
    submit = editor.locator('button[name="action-submit"]')
    if not submit.is_visible():
        editor.locator(
            "footer [aria-label='Weitere Aktionen'], footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']"
        ).first.click()
    with editor.expect_navigation():
        submit.click()
    assert eventually(lambda: EventPage.objects.get(pk=event.pk).current_workflow_state is not None)

    # 2. Freigabe approves it from the dashboard; publishing updates the live French translation.
    approver = login("freigeberin")
    row = approver.locator("tr").filter(has_text=TITLE)
    row.get_by_role("button", name="Aktionen").click()
    row.get_by_role("button", name="Freigeben", exact=True).click()
    assert eventually(lambda: EventPage.objects.get(pk=event.pk).start == tunis(10))

    # 3. Übersetzung FR syncs with the defaults ("Publish immediately" not ticked).
    translator = login("traductrice", f"/admin/localize/update/{translation.source_id}/")
    publish_box = translator.locator("#id_publish_translations")
    assert publish_box.count() == 0 or not publish_box.is_checked()
    with translator.expect_navigation():
        translator.locator("main form [type=submit]").first.click()
    assert "erfolgreich" in translator.locator(".messages").inner_text()

    # 4. Visitors see 10:00 on the French page, in the API and in the calendar file.
    assert eventually(lambda: EventPage.objects.get(pk=french.pk).start == tunis(10))
    visitor = translator.context.browser.new_page()
    try:
        response = visitor.goto(f"{base}{french.url}")
        assert response.status == 200 and visitor.locator("html").get_attribute("lang") == "fr"
        when = visitor.locator("main time").first.inner_text()
        assert "10:00" in when and "09:30" not in when, when
        api = visitor.request.get(f"{base}/api/v2/pages/{french.pk}/").json()
        assert api["start"].startswith("2027-05-14T10:00:00+01:00")
        ics = visitor.request.get(f"{base}/calendar/events/{french.pk}.ics").text()
        assert re.search(r"DTSTART;TZID=Africa/Tunis:20270514T100000", ics)
    finally:
        visitor.close()
