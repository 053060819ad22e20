# ruff: noqa: E501 - sentences in four languages read better unbroken
"""A small four-language corpus and the fixed query set measured on it (10 queries per language).

Each query names the page it must find. ``python -m pytest search/tests/test_languages.py -s``
prints hits out of total per language for the database in use.
"""

from wagtail.models import Locale

from programmes.factories import (
    CallForParticipationPageFactory,
    CountryFactory,
    EventPageFactory,
    PartnershipFactory,
    TopicPageFactory,
    translate_page,
)

# key: (factory, {language: (title, summary)})
PAGES = {
    "waste": (
        TopicPageFactory,
        {
            "de": (
                "Abfallmanagement",
                "Kommunen verbessern die Sammlung und Verwertung von Siedlungsabfällen und bauen Recyclinghöfe auf.",
            ),
            "fr": (
                "Gestion des déchets",
                "Les communes améliorent la collecte et la valorisation des déchets ménagers et créent des déchetteries.",
            ),
            "ar-dz": ("إدارة النفايات", "تحسن البلديات جمع النفايات المنزلية وتدويرها وتنشئ مراكز لإعادة التدوير."),
            "en": (
                "Waste management",
                "Municipalities improve the collection and recycling of household waste and set up recycling centres.",
            ),
        },
    ),
    "water": (
        TopicPageFactory,
        {
            "de": (
                "Wasserversorgung und Abwasser",
                "Städte sichern die Trinkwasserversorgung und modernisieren Kläranlagen.",
            ),
            "fr": (
                "Eau potable et assainissement",
                "Les villes sécurisent l'approvisionnement en eau potable et modernisent les stations d'épuration.",
            ),
            "ar-dz": ("المياه والصرف الصحي", "تؤمن المدن التزود بمياه الشرب وتحدث محطات معالجة المياه المستعملة."),
            "en": (
                "Water supply and sanitation",
                "Cities secure drinking water supply and modernise wastewater treatment plants.",
            ),
        },
    ),
    "climate": (
        CallForParticipationPageFactory,
        {
            "de": (
                "Aufruf zur Teilnahme: Klimaanpassung in Kommunen",
                "Gesucht werden Gemeinden, die sich an die Folgen des Klimawandels anpassen wollen.",
            ),
            "fr": (
                "Appel à participation : adaptation au climat",
                "Nous recherchons des communes qui souhaitent s'adapter aux effets du changement climatique.",
            ),
            "ar-dz": ("دعوة للمشاركة: التكيف مع تغير المناخ", "نبحث عن بلديات ترغب في التكيف مع آثار تغير المناخ."),
            "en": (
                "Call for participation: climate adaptation",
                "We are looking for municipalities that want to adapt to the effects of climate change.",
            ),
        },
    ),
    "participation": (
        EventPageFactory,
        {
            "de": (
                "Fachkonferenz Bürgerbeteiligung",
                "Zwei Tage Austausch über die Beteiligung von Bürgerinnen und Bürgern an kommunalen Entscheidungen.",
            ),
            "fr": (
                "Conférence sur la participation citoyenne",
                "Deux jours d'échanges sur la participation des citoyennes et citoyens aux décisions locales.",
            ),
            "ar-dz": (
                "مؤتمر حول المشاركة المواطنة",
                "يومان لتبادل الخبرات حول مشاركة المواطنات والمواطنين في القرارات المحلية.",
            ),
            "en": (
                "Conference on citizen participation",
                "Two days of exchange on involving citizens in local decisions.",
            ),
        },
    ),
    "energy": (
        TopicPageFactory,
        {
            "de": (
                "Erneuerbare Energien und Energieeffizienz",
                "Kommunen senken ihren Energieverbrauch mit Solaranlagen und effizienter Straßenbeleuchtung.",
            ),
            "fr": (
                "Énergies renouvelables et efficacité énergétique",
                "Les communes réduisent leur consommation d'énergie grâce aux installations solaires "
                "et à un éclairage public efficace.",
            ),
            "ar-dz": (
                "الطاقات المتجددة والنجاعة الطاقية",
                "تخفض البلديات استهلاكها للطاقة بفضل الألواح الشمسية والإنارة العمومية الفعالة.",
            ),
            "en": (
                "Renewable energy and energy efficiency",
                "Municipalities cut their energy consumption with solar installations and efficient street lighting.",
            ),
        },
    ),
    "digital": (
        TopicPageFactory,
        {
            "de": ("Digitale Verwaltung", "Rathäuser bieten Bürgerdienste online an und digitalisieren ihre Register."),
            "fr": (
                "Administration numérique",
                "Les mairies proposent des services en ligne et numérisent leurs registres.",
            ),
            "ar-dz": ("الإدارة الرقمية", "تقدم البلديات خدماتها للمواطنين عبر الإنترنت وترقمن سجلاتها."),
            "en": ("Digital administration", "Town halls offer services online and digitise their registers."),
        },
    ),
}

# language: [(query, key of the page it must find)]; inflected forms, compounds, prefixes, no accents.
QUERIES = {
    "de": [
        ("Abfall", "waste"),
        ("Abfälle", "waste"),
        ("Recyclinghof", "waste"),
        ("Kläranlage", "water"),
        ("Trinkwasser", "water"),
        ("Klimawandel", "climate"),
        ("Gemeinde", "climate"),
        ("Beteiligung", "participation"),
        ("Solaranlage", "energy"),
        ("Rathaus digitalisieren", "digital"),
    ],
    "fr": [
        ("déchets", "waste"),
        ("déchet", "waste"),
        ("dechets menagers", "waste"),
        ("eau potable", "water"),
        ("épuration", "water"),
        ("climatique", "climate"),
        ("citoyens", "participation"),
        ("énergie solaire", "energy"),
        ("mairie", "digital"),
        ("numériser registre", "digital"),
    ],
    "ar-dz": [
        ("النفايات", "waste"),
        ("نفايات", "waste"),
        ("للنفايات", "waste"),
        ("المياه", "water"),
        ("الشرب", "water"),
        ("المناخ", "climate"),
        ("للمشاركة", "participation"),
        ("المواطنين", "participation"),
        ("الطاقة الشمسية", "energy"),
        ("سجلات", "digital"),
        ("النفايات في البلديات", "waste"),  # a stop word between two words
    ],
    "en": [
        ("waste", "waste"),
        ("recycled", "waste"),
        ("wastewater", "water"),
        ("drinking water", "water"),
        ("climate", "climate"),
        ("adapting", "climate"),
        ("citizen", "participation"),
        ("solar", "energy"),
        ("energies", "energy"),
        ("digitising registers", "digital"),
    ],
}


def build_corpus():
    """The six pages in German, translated and published in fr, ar-dz and en. Returns {key: {lang: page}}."""
    pages = {}
    for key, (factory, texts) in PAGES.items():
        title, summary = texts["de"]
        source = factory(title=title, summary=summary)
        pages[key] = {"de": source}
        for language in ("fr", "ar-dz", "en"):
            title, summary = texts[language]
            pages[key][language] = translate_page(source, language, title=title, summary=summary)
    return pages


# Partnerships (snippets, a row per language): key → (country, {language: (German partner, partner in the
# Maghreb, focus)}). Partner names are proper names, written in Arabic script on the Arabic rows.
PARTNERSHIPS = {
    "bamberg": (
        "DZ",
        {
            "de": ("Bamberg", "Tlemcen", "Sanierung der historischen Altstadt"),
            "fr": ("Bamberg", "Tlemcen", "Réhabilitation de la vieille ville historique"),
            "ar-dz": ("بامبرغ", "تلمسان", "ترميم المدينة القديمة التاريخية"),
            "en": ("Bamberg", "Tlemcen", "Restoring the historic old town"),
        },
    ),
    "wolfsburg": (
        "TN",
        {
            "de": ("Wolfsburg", "Jendouba", "Grünflächen und Stadtbäume"),
            "fr": ("Wolfsburg", "Jendouba", "Espaces verts et arbres urbains"),
            "ar-dz": ("فولفسبورغ", "جندوبة", "المساحات الخضراء وأشجار المدينة"),
            "en": ("Wolfsburg", "Jendouba", "Green spaces and street trees"),
        },
    ),
    "sindelfingen": (
        "DZ",
        {
            "de": ("Sindelfingen", "Annaba", "Geoinformationssysteme für die Stadtentwicklung"),
            "fr": ("Sindelfingen", "Annaba", "Systèmes d'information géographique pour le développement urbain"),
            "ar-dz": ("زيندلفينغن", "عنابة", "نظم المعلومات الجغرافية للتنمية الحضرية"),
            "en": ("Sindelfingen", "Annaba", "Geographic information systems for urban development"),
        },
    ),
}

# language: [(query, key of the partnership it must find)]
PARTNERSHIP_QUERIES = {
    "de": [
        ("Tlemcen", "bamberg"),
        ("Altstadt", "bamberg"),
        ("Grünfläche", "wolfsburg"),
        ("Stadtentwicklung", "sindelfingen"),
    ],
    "fr": [
        ("Tlemcen", "bamberg"),
        ("vieille ville", "bamberg"),
        ("espace vert", "wolfsburg"),
        ("développement urbain", "sindelfingen"),
    ],
    "ar-dz": [
        ("تلمسان", "bamberg"),
        ("المدينة القديمة", "bamberg"),
        ("الخضراء", "wolfsburg"),
        ("بعنابة", "sindelfingen"),
    ],
    "en": [
        ("Tlemcen", "bamberg"),
        ("old towns", "bamberg"),
        ("green space", "wolfsburg"),
        ("developing", "sindelfingen"),
    ],
}


def build_partnerships():
    """The partnerships in German with a row in fr, ar-dz and en each. Returns {key: {lang: partnership}}."""
    partnerships = {}
    for key, (country, texts) in PARTNERSHIPS.items():
        german, maghreb, focus = texts["de"]
        source = PartnershipFactory(
            german_partner=german, maghreb_partner=maghreb, focus=focus, country=CountryFactory(code=country)
        )
        partnerships[key] = {"de": source}
        for language in ("fr", "ar-dz", "en"):
            german, maghreb, focus = texts[language]
            translation = source.copy_for_translation(Locale.objects.get(language_code=language))
            translation.german_partner, translation.maghreb_partner, translation.focus = german, maghreb, focus
            translation.save()
            partnerships[key][language] = translation
    return partnerships
