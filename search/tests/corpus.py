# ruff: noqa: E501 - sentences in four languages read better unbroken
"""A small four-language corpus and the fixed query set measured on it (10 queries per language).

Each query names the page it must find. ``python -m pytest search/tests/test_languages.py -s``
prints hits out of total per language for the database in use.
"""

from programmes.factories import CallForParticipationPageFactory, EventPageFactory, TopicPageFactory, translate_page

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
