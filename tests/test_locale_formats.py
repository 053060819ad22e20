"""Dates, times and numbers in each language's form, rendered through the template tags.

A fixed moment: 2021-03-23 09:00 UTC is 10:00 in Berlin (CET, winter time) and in Algiers.
"""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import formats, translation

START = datetime.datetime(2021, 3, 23, 9, 0, tzinfo=datetime.UTC)
END = START + datetime.timedelta(hours=2, minutes=30)
EASTERN_ARABIC_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load date_tags %}" + source).render(Context(context)).strip()


RANGE = "{% zoned_range start end zone %}"
MOMENT = "{% zoned_datetime start zone %}"
DAY = "{% date_range day %}"

EXPECTED = {
    "de": {
        RANGE: "23. März 2021, 10:00–12:30 Uhr (MEZ)",
        MOMENT: "23. März 2021, 10:00 Uhr (MEZ)",
        DAY: "5. Januar 2021",
    },
    "fr": {
        RANGE: "23 mars 2021, de 10:00 à 12:30 (HNEC)",
        MOMENT: "23 mars 2021 à 10:00 (HNEC)",
        DAY: "5 janvier 2021",
    },
    "ar-dz": {
        RANGE: "23 مارس 2021، 10:00–12:30 (توقيت وسط أوروبا)",
        MOMENT: "23 مارس 2021، 10:00 (توقيت وسط أوروبا)",
        DAY: "5 جانفي 2021",
    },
    "en": {
        RANGE: "23 March 2021, 10:00–12:30 (CET)",
        MOMENT: "23 March 2021, 10:00 (CET)",
        DAY: "5 January 2021",
    },
}


@pytest.mark.parametrize(("language", "tag"), [(language, tag) for language, tags in EXPECTED.items() for tag in tags])
def test_exact_forms(language, tag):
    context = {"start": START, "end": END, "zone": "Europe/Berlin", "day": datetime.date(2021, 1, 5)}
    assert render(tag, language, **context) == EXPECTED[language][tag]


def test_german_exactly_as_the_issue_says():
    assert render(RANGE, "de", start=START, end=END, zone="Europe/Berlin") == "23. März 2021, 10:00–12:30 Uhr (MEZ)"


def test_french_month_in_lower_case():
    assert render("{% date_range day %}", "fr", day=datetime.date(2021, 3, 23)) == "23 mars 2021"


def test_algerian_arabic_month_names_and_western_digits():
    months = [render("{% date_range day %}", "ar-dz", day=datetime.date(2021, month, 1)) for month in range(1, 13)]
    assert months[0] == "1 جانفي 2021"
    assert months[1] == "1 فيفري 2021"
    assert months[2] == "1 مارس 2021"
    assert months[6] == "1 جويليه 2021"
    assert months[7] == "1 أوت 2021"
    for text in months:
        assert not EASTERN_ARABIC_DIGITS.search(text), text
    with translation.override("ar-dz"):
        number = formats.number_format(12345.5, 1, force_grouping=True)
    assert not EASTERN_ARABIC_DIGITS.search(number)
    assert re.fullmatch(r"12[.,]?345,5", number)


def test_algiers_time_in_arabic():
    text = render(MOMENT, "ar-dz", start=START, zone="Africa/Algiers")
    assert text == "23 مارس 2021، 10:00 (توقيت وسط أوروبا)"


def test_utc_offset_isolated_in_arabic_only():
    # Casablanca is on UTC+1 all year; its label has no translation and is Latin script.
    arabic = render(RANGE, "ar-dz", start=START, end=END, zone="Africa/Casablanca")
    assert arabic == "23 مارس 2021، 10:00–12:30 (<bdi>UTC+1</bdi>)"
    assert render(RANGE, "fr", start=START, end=END, zone="Africa/Casablanca") == (
        "23 mars 2021, de 10:00 à 12:30 (UTC+1)"
    )


def test_all_day_and_multi_day():
    assert render("{% zoned_range start end zone True %}", "de", start=START, end=END, zone="Europe/Berlin") == (
        "23. März 2021"
    )
    later = START + datetime.timedelta(days=1)
    assert render(RANGE, "de", start=START, end=later, zone="Europe/Berlin") == (
        "23. März 2021, 10:00 Uhr – 24. März 2021, 10:00 Uhr (MEZ)"
    )
