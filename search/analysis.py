"""Per-language text analysis shared by indexing and querying, on SQLite and PostgreSQL alike.

The database backends get text that is already analysed: each word lower-cased, stemmed with the
stemmer of the language the text is written in, and stripped of accents. The database then only
matches tokens ('simple' configuration on PostgreSQL, the unicode61 tokenizer on SQLite FTS5), so
both databases find the same pages. Queries are analysed with the same functions; each query word
becomes a set of variants (one per candidate language), matched as prefixes so that a German word
also finds the compounds it begins (Abfall → Abfallmanagement).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Language codes of the site (Django's) → Snowball algorithm. Arabic uses the light stemmer below:
# Snowball's Arabic stemmer is too aggressive for short queries (النفايات → نفا, نفايات → نفايا).
SNOWBALL = {"de": "german", "fr": "french", "en": "english"}
ARABIC = "ar"

# Combining marks (Arabic harakat, decomposed Latin accents) are not \w: without them in the class,
# a vowelled word such as المُشَارَكَة would split into fragments.
COMBINING = "\u0300-\u036f\u064b-\u0652\u0670"
WORD_RE = re.compile(rf"[\w{COMBINING}]+", re.UNICODE)
# Prefix matching only for stems long enough not to match half the index.
MIN_PREFIX_LENGTH = 4
MAX_QUERY_TERMS = 12

# Short lists: words that would make an AND query fail for no good reason.
STOPWORDS = {
    "de": set(
        "der die das den dem des ein eine einer eines einem einen und oder in im am an auf aus bei "
        "mit von vom zu zum zur für über unter als auch ist sind wie was wer nicht".split()
    ),
    "fr": set(
        "le la les l un une des du de d et ou en au aux à a pour par sur dans avec ce ces est sont "
        "qui que quoi ne pas se sa son ses leur leurs".split()
    ),
    "en": set("the a an and or of to in on at for by with from is are be as it its this that not".split()),
    "ar": set("في من على إلى الى عن مع أو او و ثم هذا هذه ذلك التي الذي".split()),
}

ARABIC_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alif, tatweel
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")
# Bidi controls and zero-width characters: invisible, but they split or glue words.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def base_language(language_code):
    """'ar-dz' → 'ar', 'de-at' → 'de'; None stays None."""
    return (language_code or "").split("-")[0].lower() or None


def normalise_arabic(word):
    word = ARABIC_DIACRITICS.sub("", word)
    return word.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}))


def strip_arabic_prefixes(word):
    """A normalised Arabic word without the conjunction و and the article forms (ال، وال، بال، لل …)."""
    if len(word) > 3 and word.startswith("و"):
        word = word[1:]
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) > 1:
            return word[len(prefix) :]
    return word


def arabic_light_stem(word):
    """Light stemming in the manner of Larkey's light10: conjunction, article, common suffixes."""
    word = strip_arabic_prefixes(normalise_arabic(word))
    for suffix in ARABIC_SUFFIXES:
        suffix = normalise_arabic(suffix)
        if len(word) > len(suffix) + 1 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def fold(word):
    """Lower-case and drop accents (é → e, ü → u); Arabic letters are only normalised."""
    word = normalise_arabic(word.lower())
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8)
def _snowball(algorithm):
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=50_000)
def stem(word, language):
    """The index form of one lower-cased word written in ``language`` (a base code: de, fr, ar, en)."""
    if language == ARABIC:
        return fold(arabic_light_stem(word))
    algorithm = SNOWBALL.get(language)
    if algorithm:
        word = _snowball(algorithm).stemWord(word)
    return fold(word)


def words(text):
    # NFC: a decomposed é is one letter again, as the stemmers expect.
    return WORD_RE.findall(unicodedata.normalize("NFC", INVISIBLE.sub("", text or "")).lower())


def analyse(text, language_code):
    """Text → space-separated index tokens, stemmed in the language the text is written in."""
    language = base_language(language_code)
    stopwords = STOPWORDS.get(language, ())
    return " ".join(stem(word, language) for word in words(text) if word not in stopwords)


ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def autocomplete_forms(word):
    """The index forms of one word for autocomplete: folded, not stemmed (the visitor is still typing).

    An Arabic word also gets its form without the article and conjunction, as the search analyser
    strips them: typing نفايات or مشارك then suggests النفايات and المشاركة.
    """
    folded = fold(word)
    if not ARABIC_LETTER.search(folded):
        return [folded]
    return list(dict.fromkeys([folded, strip_arabic_prefixes(folded)]))


def analyse_autocomplete(text):
    """Autocomplete matches what the visitor has typed so far, so words are only folded, not stemmed."""
    return " ".join(form for word in words(text) for form in autocomplete_forms(word))


def autocomplete_terms(query):
    """What the visitor has typed → list of variant sets (one per word), each matched as a prefix.

    An Arabic word tries its forms without the article and, as in search, without a leading ب، ك، ل
    or ف (للمشاركة, بمشاركة → مشاركة).
    """
    terms = []
    for word in words(query):
        variants = set(autocomplete_forms(word))
        folded = fold(word)
        if ARABIC_LETTER.search(folded) and len(folded) > 4 and folded[0] in "بكلف":
            variants.add(strip_arabic_prefixes(folded[1:]))
        if variants not in terms:
            terms.append(variants)
    return terms[:MAX_QUERY_TERMS]


def word_variants(word, languages):
    """The index forms a query word may have in documents written in any of ``languages``."""
    # A stop word of any language searched is left out of that language's index: requiring it would
    # make "مؤتمر عن المشاركة" miss the page titled so.
    if any(word in STOPWORDS.get(language, ()) for language in languages):
        return set()
    variants = set()
    for language in languages:
        variants.add(stem(word, language))
        # Arabic attaches prepositions (ب، ك، ل، ف) to words; the index keeps them (too many roots
        # begin with these letters), so a query word also tries its form without one.
        if language == ARABIC and len(word) > 4 and word[0] in "بكلف":
            variants.add(stem(word[1:], language))
    return {variant for variant in variants if variant}


def query_terms(query, languages):
    """A query → list of variant sets, one per word; a document must match each word in one variant.

    Operators and punctuation (quotes, *, %, AND/OR/NEAR) are treated as plain words or dropped:
    the query language the visitor sees has no syntax that could fail.
    """
    languages = [base_language(code) for code in languages]
    terms = []
    for word in words(query):
        variants = word_variants(word, languages)
        if variants and variants not in terms:
            terms.append(variants)
    return terms[:MAX_QUERY_TERMS]


def is_prefix(variant):
    return len(variant) >= MIN_PREFIX_LENGTH


def matched_term(word, language, terms):
    """The index of the query term one word of a document (in ``language``) matches, else None."""
    language = base_language(language)
    for token in words(word):
        token = stem(token, language)
        for index, variants in enumerate(terms):
            for variant in variants:
                if token == variant or (is_prefix(variant) and token.startswith(variant)):
                    return index
    return None


def matches(word, language, terms):
    """Whether one word of a document (in ``language``) matches any query term: for highlighting."""
    return matched_term(word, language, terms) is not None
