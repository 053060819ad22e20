"""Which language version a visitor sees: the active language where a live version exists,
the German source otherwise; never a draft; always in a constant number of queries."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from cms.localization import active_locale, localize_all, prefer_active_locale
from programmes.factories import ApplicantTypeFactory, TopicPageFactory, publish_ancestors_in, translate_page
from programmes.models import ApplicantType, TopicPage


@pytest.fixture
def topics(site):
    """Three German topics: one translated to French, one translated only as a draft, one not at all."""
    translated, drafted, untranslated = (
        TopicPageFactory(title="Abfallmanagement"),
        TopicPageFactory(title="Energieeffizienz"),
        TopicPageFactory(title="Grünflächengestaltung"),
    )
    fr = translate_page(translated, "fr", title="Gestion des déchets")
    publish_ancestors_in(fr)
    translate_page(drafted, "fr", publish=False, title="Efficacité énergétique (brouillon)")
    return translated, drafted, untranslated


def live_topics():
    return TopicPage.objects.live().public()


class TestActiveLocale:
    def test_follows_active_language(self, site):
        with translation.override("fr"):
            assert active_locale().language_code == "fr"
        with translation.override("de"):
            assert active_locale().language_code == "de"

    def test_falls_back_to_default_when_locale_missing(self, db):
        # Only "de" exists in a fresh database.
        with translation.override("en"):
            assert active_locale() == Locale.get_default()


class TestPreferActiveLocale:
    def titles(self, locale_code):
        locale = Locale.objects.get(language_code=locale_code)
        return sorted(prefer_active_locale(live_topics(), locale).values_list("title", flat=True))

    def test_default_locale_shows_source_only(self, topics):
        assert self.titles("de") == ["Abfallmanagement", "Energieeffizienz", "Grünflächengestaltung"]

    def test_other_locale_prefers_translation_and_falls_back_to_source(self, topics):
        # The draft French translation does not replace its German source.
        assert self.titles("fr") == ["Energieeffizienz", "Gestion des déchets", "Grünflächengestaltung"]

    def test_locale_without_translations_shows_sources(self, topics):
        assert self.titles("en") == ["Abfallmanagement", "Energieeffizienz", "Grünflächengestaltung"]

    def test_uses_active_language_when_no_locale_given(self, topics):
        with translation.override("fr"):
            assert "Gestion des déchets" in prefer_active_locale(live_topics()).values_list("title", flat=True)

    def test_one_query_whatever_the_size(self, topics, django_assert_num_queries):
        fr = Locale.objects.get(language_code="fr")
        queryset = live_topics()  # .public() reads the view restrictions once, when it is built
        with django_assert_num_queries(2):  # the default locale + the listing (with a subquery)
            list(prefer_active_locale(queryset, fr))

    def test_snippets_too(self, site):
        staedte = ApplicantTypeFactory(name="Städte", code="staedte")
        villes = staedte.copy_for_translation(site.locales["fr"])
        villes.name = "Villes"
        villes.save()
        names = prefer_active_locale(ApplicantType.objects.all(), site.locales["fr"]).values_list("name", flat=True)
        assert list(names) == ["Villes"]


class TestLocalizeAll:
    def test_maps_to_live_translations_in_one_query(self, topics, django_assert_num_queries):
        fr = Locale.objects.get(language_code="fr")
        queryset = live_topics()
        with django_assert_num_queries(1):
            result = localize_all(topics, locale=fr, queryset=queryset)
        assert [t.title for t in result] == ["Gestion des déchets", "Energieeffizienz", "Grünflächengestaltung"]

    def test_a_draft_translation_never_replaces_the_live_source(self, topics):
        fr = Locale.objects.get(language_code="fr")
        titles = [t.title for t in localize_all(topics, locale=fr)]
        assert "Efficacité énergétique (brouillon)" not in titles
        titles = [t.title for t in localize_all(topics, locale=fr, queryset=live_topics())]
        assert "Efficacité énergétique (brouillon)" not in titles

    def test_keeps_order_and_objects_already_in_locale(self, topics, django_assert_num_queries):
        de = Locale.get_default()
        with django_assert_num_queries(0):
            assert localize_all(topics, locale=de) == list(topics)

    def test_empty_input(self, db, django_assert_num_queries):
        with django_assert_num_queries(0):
            assert localize_all([]) == []
