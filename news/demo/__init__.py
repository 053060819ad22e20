"""Demo news ("Aktuelles"), in the shape of the demo loader's PAGES (cms/demo/content_de.py): German
source texts with a key, a parent key and the page's fields; the translations are in locale/*.po
(msgid = the German segment, as in cms/demo/locale/).

Every item is a public fact from the content brief, with its source beside it. Where the sources give
a year only, the date is the 1st of January of that year with ``date_precision`` "year", and the site
shows the year only.
"""

import datetime
from pathlib import Path

from cms.demo import PageRef
from programmes.demo import Place

PO_DIR = Path(__file__).resolve().parent / "locale"

SKEW_SITE = "Website der SKEW (Servicestelle Kommunen in der Einen Welt)"
GIZ_PHASE_1 = "giz.de, Projekt 38368 (Laufzeit 2016–2019)"
GIZ_PHASE_2 = "giz.de, Projekt 92092 (Laufzeit 2020–2024)"
SEED_SOURCE = "Ankündigung des Vorhabens „Kommunale Zusammenarbeit Maghreb-Deutschland“"
MAGHREB = [Place("DZ"), Place("MA"), Place("TN")]

PAGES = [
    {
        "key": "news",
        "type": "news.NewsIndexPage",
        "parent": "home",
        "slug": "aktuelles",
        "title": "Aktuelles",
        "show_in_menus": True,
        "fields": {
            "intro": "Meldungen aus dem Vorhaben, von der Auftaktkonferenz 2016 bis heute. Jede Meldung nennt "
            "ihre Quellen.",
        },
    },
    {
        "key": "news-kick-off",
        "type": "news.NewsItemPage",
        "parent": "news",
        "slug": "auftaktkonferenz-bamberg-2016",
        "title": "Auftaktkonferenz in Bamberg",
        "fields": {
            "date": datetime.date(2016, 9, 4),
            "date_precision": "day",
            "summary": "Vom 4. bis 6. September 2016 fand in Bamberg die Auftaktkonferenz des Vorhabens statt, "
            "das damals „Kommunaler Wissenstransfer Maghreb-Deutschland“ hieß.",
            "body": [
                (
                    "rich_text",
                    "<p>Mit einer Konferenz in Bamberg vom 4. bis 6. September 2016 begann die Zusammenarbeit "
                    "deutscher Kommunen mit Städten in Algerien, Marokko und Tunesien.</p>"
                    "<p>Die GIZ gibt für diese erste Phase die Jahre 2016 bis 2019 an.</p>",
                ),
            ],
            "countries": MAGHREB,
            "related_programme": PageRef("programme"),
            "sources": f"{SKEW_SITE}: Auftaktkonferenz in Bamberg, 4.–6. September 2016\n{GIZ_PHASE_1}",
        },
    },
    {
        "key": "news-renamed",
        "type": "news.NewsItemPage",
        "parent": "news",
        "slug": "neuer-name-2019",
        "title": "Aus dem Wissenstransfer wird die Kommunale Zusammenarbeit",
        "fields": {
            "date": datetime.date(2019, 1, 1),
            "date_precision": "year",
            "summary": "2019 wurde das Vorhaben „Kommunaler Wissenstransfer Maghreb-Deutschland“ (KWT) in "
            "„Kommunale Zusammenarbeit Maghreb-Deutschland“ umbenannt.",
            "body": [
                (
                    "rich_text",
                    "<p>Unter seinem ersten Namen „Kommunaler Wissenstransfer Maghreb-Deutschland“ brachte das "
                    "Vorhaben deutsche Kommunen mit Städten im Maghreb zusammen. Seit 2019 heißt es „Kommunale "
                    "Zusammenarbeit Maghreb-Deutschland“.</p>",
                ),
            ],
            "countries": MAGHREB,
            "related_programme": PageRef("programme"),
            "sources": f"{SKEW_SITE}: Umbenennung 2019 (nur das Jahr angegeben)",
        },
    },
    {
        "key": "news-phase-2",
        "type": "news.NewsItemPage",
        "parent": "news",
        "slug": "zweite-phase-schwerpunkt-algerien",
        "title": "Zweite Phase mit Schwerpunkt Algerien",
        "fields": {
            "date": datetime.date(2020, 1, 1),
            "date_precision": "year",
            "summary": "In der zweiten Phase, die die GIZ mit 2020 bis 2024 angibt, liegt der Schwerpunkt auf "
            "Projektpartnerschaften mit Städten in Algerien.",
            "body": [
                (
                    "rich_text",
                    "<p>In der zweiten Phase des Vorhabens liegt der Schwerpunkt auf Projektpartnerschaften mit "
                    "Städten in Algerien. Städte, Landkreise, Gemeinden und kommunale Unternehmen können sich "
                    "beteiligen – auch ohne bisherige Kontakte nach Algerien.</p>",
                ),
            ],
            "countries": [Place("DZ")],
            "related_programme": PageRef("programme"),
            "related_call": PageRef("call"),
            "sources": f"{GIZ_PHASE_2}\n{SEED_SOURCE}",
        },
    },
    {
        "key": "news-north-africa",
        "type": "news.NewsItemPage",
        "parent": "news",
        "slug": "kommunale-zusammenarbeit-nordafrika-2024",
        "title": "Fortführung als Kommunale Zusammenarbeit Nordafrika",
        "fields": {
            "date": datetime.date(2024, 1, 1),
            "date_precision": "year",
            "summary": "Seit 2024 wird das Vorhaben als „Kommunale Zusammenarbeit Nordafrika“ fortgeführt.",
            "body": [
                (
                    "rich_text",
                    "<p>Nach der zweiten Phase mit Schwerpunkt Algerien wird das Vorhaben seit 2024 unter dem Namen "
                    "„Kommunale Zusammenarbeit Nordafrika“ fortgeführt.</p>",
                ),
            ],
            "countries": MAGHREB,
            "related_programme": PageRef("programme"),
            "sources": f"{SKEW_SITE}: Fortführung als „Kommunale Zusammenarbeit Nordafrika“ seit 2024 (nur das "
            "Jahr angegeben)",
        },
    },
]
