"""cms.json_ld: what every app's schema.org output goes through."""

import json

from cms.json_ld import SCHEMA, script, to_json_ld


def test_text_cannot_end_the_script_element():
    text = to_json_ld({"@context": SCHEMA, "name": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><!-- & -->"


def test_empty_values_are_left_out_at_every_depth():
    data = {"name": "Tunis", "alternateName": "", "sameAs": [], "address": {"postalCode": None, "addressCountry": "TN"}}
    assert json.loads(to_json_ld(data)) == {"name": "Tunis", "address": {"addressCountry": "TN"}}
    assert json.loads(to_json_ld({"inLanguage": ["de", None, ""]})) == {"inLanguage": ["de"]}


def test_non_ascii_text_is_kept_as_written():
    assert "الجزائر" in to_json_ld({"name": "الجزائر"})


def test_script_element_is_safe_markup():
    element = script({"@type": "WebPage", "name": "a<b"})
    assert element.startswith('<script type="application/ld+json">') and element.endswith("</script>")
    assert hasattr(element, "__html__")
    assert "a\\u003cb" in element
