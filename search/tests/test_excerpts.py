"""Excerpts: the summary when it holds a matched word, else the best passage of the body, marked and escaped."""

import pytest
from wagtail.models import Locale

from programmes.factories import TopicPageFactory, translate_page
from search.query import highlight, query_terms
from search.text import body_texts

pytestmark = pytest.mark.django_db

FILLER = {
    "de": "Dieser Abschnitt beschreibt ausführlich, wie die Zusammenarbeit organisiert ist. " * 4,
    "fr": "Cette section décrit en détail comment la coopération est organisée. " * 4,
    "ar-dz": "يصف هذا القسم بالتفصيل كيف يتم تنظيم التعاون بين البلديات الشريكة. " * 4,
    "en": "This section describes in detail how the cooperation is organised. " * 4,
}
# language: (summary without the word, body sentence with it (rich text), query, the marked word as shown)
CASES = {
    "de": (
        "Eine kurze Einführung.",
        "<p>Die Stadt sammelt &lt;b&gt;Abfälle&lt;/b&gt; &amp; Wertstoffe in neuen Höfen.</p>",
        "Abfall",
        "<mark>Abfälle</mark>",
    ),
    "fr": (
        "Une courte introduction.",
        "<p>La ville trie les DÉCHETS &lt;b&gt;ménagers&lt;/b&gt; &amp; les recycle.</p>",
        "dechet",
        "<mark>DÉCHETS</mark>",
    ),
    "ar-dz": (
        "مقدمة قصيرة.",
        "<p>تهتم البلدية بالنفايات &lt;b&gt;المنزلية&lt;/b&gt; &amp; تشجع المُشَارَكَة.</p>",
        "للنفايات",
        "<mark>بالنفايات</mark>",
    ),
    "en": (
        "A short introduction.",
        "<p>The town is RECYCLING &lt;b&gt;household&lt;/b&gt; waste &amp; paper.</p>",
        "recycled",
        "<mark>RECYCLING</mark>",
    ),
}


def body(language, sentence):
    return [
        ("heading", {"text": "Worum es geht", "level": "h2"}),
        ("rich_text", f"<p>{FILLER[language]}</p>"),
        ("rich_text", sentence),
    ]


@pytest.fixture
def pages(site):
    summary, sentence, _query, _marked = CASES["de"]
    source = TopicPageFactory(title="Kreislaufwirtschaft", summary=summary)
    source.body = body("de", sentence)
    source.save_revision().publish()
    found = {"de": source}
    for language in ("fr", "ar-dz", "en"):
        summary, sentence, _query, _marked = CASES[language]
        found[language] = translate_page(
            source, language, title=f"Kreislauf {language}", summary=summary, body=body(language, sentence)
        )
    return found


@pytest.mark.parametrize("language", ["de", "fr", "ar-dz", "en"])
def test_excerpt_falls_back_to_the_best_passage_of_the_body(client, pages, language):
    _summary, _sentence, query, marked = CASES[language]
    response = client.get(f"/{language}/search/", {"q": query})
    [result] = [r for r in response.context["results"] if r["object"].pk == pages[language].pk]
    excerpt = str(result["excerpt"])
    assert marked in excerpt
    assert excerpt.startswith("… ")  # the passage, not the beginning of the body
    # Rich text is shown as text: its tags are gone, what it shows as text is escaped.
    assert "&lt;b&gt;" in excerpt and "&amp;" in excerpt and "<b>" not in excerpt and "<p>" not in excerpt
    assert excerpt in response.content.decode()


def test_arabic_diacritics_are_folded_and_the_vowelled_word_marked_whole(client, pages):
    response = client.get("/ar-dz/search/", {"q": "مشاركة"})
    [result] = [r for r in response.context["results"] if r["object"].pk == pages["ar-dz"].pk]
    assert "<mark>المُشَارَكَة</mark>" in str(result["excerpt"])


def test_the_summary_wins_when_it_holds_a_matched_word(client, pages):
    response = client.get("/de/search/", {"q": "Einführung"})
    [result] = response.context["results"]
    assert str(result["excerpt"]) == "Eine kurze <mark>Einführung</mark>."


def test_body_text_needs_no_query(pages, django_assert_num_queries):
    page = type(pages["de"]).objects.get(pk=pages["de"].pk)
    with django_assert_num_queries(0):
        [text] = body_texts(page)
    assert text.startswith("Worum es geht Dieser Abschnitt") and "<b>Abfälle</b> & Wertstoffe" in text


def test_the_passage_with_the_most_matched_words_is_chosen(site):
    text = "Abfall am Anfang. " + "Füllwort " * 40 + "Hier stehen Abfall und Wasser zusammen."
    excerpt = str(highlight(text, query_terms("Abfall Wasser", Locale.get_default()), "de"))
    assert "<mark>Abfall</mark> und <mark>Wasser</mark>" in excerpt
    assert "am Anfang" not in excerpt
