"""What the PostgreSQL and SQLite backends share: per-language analysis of indexed text and queries."""

from django.conf import settings
from django.utils.translation import get_language
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import PlainText
from wagtail.models import Locale, Page

from .. import analysis


class LocalizedPlainText(PlainText):
    """A visitor's query and the languages of the documents it should match.

    Without it (plain strings, as in the admin) every site language is tried.
    """

    def __init__(self, query_string, languages, operator="and"):
        super().__init__(query_string, operator=operator)
        self.languages = list(languages)


def query_languages(query):
    if isinstance(query, LocalizedPlainText):
        return query.languages
    active = get_language()
    return [active] + [code for code, _name in settings.LANGUAGES if code != active]


def analysed_terms(query):
    """Variant sets for a PlainText or Phrase query (a phrase is matched as its words)."""
    return analysis.query_terms(query.query_string, query_languages(query))


def content_languages(objs):
    """obj.pk → language code of the object's text, with two queries for any number of objects.

    An alias page (Wagtail / wagtail-localize: "not yet translated") lives in the visitor's locale
    but carries the source page's text, so it is analysed in the source page's language.
    """
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    alias_ids = {getattr(obj, "alias_of_id", None) for obj in objs} - {None}
    alias_locales = dict(Page.objects.filter(pk__in=alias_ids).values_list("pk", "locale_id")) if alias_ids else {}
    result = {}
    for obj in objs:
        locale_id = getattr(obj, "locale_id", None)
        alias_of = getattr(obj, "alias_of_id", None)
        if alias_of in alias_locales:
            locale_id = alias_locales[alias_of]
        result[obj.pk] = languages.get(locale_id)
    return result


class AnalysingIndexerMixin:
    """Hands the index analysed text instead of raw text (field values are read as Wagtail does)."""

    language = None

    def analysed_field(self, obj, field, weight):
        if isinstance(field, SearchField):
            yield field, weight, analysis.analyse(self.prepare_value(field.get_value(obj)), self.language)
        elif isinstance(field, AutocompleteField):
            yield field, "D", analysis.analyse_autocomplete(self.prepare_value(field.get_value(obj)))
        elif isinstance(field, RelatedFields):
            sub_obj = field.get_value(obj)
            if sub_obj is None:
                return
            if hasattr(sub_obj, "all"):
                sub_objs = sub_obj.all()
            else:
                sub_objs = [sub_obj() if callable(sub_obj) else sub_obj]
            for item in sub_objs:
                for sub_field in field.fields:
                    yield from self.analysed_field(item, sub_field, weight)


def _indexers(indexer_class, objs, backend):
    objs = list(objs)
    languages = content_languages(objs)
    indexers = []
    for obj in objs:
        indexer = indexer_class(obj, backend)
        indexer.language = languages.get(obj.pk)
        indexers.append(indexer)
    return indexers
