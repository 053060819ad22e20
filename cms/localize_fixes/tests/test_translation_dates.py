"""cms.localize_fixes.translation_dates: the translation editor's dates in the editor's language.

Without the fix, wagtail-localize writes "Manuell übersetzt am 5 December 2026" in the German editor.
"""

import html
import json
from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import now
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from cms.localize_fixes.translation_dates import EDITOR_PROPS, localize_dates

from .helpers import locale

pytestmark = pytest.mark.django_db

FIFTH_OF_DECEMBER = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def test_upstream_still_writes_english_months():
    """Pin: when this fails, wagtail-localize localizes its dates itself and translation_dates.py can go."""
    string_translation = StringTranslation(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, updated_at=FIFTH_OF_DECEMBER
    )
    with translation.override("de"):
        assert string_translation.get_comment() == "Manuell übersetzt am 5 December 2026"


def test_english_dates_in_the_active_language():
    with translation.override("de"):
        assert localize_dates("Manuell übersetzt am 5 December 2026") == "Manuell übersetzt am 5. Dezember 2026"
    with translation.override("fr"):
        assert localize_dates("Traduit manuellement le 5 December 2026") == "Traduit manuellement le 5 décembre 2026"
    assert localize_dates(None) is None


@pytest.fixture
def french_home(site):
    translate_object(site.home, [locale("fr")])
    return Translation.objects.get(source__object_id=site.home.translation_key, target_locale=locale("fr"))


def translate_first_string(french_home):
    segment = StringSegment.objects.filter(source=french_home.source).select_related("string").first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locale("fr"),
        context=segment.context,
        data="Accueil",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    # updated_at is auto_now: set the date afterwards.
    StringTranslation.objects.filter(locale=locale("fr")).update(updated_at=FIFTH_OF_DECEMBER)
    return segment


def test_german_translation_editor_shows_german_dates(german_admin_client, french_home):
    translate_first_string(french_home)
    page = french_home.get_target_instance()
    response = german_admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    props = json.loads(html.unescape(EDITOR_PROPS.search(response.content.decode()).group(2)))
    comments = [string["comment"] for string in props["initialStringTranslations"]]
    assert comments == ["Manuell übersetzt am 5. Dezember 2026"]


def test_saved_string_answers_with_a_german_date(german_admin_client, french_home):
    segment = translate_first_string(french_home)
    url = reverse("wagtail_localize:edit_string_translation", args=[french_home.pk, segment.pk])
    response = german_admin_client.put(
        url, urlencode({"value": "Page d'accueil"}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    with translation.override("de"):
        assert response.json()["comment"] == f"Manuell übersetzt am {date_format(now().date())}"
