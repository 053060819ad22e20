"""The German admin in a browser, without the English or odd labels of issue #14 ("Detours").

Signed in as an administrator with a German profile and as the French translator (German browser),
this visits the screens where the labels showed — dashboard, explorer, page editor with a running
workflow, history, reports, snippet lists, promoted search results, the Sprachen settings screens, and
the translation editor of a French translation — and reads the rendered DOM: visible text,
screen-reader-only text, ``aria-label``, ``title``, ``alt`` and ``placeholder`` attributes and the
document title.
"""

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from programmes.models import EventPage

from .test_editorial_flow import login, people  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

ENGLISH_OR_ODD = [
    re.compile(pattern)
    for pattern in (
        r"\bLocales?\b",
        r"\bTranslations\b",
        r" to \S+ translation\b",  # "Deutsch to Français translation"
        r"\bMore actions\b",
        r"\b(January|February|March|May|June|July|October|December)\b",  # the others are German too
        r"\bago\b",
        r"\bseconds?\b",
        r"\bquer(y|ies)\b",
        r"-Objekt",  # "seite-Objekt"
        r"\d+-\d+ of \d+",
        r"\bFair\b",
        r"\bUpdate\b",
        r"Kommentarbenachichtigungen",
    )
]

RENDERED_TEXT = """() => {
  const parts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent && !parent.closest("script, style, noscript")) parts.push(walker.currentNode.textContent);
  }
  const attributes = ["aria-label", "aria-description", "title", "alt", "placeholder"];
  for (const element of document.body.querySelectorAll(attributes.map((name) => `[${name}]`).join(","))) {
    for (const name of attributes) if (element.getAttribute(name)) parts.push(element.getAttribute(name));
  }
  return parts.join("\\n");
}"""


def english_leftovers(page):
    text = page.evaluate(RENDERED_TEXT)
    return sorted({match.group(0) for pattern in ENGLISH_OR_ODD for match in pattern.finditer(text)})


@pytest.fixture
def german_administrator(demo_site, django_user_model):
    user = django_user_model.objects.create_superuser("verwaltung", "verwaltung@example.org", "geheim-123")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return user


def test_german_admin_shows_no_listed_english_labels(demo_site, people, german_administrator, login):  # noqa: F811
    event = EventPage.objects.filter(locale__language_code="de", live=True).first()
    # A running workflow: the editor's status panel says since when ("vor 3 Sekunden").
    event.save_revision(user=people["editor"])
    event.get_workflow().start(event, people["editor"])
    # Strings translated "on 5 December 2026" by hand (the month pattern catches the editor's comments
    # wherever it renders them; their props are pinned in test_translation_dates.py), and searches for
    # the promoted results' list.
    StringTranslation.objects.filter(locale__language_code="fr").update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        updated_at=datetime(2026, 12, 5, 10, 0, tzinfo=UTC),
    )
    for term in ("partnerschaft", "tunis", "klimaschutz", "jugend"):
        Query.get(term).add_hit()
    explorer = Page.objects.get(pk=event.get_parent().pk)
    french_locale = Locale.objects.get(language_code="fr")

    found = {}
    # The French translator in wagtail-localize's (React) translation editor.
    german_home = Page.objects.get(depth=2, locale__language_code="de")
    french = Translation.objects.get(source__object_id=german_home.translation_key, target_locale__language_code="fr")
    editor_path = f"/admin/pages/{french.get_target_instance().pk}/edit/"
    translator = login("traductrice", editor_path)
    heading = translator.locator(".js-translation-editor h3").first
    expect(heading).to_have_text(re.compile(r"^Übersetzung von Deutsch nach Français$"))
    expect(translator.locator(".js-translation-editor .w-sr-only", has_text="Weitere Aktionen").first).to_be_attached()
    if leftovers := english_leftovers(translator):
        found[editor_path] = leftovers

    admin_screens = [
        "/admin/",
        f"/admin/pages/{explorer.pk}/",
        f"/admin/pages/{event.pk}/edit/",
        f"/admin/pages/{event.pk}/history/",
        "/admin/reports/workflow/",
        "/admin/reports/site-history/",
        "/admin/snippets/programmes/partnership/",
        "/admin/snippets/programmes/organisation/",
        "/admin/searchpicks/",
        # Einstellungen › Sprachen (wagtail-localize's locale admin)
        "/admin/locales/",
        "/admin/locales/new/",
        f"/admin/locales/edit/{french_locale.pk}/",
        f"/admin/locales/delete/{french_locale.pk}/",
    ]
    administrator = login("verwaltung", "/admin/account/")
    for path in admin_screens:
        response = administrator.goto(f"{demo_site.url}{path}")
        assert response.status == 200, path
        if leftovers := english_leftovers(administrator):
            found[path] = leftovers

    assert found == {}
