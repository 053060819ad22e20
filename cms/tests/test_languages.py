"""Language tags and writing direction: the one module every outlet takes them from."""

import pytest
from django.test import override_settings

from cms.languages import bcp47, default_language, direction, og_locale


@pytest.mark.parametrize(
    ("code", "tag"), [("de", "de"), ("fr", "fr"), ("en", "en"), ("ar-dz", "ar-DZ"), ("", "de"), (None, "de")]
)
def test_bcp47_tags_with_the_region_in_capitals_and_the_site_language_for_none(code, tag):
    assert bcp47(code) == tag


@pytest.mark.parametrize(("code", "expected"), [("ar-dz", "rtl"), ("de", "ltr"), ("fr", "ltr"), ("en", "ltr")])
def test_direction(code, expected):
    assert direction(code) == expected


def test_direction_of_a_language_django_does_not_know_is_left_to_right():
    assert direction("xx-yy") == "ltr"


def test_open_graph_locales_carry_a_territory():
    assert [og_locale(code) for code in ("de", "fr", "ar-dz", "en")] == ["de_DE", "fr_FR", "ar_DZ", "en_GB"]


def test_default_language_is_the_content_language_for_the_settings_code():
    # No database access: this test has none, so a query would fail it.
    assert default_language() == "de"
    with override_settings(LANGUAGE_CODE="de-at"):
        assert default_language() == "de"  # the variant Wagtail's content languages know
