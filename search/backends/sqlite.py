"""The multilingual backend on SQLite FTS5: analysed text, matched token by token (unicode61)."""

from django.db.models import Case, F, FloatField, IntegerField, TextField, Value, When
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import query as sqlite_query
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.query import Phrase, PlainText

from .. import analysis
from .base import AnalysingIndexerMixin, _indexers, analysed_terms


class SQLiteIndexer(AnalysingIndexerMixin, sqlite.ObjectIndexer):
    def prepare_field(self, obj, field):
        for current_field, _weight, value in self.analysed_field(obj, field, None):
            yield current_field, value


class MultilingualSQLiteIndex(sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        # Wagtail's add_items, with the analysing indexer (the original names its class directly).
        if not model.get_search_fields():
            return
        indexers = _indexers(SQLiteIndexer, objs, self.backend)
        if not indexers:
            return
        content_type_pk = sqlite.get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            sqlite.IndexEntry(
                content_type_id=content_type_pk, object_id=object_id, title=title, autocomplete=autocomplete, body=body
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class Parenthesised(sqlite_query.LexemeCombinable):
    """``(inner)``: Wagtail's SQLite lexemes combine without parentheses, and FTS5 binds AND tighter
    than OR, so (a OR b) AND (c OR d) would be read as a OR (b AND c) OR d."""

    _output_field = sqlite_query.SearchQueryField()

    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.inner)
        return "%s", [f"({sql % tuple(params)})"]


def _any_of(variants, prefix):
    """One query word: any of its variants, as one parenthesised term."""
    term = None
    for variant in sorted(variants):
        lexeme = sqlite_query.Lexeme(variant, prefix=prefix(variant))
        term = lexeme if term is None else term | lexeme
    return Parenthesised(term) if len(variants) > 1 else term


def _fts_expression(terms, operator="and"):
    expression = None
    for variants in terms:
        term = _any_of(variants, analysis.is_prefix)
        if expression is None:
            expression = term
        elif operator == "or":
            expression = expression | term
        else:
            expression = expression & term
    return expression


class MultilingualSQLiteQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, (PlainText, Phrase)):
            terms = analysed_terms(query) or [{"_"}]
            return sqlite_query.SearchQueryExpression(_fts_expression(terms, getattr(query, "operator", "and")))
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, (PlainText, Phrase)) and not analysed_terms(self.query):
            return self.queryset.none()
        if self.order_by_relevance and isinstance(self.query, (PlainText, Phrase)):
            return self.ranked(config, start, stop, score_field)
        return super().search(config, start, stop, score_field=score_field)

    def ranked(self, config, start, stop, score_field=None):
        """Relevance order with one FTS query in all.

        Wagtail orders by a correlated bm25() subquery per matching row, which re-runs the FTS
        match for each of them (seconds for a common word in 10,000 pages). Here the ranking is read
        once, restricted to what the queryset allows, and only the requested window is fetched.
        Equal scores are ordered by descending id, as on PostgreSQL, so that pages of results never
        overlap. ``score_field`` gets the score with higher meaning better (as on PostgreSQL; bm25()
        itself is negative), so that results of different models can be merged (search.query).
        """
        match = sqlite_query.MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(self.query, config=config)
        )
        entries = sqlite.SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=sqlite.get_descendants_content_types_pks(self.queryset.model)
        )
        # Only what the queryset allows (live, public, locale, filters), in the same query.
        allowed = self.queryset.annotate(_object_id=Cast("pk", TextField())).values("_object_id")
        entries = entries.filter(index_entry__object_id__in=allowed)
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        pk_field = self.queryset.model._meta.pk
        object_id = "index_entry__object_id"
        tiebreak = Cast(object_id, IntegerField()) if isinstance(pk_field, IntegerField) else F(object_id)
        ranking = entries.annotate(score=rank).order_by("score", tiebreak.desc()).values_list(object_id, "score")
        window = [(pk_field.to_python(pk), score) for pk, score in ranking[start:stop]]
        if not window:
            return self.queryset.none()
        order = Case(
            *(When(pk=pk, then=Value(i)) for i, (pk, _score) in enumerate(window)), output_field=IntegerField()
        )
        results = self.queryset.filter(pk__in=[pk for pk, _score in window]).order_by(order)
        if score_field:
            scores = Case(*(When(pk=pk, then=Value(-score)) for pk, score in window), output_field=FloatField())
            results = results.annotate(**{score_field: scores})
        return results


class MultilingualSQLiteSearchResults(sqlite.SQLiteSearchResults):
    def _do_count(self):
        # Counting needs no ranking: Wagtail's unordered query is fast.
        compiler = self.query_compiler
        ordered, compiler.order_by_relevance = compiler.order_by_relevance, False
        try:
            return self.get_queryset().count()
        finally:
            compiler.order_by_relevance = ordered


class MultilingualSQLiteAutocompleteCompiler(MultilingualSQLiteQueryCompiler, sqlite.SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, (PlainText, Phrase)):
            expression = None
            for variants in analysis.autocomplete_terms(query.query_string):
                term = _any_of(variants, lambda _variant: True)
                expression = term if expression is None else expression & term
            return sqlite_query.SearchQueryExpression(expression)
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, (PlainText, Phrase)) and not analysis.words(self.query.query_string):
            return self.queryset.none()
        return sqlite.SQLiteSearchQueryCompiler.search(self, config, start, stop, score_field=score_field)


class MultilingualSQLiteBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = MultilingualSQLiteQueryCompiler
    autocomplete_query_compiler_class = MultilingualSQLiteAutocompleteCompiler
    index_class = MultilingualSQLiteIndex
    results_class = MultilingualSQLiteSearchResults
