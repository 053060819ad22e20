"""cms.localize_fixes.synchronized_fields: live translations follow the source's non-text fields.

The walk from issue #14: the German event in Tunis moves from 09:30 to 10:00; the French page, its
API item and its .ics must show 10:00 without a translator reopening the translation editor.
"""

import datetime
import io
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from editorial.outdated import outdated_translations
from programmes.factories import EventPageFactory, OrganisationFactory
from programmes.models import EventPage, Organisation

from .helpers import locale, translate_and_publish

pytestmark = pytest.mark.django_db

TUNIS = zoneinfo.ZoneInfo("Africa/Tunis")


class French(dict):
    """Every string translated: the known ones properly, the rest marked."""

    def __contains__(self, text):
        return True

    def __missing__(self, text):
        return f"fr {text}"


FRENCH = French({"Infotag Tunis": "Journée d’information Tunis", "infotag-tunis": "journee-information-tunis"})


def tunis(hour, minute=0):
    return datetime.datetime(2027, 5, 14, hour, minute, tzinfo=TUNIS)


@pytest.fixture
def french_event(site):
    event = EventPageFactory(
        title="Infotag Tunis", time_zone="Africa/Tunis", start=tunis(9, 30), end=tunis(16), capacity=40
    )
    event.save_revision().publish()
    translation, french = translate_and_publish(event, "fr", FRENCH)
    assert french.live and french.start == tunis(9, 30)
    return event, translation, french


def move_start(event, hour, minute=0, *, run_tasks=True):
    """Redaktion's change, published (as after Freigabe's approval); ``run_tasks``: commit happens."""
    page = EventPage.objects.get(pk=event.pk)
    page.start = tunis(hour, minute)
    page.capacity = 50
    with TestCase.captureOnCommitCallbacks(execute=run_tasks):
        page.save_revision().publish()
    return page


def french_sees(client, french, expected):
    french = EventPage.objects.get(pk=french.pk)
    assert french.start == expected
    page = client.get(french.url)
    assert page.status_code == 200
    wall_clock = f"{expected:%H:%M}"
    assert wall_clock in page.content.decode()
    api = client.get(f"/api/v2/pages/{french.pk}/").json()
    assert api["start"].startswith(expected.isoformat()[:16])
    ics = client.get(reverse("event_ical", args=[french.pk])).content.decode()
    assert f"DTSTART;TZID=Africa/Tunis:{expected:%Y%m%dT%H%M%S}" in ics


def test_upstream_sync_leaves_live_translation_with_old_values(french_event):
    """Pin: wagtail-localize copies synchronised fields only in save_target. If this fails, upstream
    changed and the re-publishing here may no longer be needed."""
    event, translation, french = french_event
    move_start(event, 10, run_tasks=False)
    translation.source.update_from_db()
    assert EventPage.objects.get(pk=french.pk).start == tunis(9, 30)


def test_publishing_the_source_moves_the_french_event(client, french_event):
    event, translation, french = french_event
    move_start(event, 10)
    french_sees(client, french, tunis(10))
    french = EventPage.objects.get(pk=french.pk)
    assert french.capacity == 50 and french.title == "Journée d’information Tunis"  # translation kept
    # Recorded as done by the system, not by a person.
    entry = PageLogEntry.objects.filter(page=french, action="wagtail.publish").order_by("-timestamp").first()
    assert entry.user is None
    assert not outdated_translations().exists()


def test_new_untranslated_text_is_published_in_german_and_stays_outdated(client, french_event):
    event, translation, french = french_event
    page = EventPage.objects.get(pk=event.pk)
    page.summary = "Eine neue Zusammenfassung."
    page.start = tunis(10)
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    french = EventPage.objects.get(pk=french.pk)
    assert french.start == tunis(10) and french.summary == "Eine neue Zusammenfassung."
    assert list(outdated_translations()) == [translation]

    # The translator translates the new text and publishes: what visitors see equals the source.
    segment = StringSegment.objects.get(source=translation.source, string__data="Eine neue Zusammenfassung.")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=locale("fr"), context=segment.context, data="Un nouveau résumé."
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    assert not outdated_translations().exists()


def test_draft_translations_are_left_to_their_translator(french_event):
    event, translation, french = french_event
    Page.objects.filter(pk=french.pk).update(live=False)
    move_start(event, 10)
    assert EventPage.objects.get(pk=french.pk).start == tunis(9, 30)


@pytest.fixture
def french_translator(site, django_user_model):
    call_command("setup_roles", stdout=io.StringIO())
    user = django_user_model.objects.create_user("fr", "fr@example.org", "password")
    user.groups.add(Group.objects.get(name="Übersetzung FR"))
    return user


def test_sync_with_defaults_publishes_what_has_nothing_to_translate(client, french_event, french_translator):
    """Before the fix: "erfolgreich aktualisiert", the report showed 0, and the French page kept 09:30."""
    event, translation, french = french_event
    move_start(event, 10, run_tasks=False)  # e.g. the worker has not run yet
    assert list(outdated_translations()) == [translation]

    client.force_login(french_translator)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {})  # the defaults: "Publish immediately" not ticked
    assert response.status_code == 302
    client.logout()
    french_sees(client, french, tunis(10))
    assert not outdated_translations().exists()


def test_synced_but_unpublished_translation_stays_listed(french_event):
    """A sync that visitors do not see yet is not the end of the job."""
    event, translation, french = french_event
    move_start(event, 10, run_tasks=False)
    Translation.objects.get(pk=translation.pk).source.update_from_db()
    assert list(outdated_translations()) == [translation]


def test_sync_with_defaults_saves_fully_translated_snippets(client, site, french_translator):
    organisation = OrganisationFactory(name="Engagement Global", kind=Organisation.Kind.OTHER)
    translation, french = translate_and_publish(organisation, "fr", FRENCH)
    organisation.kind = Organisation.Kind.AGENCY  # a synchronised field, edited in German
    organisation.save()

    client.force_login(french_translator)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post(url, {}).status_code == 302
    french.refresh_from_db()
    assert french.kind == Organisation.Kind.AGENCY and french.name == "fr Engagement Global"
