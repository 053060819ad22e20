"""The translation workflow end to end, through wagtail-localize's admin views, as the roles use it:
a German editor starts a French translation, the French translator translates and publishes it, a
German change makes it show up as out of date, syncing clears that; PO files go out and come back."""

from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .conftest import locale

FRENCH = {
    "Kontakt": "Contact",
    "So erreichen Sie uns.": "Comment nous joindre.",
    "Worum es geht": "De quoi s’agit-il",
    "Schreiben Sie uns eine E-Mail.": "Écrivez-nous un courriel.",
}


def submit_translation(client, page, *codes):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale(code).pk for code in codes]})
    assert response.status_code == 302, response.content[:500]
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale(codes[0]))


def translate_strings(client, translation, texts):
    """PUT each string through the API the translation editor's JavaScript uses."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data not in texts:
            continue
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url, urlencode({"value": texts[segment.string.data]}), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201), response.content[:500]


def publish_translation(client, translation):
    target = translation.get_target_instance()
    # wagtail-localize publishes on transaction commit, which never comes inside a test's transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302, response.content[:500]
    return Page.objects.get(pk=target.pk).specific


def outdated_report(client):
    response = client.get(reverse("editorial:outdated_translations"))
    assert response.status_code == 200
    return response.content.decode()


def sync_url(translation):
    return reverse("wagtail_localize:update_translations", args=[translation.source_id])


@pytest.mark.django_db
def test_translate_publish_outdated_and_sync(client, users, german_page):
    fr_alias = german_page.get_translation(locale("fr"))
    assert fr_alias.alias_of_id == german_page.pk  # untranslated: an alias showing German

    # 1. The German editor starts the French translation.
    client.force_login(users.editor)
    translation = submit_translation(client, german_page, "fr")
    target = translation.get_target_instance()
    assert target.pk == fr_alias.pk and target.alias_of_id is None  # the alias became the translation

    # 2. The French translator opens the translation editor, translates every string and publishes.
    client.force_login(users.fr)
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert editor_page.status_code == 200
    assert b"translation-editor" in editor_page.content  # wagtail-localize's editor, not the page form
    translate_strings(client, translation, FRENCH)
    french = publish_translation(client, translation)
    assert french.live and french.title == "Contact" and not french.has_unpublished_changes

    # 3. Visitors see French under /fr/, German under /de/ is unchanged.
    response = client.get(french.url)
    assert response.status_code == 200
    assert "Écrivez-nous un courriel." in response.content.decode()
    german = client.get(german_page.url).content.decode()
    assert "Schreiben Sie uns eine E-Mail." in german and "Écrivez-nous" not in german
    german_page.refresh_from_db()
    assert german_page.title == "Kontakt"

    # Nothing is out of date yet.
    assert sync_url(translation) not in outdated_report(client)

    # 4. The German editor changes and publishes the source.
    source_page = german_page.specific
    source_page.summary = "So erreichen Sie unser Team."
    source_page.save_revision(user=users.editor).publish()

    # The French translator sees the French translation in the report; the Arabic translator does not.
    report = outdated_report(client)
    assert sync_url(translation) in report
    assert reverse("wagtailadmin_pages:edit", args=[french.pk]) in report
    client.force_login(users.ar)
    assert sync_url(translation) not in outdated_report(client)

    # 5. Syncing brings the new German text into the translation; while it is untranslated (visitors
    # read it in German) the translation stays listed; translated and published, the report is clear.
    client.force_login(users.fr)
    response = client.post(reverse("wagtail_localize:update_translations", args=[translation.source_id]), {})
    assert response.status_code == 302
    assert StringSegment.objects.filter(source=translation.source, string__data="So erreichen Sie unser Team.").exists()
    assert sync_url(translation) in outdated_report(client)
    translate_strings(client, translation, {"So erreichen Sie unser Team.": "Comment joindre notre équipe."})
    publish_translation(client, translation)
    assert sync_url(translation) not in outdated_report(client)


@pytest.mark.django_db
def test_po_export_and_import_round_trip(client, users, german_page):
    client.force_login(users.editor)
    translation = submit_translation(client, german_page, "fr")

    # An outside translator gets the PO file from the French translator …
    client.force_login(users.fr)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in po} >= set(FRENCH)

    # … fills it in and sends it back.
    for entry in po:
        entry.msgstr = FRENCH.get(entry.msgid, "")
    upload = SimpleUploadedFile("kontakt-fr.po", str(po).encode(), content_type="text/x-gettext-translation")
    target = translation.get_target_instance()
    next_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]) + "?" + urlencode({"next": next_url}),
        {"file": upload},
    )
    assert response.status_code == 302 and response["Location"] == next_url

    imported = dict(
        StringTranslation.objects.filter(
            locale=locale("fr"), context__object_id=german_page.translation_key
        ).values_list("translation_of__data", "data")
    )
    assert imported == FRENCH

    # Exporting again gives back what was imported.
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    again = polib.pofile(download.content.decode())
    assert {entry.msgid: entry.msgstr for entry in again if entry.msgstr} == FRENCH

    french = publish_translation(client, translation)
    assert client.get(french.url).content.decode().count("Écrivez-nous un courriel.") == 1
