"""German demo content of the programmes app (the source language): the programme, its phases,
topics, calls, events and partnerships, and the snippets they refer to.

Every statement is taken from the programme's own announcement (the seed text, cited as
SEED_SOURCE) or from the public facts in the content brief, with the source named beside it.
Nothing here names people, street addresses or dates that the sources do not give.
Items whose title starts with "Beispiel:" are samples that show future states; their texts say so.

Rich text may link to a demo page with ``[[page:KEY]]`` in place of the page id.
"""

import datetime
import zoneinfo
from pathlib import Path

from cms.demo import FromNow, ImageRef, PageRef, SnippetRef
from programmes.demo import Place

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

SEED_SOURCE = "Ankündigung des Vorhabens „Kommunale Zusammenarbeit Maghreb-Deutschland“"
PARTNERSHIP_SOURCE = "Öffentliche Projektinformationen von SKEW und GIZ"
# Marks the operator details that must be filled in before the site goes live.
FILL = "Vor dem Livegang zu ergänzen:"

CONTACT_EMAIL = "skew.maghreb@engagement-global.de"
CONTACT_PHONE = "+49 228 20 717-1343"
CONTACT_LINE = f'<p>Kontakt SKEW: <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>, {CONTACT_PHONE}</p>'

# --- Images ------------------------------------------------------------------------------------
# Simple illustrations drawn for the demo (scripts/draw_demo_images.py; files in IMAGE_DIR).
# The description is the German alternative text; the other languages' texts are in the demo PO
# files (msgid = the description), as the pages' translations are.
IMAGE_DIR = Path(__file__).resolve().parent / "images"
IMAGES = [
    {
        "key": "town-hall",
        "file": "rathaus.png",
        "title": "Illustration Rathaus",
        "description": "Zeichnung eines weißen Rathauses mit Uhrturm und grünen Bogenfenstern unter blauem Himmel",
    },
    {
        "key": "waste-sorting",
        "file": "abfalltrennung.png",
        "title": "Illustration Abfalltrennung",
        "description": "Zeichnung von drei Mülltonnen in Blau, Gelb und Grün vor einer Reihe bunter Häuser",
    },
    {
        "key": "solar-roofs",
        "file": "solardaecher.png",
        "title": "Illustration Solardächer",
        "description": "Zeichnung von drei Häusern mit Solarmodulen auf den Dächern in der Sonne",
    },
    {
        "key": "park",
        "file": "park.png",
        "title": "Illustration Park",
        "description": "Zeichnung eines Parks mit Bäumen, einem Weg und einer Bank",
    },
    {
        "key": "partnership",
        "file": "partnerschaft.png",
        "title": "Illustration Partnerschaft",
        "description": "Zeichnung von zwei Städten an beiden Ufern eines Flusses, verbunden durch eine Brücke",
    },
]

# --- Paragraphs quoted from the seed ------------------------------------------------------------
SEED_INTRO = (
    "Die drei Maghreb-Staaten Algerien, Marokko und Tunesien gehören zu den Ländern mit dem größten "
    "Städtewachstum weltweit. Zunehmend gibt es in den überwiegend zentralistisch organisierten Staaten die "
    "Tendenz hin zu mehr Dezentralisierung, mehr Bürgernähe und mehr Qualität in den kommunalen "
    "Dienstleistungen und der kommunalen Verwaltung. Hier knüpft die Zusammenarbeit mit deutschen kommunalen "
    "Partnern an: Das Wissen und die Erfahrungen deutscher Kommunen und kommunaler Unternehmen können diese "
    "Entwicklungen im Rahmen von Projektpartnerschaften gezielt unterstützen. Seit 2017 beteiligen sich bereits "
    "einige deutsche Kommunen in Projektpartnerschaften mit Städten im Maghreb – werden Sie Teil dieses Netzwerks!"
)
SEED_ALGERIA = (
    "<p>In der zweiten Phase des Projektes Kommunale Zusammenarbeit Maghreb-Deutschland liegt der Schwerpunkt auf "
    "Projektpartnerschaften mit Städten in Algerien. Dort möchten Städte mit deutschen kommunalen Partnern an "
    'zahlreichen Themen arbeiten: <a linktype="page" id="[[page:topic-waste]]">Abfallmanagement</a>, '
    '<a linktype="page" id="[[page:topic-digital]]">Digitalisierung in der Verwaltung</a>, '
    '<a linktype="page" id="[[page:topic-energy]]">Energieeffizienz</a>, '
    '<a linktype="page" id="[[page:topic-green]]">Grünflächengestaltung</a>, '
    '<a linktype="page" id="[[page:topic-governance]]">gute lokale Regierungsführung</a> oder auch ganz aktuell '
    'zum Thema <a linktype="page" id="[[page:topic-crisis]]">Pandemie- und Krisenmanagement</a>. Durch eine '
    "Projektpartnerschaft haben Sie die Möglichkeit, internationales Engagement auszubauen, sich global zu "
    "vernetzen und andere kommunale Lösungsansätze kennenzulernen.</p>"
)
SEED_WHO = (
    "<p>Städte, Landkreise, Gemeinden und kommunale Unternehmen können sich beteiligen. Erwartet wird die "
    "Bereitschaft, sich aktiv im Rahmen der Projektpartnerschaft zu engagieren.</p>"
)
SEED_NEWCOMERS = (
    "<p>Kommunalakteure, die noch keine Kontakte zu Kommunen in Algerien haben, sind herzlich willkommen! Wir "
    "unterstützen Ihr Engagement durch fachliche und organisatorische Begleitung sowie durch Qualifizierungskurse, "
    "die Sie auf die Arbeit mit algerischen Städten vorbereiten.</p>"
)
SEED_COOPERATION = (
    "<p>Wir unterstützen Sie darin, das passende Projektthema auszuwählen und stellen den Kontakt zur "
    "Partnerkommune her. Wir finanzieren die Durchführung von gegenseitigen Beratungsbesuchen vor Ort oder "
    "virtuell und begleiten Sie bei der Zusammenarbeit.</p>"
)
SEED_ORGANISATIONS = (
    "<p>Das Vorhaben wird im Auftrag des Bundesministeriums für wirtschaftliche Zusammenarbeit und Entwicklung "
    "(BMZ) von der Deutschen Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH in Kooperation mit "
    "Engagement Global und ihrer Servicestelle Kommunen in der Einen Welt (SKEW) durchgeführt.</p>"
)
HISTORY = (
    "<p>Die erste Phase hieß „Kommunaler Wissenstransfer Maghreb-Deutschland“ (KWT); die GIZ gibt für sie die "
    "Jahre 2016 bis 2019 an (giz.de, Projekt 38368). 2019 wurde das Vorhaben in „Kommunale Zusammenarbeit "
    "Maghreb-Deutschland“ umbenannt (Website der SKEW). Die zweite Phase mit Schwerpunkt Algerien lief von 2020 "
    "bis 2024 (giz.de, Projekt 92092). Seit 2024 wird das Vorhaben als „Kommunale Zusammenarbeit Nordafrika“ "
    "fortgeführt (Website der SKEW).</p>"
)

# --- Snippets ----------------------------------------------------------------------------------
APPLICANT_TYPES = [
    {"key": "staedte", "name": "Städte"},
    {"key": "landkreise", "name": "Landkreise"},
    {"key": "gemeinden", "name": "Gemeinden"},
    {"key": "kommunale-unternehmen", "name": "kommunale Unternehmen"},
]

ORGANISATIONS = [
    {
        "key": "bmz",
        "name": "Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung",
        "short_name": "BMZ",
        "kind": "ministry",
        "country": Place("DE"),
        "website": "https://www.bmz.de",
        "description": "In seinem Auftrag wird das Vorhaben durchgeführt.",
    },
    {
        "key": "giz",
        "name": "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH",
        "short_name": "GIZ",
        "kind": "agency",
        "country": Place("DE"),
        "website": "https://www.giz.de",
        "description": "Führt das Vorhaben im Auftrag des BMZ durch.",
    },
    {
        "key": "engagement-global",
        "name": "Engagement Global",
        "short_name": "",
        "kind": "agency",
        "country": Place("DE"),
        "website": "https://www.engagement-global.de",
        "description": "Kooperationspartner der GIZ im Vorhaben, mit ihrer Servicestelle Kommunen in der Einen Welt.",
    },
    {
        "key": "skew",
        "name": "Servicestelle Kommunen in der Einen Welt",
        "short_name": "SKEW",
        "kind": "agency",
        "country": Place("DE"),
        "website": "https://skew.engagement-global.de",
        "description": "Servicestelle von Engagement Global; Ansprechpartnerin für deutsche Kommunen im Vorhaben.",
    },
]

CONTACT_POINTS = [
    {
        "key": "skew",
        "title": "Kontakt SKEW",
        "organisation": SnippetRef("organisation", "skew"),
        "email": CONTACT_EMAIL,
        "phone": CONTACT_PHONE,
    },
]

# Only the "Beispiel:" sample event has a venue; it names no real address.
VENUES = [
    {
        "key": "beispiel-ort",
        "name": "Beispiel: Veranstaltungsort (fiktiv)",
        "locality": "Beispielstadt",
        "country": Place("DE"),
    },
]

# Partnerships reported publicly (content brief, "Public facts"). Status "active" where the brief
# gives no status, "planned" only where it says so; phase 1 where the year is 2019 or earlier.
PARTNERSHIPS = [
    {
        "key": "sindelfingen-annaba",
        "german_partner": "Sindelfingen",
        "german_state": Place("DE-BW"),
        "maghreb_partner": "Annaba/Drâa Errich",
        "country": Place("DZ"),
        "region": Place("DZ-23"),
        "focus": "Geoinformationssystem (GIS) und Stadtentwicklung",
        "topics": [],
        "since": 2016,
        "status": "active",
        "phase": PageRef("phase-1"),
    },
    {
        "key": "bamberg-tlemcen",
        "german_partner": "Bamberg",
        "german_state": Place("DE-BY"),
        "maghreb_partner": "Tlemcen",
        "country": Place("DZ"),
        "region": Place("DZ-13"),
        "focus": "Sanierung der Altstadt",
        "topics": [],
        "since": None,
        "status": "planned",
        "phase": None,
    },
    {
        "key": "wolfsburg-jendouba",
        "german_partner": "Wolfsburg",
        "german_state": Place("DE-NI"),
        "maghreb_partner": "Jendouba",
        "country": Place("TN"),
        "region": Place("TN-32"),
        "focus": "Grünflächen",
        "topics": [PageRef("topic-green")],
        "since": None,
        "status": "active",
        "phase": None,
    },
    {
        "key": "fuerth-djerba-midoun",
        "german_partner": "Fürth",
        "german_state": Place("DE-BY"),
        "maghreb_partner": "Djerba Midoun",
        "country": Place("TN"),
        "region": Place("TN-82"),
        "focus": "Freilichttheater",
        "topics": [],
        "since": None,
        "status": "active",
        "phase": None,
    },
    {
        "key": "muenchen-kasserine",
        "german_partner": "München",
        "german_state": Place("DE-BY"),
        "maghreb_partner": "Kasserine",
        "country": Place("TN"),
        "region": Place("TN-42"),
        "focus": "",
        "topics": [],
        "since": 2017,
        "status": "active",
        "phase": PageRef("phase-1"),
    },
    {
        "key": "boeblingen-el-guettar",
        "german_partner": "Abfallwirtschaftsbetrieb Landkreis Böblingen",
        "german_state": Place("DE-BW"),
        "maghreb_partner": "El Guettar",
        "country": Place("TN"),
        "region": Place("TN-71"),
        "focus": "Abfallwirtschaft",
        "topics": [PageRef("topic-waste")],
        "since": 2016,
        "status": "active",
        "phase": PageRef("phase-1"),
    },
    {
        "key": "geestland-tozeur",
        "german_partner": "Geestland",
        "german_state": Place("DE-NI"),
        "maghreb_partner": "Tozeur",
        "country": Place("TN"),
        "region": Place("TN-72"),
        "focus": "",
        "topics": [],
        "since": 2018,
        "status": "active",
        "phase": PageRef("phase-1"),
    },
    {
        "key": "barsinghausen-tiznit",
        "german_partner": "Barsinghausen",
        "german_state": Place("DE-NI"),
        "maghreb_partner": "Tiznit",
        "country": Place("MA"),
        "region": Place("MA-TIZ"),
        "focus": "Beteiligung von Jugendlichen",
        "topics": [],
        "since": None,
        "status": "active",
        "phase": None,
    },
    {
        "key": "stralsund-meknes",
        "german_partner": "Stralsund",
        "german_state": Place("DE-MV"),
        "maghreb_partner": "Meknès",
        "country": Place("MA"),
        "region": Place("MA-MEK"),
        "focus": "Beschilderung der Medina",
        "topics": [],
        "since": 2019,
        "status": "active",
        "phase": PageRef("phase-1"),
    },
    {
        "key": "trier-chefchaouen",
        "german_partner": "Trier",
        "german_state": Place("DE-RP"),
        "maghreb_partner": "Chefchaouen/Tétouan",
        "country": Place("MA"),
        "region": Place("MA-CHE"),
        "focus": "",
        "topics": [],
        "since": None,
        "status": "active",
        "phase": None,
    },
]
for _partnership in PARTNERSHIPS:
    _partnership.setdefault("sources", PARTNERSHIP_SOURCE)

# --- Pages -------------------------------------------------------------------------------------
ALL_TOPICS = [
    PageRef(key)
    for key in ("topic-waste", "topic-digital", "topic-energy", "topic-green", "topic-governance", "topic-crisis")
]
ALL_APPLICANT_TYPES = [SnippetRef("applicant_type", item["key"]) for item in APPLICANT_TYPES]
SKEW_CONTACT = SnippetRef("contact_point", "skew")


def image_block(key):
    """An image block using the image's own alternative texts (empty strings, as the admin saves them:
    wagtail-localize leaves those out of the translation, but not missing values)."""
    return ("image", {"image": ImageRef(key), "alt_text": "", "decorative": False, "caption": "", "credit": ""})


def contact_block():
    return ("contact", {"contact": SKEW_CONTACT})


def topic_page(key, slug, title, summary, seed_words, image=None):
    """A topic page: the seed names each topic once, in the list of what Algerian cities want to work on."""
    page = {
        "key": key,
        "type": "programmes.TopicPage",
        "parent": "topics",
        "slug": slug,
        "title": title,
        "fields": {
            "summary": summary,
            "body": [
                (
                    "rich_text",
                    f"<p>„{seed_words}“ gehört zu den Themen, an denen Städte in Algerien mit deutschen kommunalen "
                    "Partnern arbeiten möchten. So nennt es die Ankündigung der zweiten Phase des Vorhabens "
                    '<a linktype="page" id="[[page:programme]]">Kommunale Zusammenarbeit Maghreb-Deutschland</a>, '
                    "deren Schwerpunkt auf Projektpartnerschaften mit Städten in Algerien liegt.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Projektpartnerschaften in Algerien",
                        "text": "Städte, Landkreise, Gemeinden und kommunale Unternehmen können sich beteiligen.",
                        "link_label": "Zum Aufruf",
                        "link": {"page": PageRef("call"), "url": ""},
                    },
                ),
            ],
        },
    }
    if image:
        page["fields"]["image"] = image
    return page


PAGES = [
    {
        "key": "programme",
        "type": "programmes.ProgrammePage",
        "parent": "home",
        "slug": "kommunale-zusammenarbeit-maghreb-deutschland",
        "title": "Kommunale Zusammenarbeit Maghreb-Deutschland",
        "show_in_menus": True,
        "fields": {
            "summary": "Das Vorhaben bringt deutsche Kommunen und kommunale Unternehmen in Projektpartnerschaften "
            "mit Städten in Algerien, Marokko und Tunesien zusammen. Es wird im Auftrag des BMZ von der GIZ in "
            "Kooperation mit Engagement Global und ihrer Servicestelle Kommunen in der Einen Welt (SKEW) "
            "durchgeführt.",
            "body": [
                ("rich_text", f"<p>{SEED_INTRO}</p>"),
                image_block("partnership"),
                ("heading", {"text": "Schwerpunkt Algerien", "level": "h2"}),
                ("rich_text", SEED_ALGERIA),
                ("heading", {"text": "Gestaltung der Zusammenarbeit", "level": "h2"}),
                ("rich_text", SEED_COOPERATION + SEED_ORGANISATIONS),
                (
                    "facts",
                    {
                        "title": "Auf einen Blick",
                        "facts": [
                            {
                                "value": "3",
                                "label": "Maghreb-Staaten: Algerien, Marokko und Tunesien",
                                "source": SEED_SOURCE,
                            },
                            {
                                "value": "2017",
                                "label": "seit diesem Jahr Projektpartnerschaften deutscher Kommunen im Maghreb",
                                "source": SEED_SOURCE,
                            },
                            {
                                "value": "6",
                                "label": "Themen, an denen Städte in Algerien arbeiten möchten",
                                "source": SEED_SOURCE,
                            },
                            {
                                "value": "2020–2024",
                                "label": "zweite Phase mit Schwerpunkt Algerien",
                                "source": "giz.de, Projekt 92092",
                            },
                        ],
                    },
                ),
                ("heading", {"text": "Geschichte des Vorhabens", "level": "h2"}),
                ("rich_text", HISTORY),
                (
                    "call_to_action",
                    {
                        "title": "Interessierte für kommunale Projektpartnerschaften in Algerien gesucht",
                        "text": "Wer kann sich beteiligen, was wird angeboten und was wird erwartet?",
                        "link_label": "Zum Aufruf",
                        "link": {"page": PageRef("call"), "url": ""},
                    },
                ),
                contact_block(),
            ],
            "countries": [Place("DZ"), Place("MA"), Place("TN")],
            "topics": ALL_TOPICS,
            "contact_point": SKEW_CONTACT,
            "organisation_roles": [
                (SnippetRef("organisation", "bmz"), "commissioned_by"),
                (SnippetRef("organisation", "giz"), "implemented_by"),
                (SnippetRef("organisation", "engagement-global"), "in_cooperation_with"),
                (SnippetRef("organisation", "skew"), "in_cooperation_with"),
            ],
        },
    },
    {
        "key": "phase-1",
        "type": "programmes.ProgrammePhasePage",
        "parent": "programme",
        "slug": "phase-1-kommunaler-wissenstransfer",
        "title": "Kommunaler Wissenstransfer Maghreb-Deutschland",
        "fields": {
            # The sources give years only; the first and last day of those years stand for them.
            "start_date": datetime.date(2016, 1, 1),
            "end_date": datetime.date(2019, 12, 31),
            "date_precision": "year",
            "focus_countries": [Place("DZ"), Place("MA"), Place("TN")],
            "summary": "Die erste Phase des Vorhabens hieß „Kommunaler Wissenstransfer Maghreb-Deutschland“. "
            "Seit 2017 beteiligen sich deutsche Kommunen in Projektpartnerschaften mit Städten im Maghreb.",
            "body": [
                (
                    "rich_text",
                    "<p>„Seit 2017 beteiligen sich bereits einige deutsche Kommunen in Projektpartnerschaften mit "
                    "Städten im Maghreb“, heißt es in der Ankündigung des Vorhabens. Die GIZ gibt für die erste Phase "
                    "die Jahre 2016 bis 2019 an.</p>"
                    "<p>Die Phase hieß „Kommunaler Wissenstransfer Maghreb-Deutschland“ (KWT). 2019 wurde das "
                    "Vorhaben in „Kommunale Zusammenarbeit Maghreb-Deutschland“ umbenannt (Website der SKEW).</p>"
                    '<p>Die <a linktype="page" id="[[page:partnerships]]">Partnerschaften</a> aus dieser Zeit '
                    "sind in der Übersicht dieser Phase zugeordnet.</p>",
                ),
            ],
            "sources": "giz.de, Projekt 38368 (Laufzeit 2016–2019; nur Jahre angegeben, hier als 1. Januar 2016 "
            "bis 31. Dezember 2019 erfasst)\n"
            "Website der SKEW (Umbenennung in „Kommunale Zusammenarbeit Maghreb-Deutschland“ 2019)\n" + SEED_SOURCE,
        },
    },
    {
        "key": "phase-2",
        "type": "programmes.ProgrammePhasePage",
        "parent": "programme",
        "slug": "phase-2-schwerpunkt-algerien",
        "title": "Schwerpunkt Algerien",
        "fields": {
            "start_date": datetime.date(2020, 1, 1),
            "end_date": datetime.date(2024, 12, 31),
            "date_precision": "year",
            "focus_countries": [Place("DZ")],
            "summary": "In der zweiten Phase des Vorhabens liegt der Schwerpunkt auf Projektpartnerschaften mit "
            "Städten in Algerien.",
            "body": [
                ("rich_text", SEED_ALGERIA),
                ("heading", {"text": "Wer kann sich beteiligen?", "level": "h2"}),
                ("rich_text", SEED_WHO + SEED_NEWCOMERS),
                (
                    "rich_text",
                    "<p>Die GIZ gibt für die zweite Phase die Jahre 2020 bis 2024 an. Seit 2024 wird das Vorhaben "
                    "als „Kommunale Zusammenarbeit Nordafrika“ fortgeführt (Website der SKEW).</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Interessierte für kommunale Projektpartnerschaften in Algerien gesucht",
                        "text": "Der Aufruf dieser Phase mit Angebot, Erwartungen und Kontakt.",
                        "link_label": "Zum Aufruf",
                        "link": {"page": PageRef("call"), "url": ""},
                    },
                ),
            ],
            "sources": "giz.de, Projekt 92092 (Laufzeit 2020–2024; nur Jahre angegeben, hier als 1. Januar 2020 "
            "bis 31. Dezember 2024 erfasst)\n"
            "Website der SKEW (Fortführung als „Kommunale Zusammenarbeit Nordafrika“ seit 2024)\n" + SEED_SOURCE,
        },
    },
    {
        "key": "topics",
        "type": "programmes.TopicIndexPage",
        "parent": "home",
        "slug": "themen",
        "title": "Themen",
        "show_in_menus": True,
        "fields": {
            "intro": "Städte in Algerien möchten mit deutschen kommunalen Partnern an zahlreichen Themen arbeiten. "
            "Durch eine Projektpartnerschaft können Kommunen andere kommunale Lösungsansätze kennenlernen.",
        },
    },
    topic_page(
        "topic-waste",
        "abfallmanagement",
        "Abfallmanagement",
        "Abfallmanagement ist eines der Themen, an denen Städte in Algerien mit deutschen kommunalen Partnern "
        "arbeiten möchten.",
        "Abfallmanagement",
        image=ImageRef("waste-sorting"),
    ),
    topic_page(
        "topic-digital",
        "digitalisierung-in-der-verwaltung",
        "Digitalisierung in der Verwaltung",
        "Digitalisierung in der Verwaltung ist eines der Themen, an denen Städte in Algerien mit deutschen "
        "kommunalen Partnern arbeiten möchten.",
        "Digitalisierung in der Verwaltung",
    ),
    topic_page(
        "topic-energy",
        "energieeffizienz",
        "Energieeffizienz",
        "Energieeffizienz ist eines der Themen, an denen Städte in Algerien mit deutschen kommunalen Partnern "
        "arbeiten möchten.",
        "Energieeffizienz",
        image=ImageRef("solar-roofs"),
    ),
    topic_page(
        "topic-green",
        "gruenflaechengestaltung",
        "Grünflächengestaltung",
        "Grünflächengestaltung ist eines der Themen, an denen Städte in Algerien mit deutschen kommunalen Partnern "
        "arbeiten möchten.",
        "Grünflächengestaltung",
        image=ImageRef("park"),
    ),
    topic_page(
        "topic-governance",
        "gute-lokale-regierungsfuehrung",
        "Gute lokale Regierungsführung",
        "Gute lokale Regierungsführung ist eines der Themen, an denen Städte in Algerien mit deutschen kommunalen "
        "Partnern arbeiten möchten.",
        "gute lokale Regierungsführung",
    ),
    topic_page(
        "topic-crisis",
        "pandemie-und-krisenmanagement",
        "Pandemie- und Krisenmanagement",
        "Pandemie- und Krisenmanagement nennt die Ankündigung des Vorhabens als ganz aktuelles Thema, an dem Städte "
        "in Algerien mit deutschen kommunalen Partnern arbeiten möchten.",
        "Pandemie- und Krisenmanagement",
    ),
    {
        "key": "calls",
        "type": "programmes.CallIndexPage",
        "parent": "home",
        "slug": "aufrufe",
        "title": "Aufrufe",
        "show_in_menus": True,
        "fields": {
            "intro": "Aufrufe zur Beteiligung an kommunalen Projektpartnerschaften: wer sich beteiligen kann, was "
            "angeboten und was erwartet wird.",
        },
    },
    {
        "key": "call",
        "type": "programmes.CallForParticipationPage",
        "parent": "calls",
        "slug": "projektpartnerschaften-algerien",
        "title": "Interessierte für kommunale Projektpartnerschaften in Algerien gesucht",
        "fields": {
            "summary": "Städte, Landkreise, Gemeinden und kommunale Unternehmen können sich an Projektpartnerschaften "
            "mit Städten in Algerien beteiligen. Kommunalakteure, die noch keine Kontakte zu Kommunen in Algerien "
            "haben, sind herzlich willkommen.",
            "eligible_types": ALL_APPLICANT_TYPES,
            "offer": "<ul>"
            "<li>Unterstützung bei der Auswahl des passenden Projektthemas</li>"
            "<li>Herstellung des Kontakts zur Partnerkommune</li>"
            "<li>Finanzierung gegenseitiger Beratungsbesuche, vor Ort oder virtuell</li>"
            "<li>fachliche und organisatorische Begleitung der Zusammenarbeit</li>"
            "<li>Qualifizierungskurse, die auf die Arbeit mit algerischen Städten vorbereiten</li>"
            "</ul>",
            "expectations": "<p>Erwartet wird die Bereitschaft, sich aktiv im Rahmen der Projektpartnerschaft zu "
            "engagieren.</p>"
            "<p>Kontakte zu Kommunen in Algerien sind nicht nötig: Kommunalakteure, die noch keine Kontakte haben, "
            "sind herzlich willkommen.</p>",
            "topics": ALL_TOPICS,
            "countries": [Place("DZ")],
            "phase": PageRef("phase-2"),
            "time_zone": "Europe/Berlin",
            "opening": None,
            "deadline": datetime.datetime(2024, 12, 31, 23, 59, tzinfo=BERLIN),
            "deadline_note": "Die Ankündigung nennt keine Frist. Angegeben ist das Ende der zweiten Phase des "
            "Vorhabens (giz.de, Projekt 92092).",
            "body": [
                ("heading", {"text": "Schwerpunkt Algerien", "level": "h2"}),
                ("rich_text", SEED_ALGERIA),
                ("heading", {"text": "Gestaltung der Zusammenarbeit", "level": "h2"}),
                ("rich_text", SEED_COOPERATION + SEED_ORGANISATIONS),
                image_block("town-hall"),
            ],
            "how_to_apply": "<p>Wir beraten Sie gerne. Zum Einstieg lud das Vorhaben zu einer "
            '<a linktype="page" id="[[page:event]]">Informationsveranstaltung am 23. März 2021</a> ein '
            "(online, mit Anmeldung).</p>"
            "<p>Interessierte wenden sich an Kontakt SKEW: "
            f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>, {CONTACT_PHONE}.</p>',
            "faq": [
                (
                    "question",
                    {
                        "question": "Wer kann sich beteiligen?",
                        "answer": SEED_WHO,
                    },
                ),
                (
                    "question",
                    {
                        "question": "Brauche ich Kontakte in Algerien?",
                        "answer": "<p>Nein. Kommunalakteure, die noch keine Kontakte zu Kommunen in Algerien haben, "
                        "sind herzlich willkommen. Das Vorhaben stellt den Kontakt zur Partnerkommune her und "
                        "bereitet mit Qualifizierungskursen auf die Arbeit mit algerischen Städten vor.</p>",
                    },
                ),
                (
                    "question",
                    {
                        "question": "Was wird finanziert?",
                        "answer": "<p>Finanziert wird die Durchführung von gegenseitigen Beratungsbesuchen, vor Ort "
                        "oder virtuell.</p>",
                    },
                ),
            ],
            "contact_point": SKEW_CONTACT,
        },
    },
    {
        "key": "call-sample",
        "type": "programmes.CallForParticipationPage",
        "parent": "calls",
        "slug": "beispiel-offener-aufruf",
        "title": "Beispiel: Offener Aufruf zu kommunalen Projektpartnerschaften",
        "fields": {
            "summary": "Dies ist ein Beispiel. Es zeigt, wie ein offener Aufruf mit Frist auf dieser Plattform "
            "erscheint; es gibt diesen Aufruf nicht.",
            "eligible_types": ALL_APPLICANT_TYPES,
            "offer": "<p>Beispieltext: Hier steht, was das Vorhaben anbietet.</p>",
            "expectations": "<p>Beispieltext: Hier steht, was von Teilnehmenden erwartet wird.</p>",
            # Tagged so that the open call shows up under a topic and a country, as a real one would.
            "topics": [PageRef("topic-waste")],
            "countries": [Place("MA")],
            "phase": None,
            "time_zone": "Europe/Berlin",
            "opening": None,
            "deadline": FromNow(days=90, time="23:59"),
            "deadline_note": "Beispiel: Die Frist wird beim Laden der Demo-Inhalte drei Monate in die Zukunft gelegt.",
            "body": [
                (
                    "rich_text",
                    "<p>Dies ist ein Beispiel für die Darstellung eines offenen Aufrufs. Er ist kein echtes "
                    "Angebot des Vorhabens. Den tatsächlichen Aufruf finden Sie unter "
                    '<a linktype="page" id="[[page:call]]">Interessierte für kommunale Projektpartnerschaften in '
                    "Algerien gesucht</a>.</p>",
                ),
            ],
            "how_to_apply": "<p>Beispieltext: Hier steht, wie man sich bewirbt.</p>",
            "faq": [],
            "contact_point": SKEW_CONTACT,
        },
    },
    {
        "key": "events",
        "type": "programmes.EventIndexPage",
        "parent": "home",
        "slug": "veranstaltungen",
        "title": "Veranstaltungen",
        "show_in_menus": True,
        "fields": {
            "intro": "Informationsveranstaltungen und Workshops des Vorhabens für interessierte Kommunen.",
        },
    },
    {
        "key": "event",
        "type": "programmes.EventPage",
        "parent": "events",
        "slug": "infoworkshop-projektpartnerschaften-algerien-2021",
        "title": "Informationsveranstaltung: Kommunale Projektpartnerschaften in Algerien",
        "fields": {
            "summary": "Ein Informationsworkshop für Interessierte an kommunalen Projektpartnerschaften mit Städten "
            "in Algerien, am 23. März 2021 von 10:00 bis 12:30 Uhr, online.",
            "time_zone": "Europe/Berlin",
            "start": datetime.datetime(2021, 3, 23, 10, 0, tzinfo=BERLIN),
            "end": datetime.datetime(2021, 3, 23, 12, 30, tzinfo=BERLIN),
            "all_day": False,
            "event_format": "online",
            "online_details": "Online-Veranstaltung mit Anmeldung. Die Zugangsdaten werden nach der Anmeldung "
            f"zugeschickt. Anmeldung und Fragen: Kontakt SKEW, {CONTACT_EMAIL}, {CONTACT_PHONE}.",
            "registration_url": "",
            "languages": ["de"],
            "organiser": None,
            "topics": ALL_TOPICS,
            "countries": [Place("DZ")],
            "related_call": PageRef("call"),
            "phase": PageRef("phase-2"),
            "body": [
                (
                    "rich_text",
                    "<p>Wir beraten Sie gerne und laden Sie zum Infoworkshop ein! Ein Informationsworkshop findet "
                    "am 23.03.2021 statt, 10–12:30 Uhr, online.</p>"
                    "<p>Er richtet sich an Interessierte für kommunale Projektpartnerschaften in Algerien: Städte, "
                    "Landkreise, Gemeinden und kommunale Unternehmen, auch ohne bisherige Kontakte zu Kommunen in "
                    'Algerien. Mehr zum <a linktype="page" id="[[page:call]]">Aufruf</a> und zum '
                    '<a linktype="page" id="[[page:programme]]">Vorhaben</a>.</p>',
                ),
                contact_block(),
            ],
        },
    },
    {
        "key": "event-sample-hybrid",
        "type": "programmes.EventPage",
        "parent": "events",
        "slug": "beispiel-hybride-veranstaltung",
        "title": "Beispiel: Hybrides Netzwerktreffen",
        "fields": {
            "summary": "Dies ist ein Beispiel. Es zeigt, wie eine bevorstehende Veranstaltung vor Ort und online "
            "erscheint; die Veranstaltung findet nicht statt.",
            "time_zone": "Europe/Berlin",
            "start": FromNow(days=42, time="10:00"),
            "end": FromNow(days=42, time="16:00"),
            "all_day": False,
            "event_format": "hybrid",
            "venue": SnippetRef("venue", "beispiel-ort"),
            "online_details": "Beispieltext: Hier steht, wie man online teilnimmt.",
            "registration_url": "",
            "languages": ["de", "fr"],
            "organiser": None,
            "topics": [],
            "countries": [],
            "related_call": None,
            "phase": None,
            "body": [
                (
                    "rich_text",
                    "<p>Dies ist ein Beispiel für eine hybride Veranstaltung. Ort, Datum und Programm sind "
                    "erfunden; die Veranstaltung findet nicht statt.</p>",
                ),
            ],
        },
    },
    {
        "key": "event-sample-online",
        "type": "programmes.EventPage",
        "parent": "events",
        "slug": "beispiel-online-sprechstunde",
        "title": "Beispiel: Online-Sprechstunde zu Projektpartnerschaften",
        "fields": {
            "summary": "Dies ist ein Beispiel. Es zeigt, wie eine bevorstehende Online-Veranstaltung erscheint; die "
            "Veranstaltung findet nicht statt.",
            "time_zone": "Europe/Berlin",
            "start": FromNow(days=70, time="14:00"),
            "end": FromNow(days=70, time="15:00"),
            "all_day": False,
            "event_format": "online",
            "venue": None,
            "online_details": "Beispieltext: Hier steht, wie man online teilnimmt.",
            "registration_url": "",
            "languages": ["de"],
            "organiser": None,
            "topics": [],
            "countries": [],
            "related_call": PageRef("call-sample"),
            "phase": None,
            "body": [
                (
                    "rich_text",
                    "<p>Dies ist ein Beispiel für eine Online-Veranstaltung. Datum und Inhalt sind erfunden; die "
                    "Veranstaltung findet nicht statt.</p>",
                ),
            ],
        },
    },
    {
        "key": "partnerships",
        "type": "programmes.PartnershipIndexPage",
        "parent": "home",
        "slug": "partnerschaften",
        "title": "Partnerschaften",
        "show_in_menus": True,
        "fields": {
            "intro": "Seit 2017 beteiligen sich deutsche Kommunen in Projektpartnerschaften mit Städten im Maghreb. "
            "Die Übersicht zeigt Partnerschaften, über die SKEW und GIZ öffentlich berichtet haben.",
        },
    },
]
