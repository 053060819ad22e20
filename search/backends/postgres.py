"""The multilingual backend on PostgreSQL: analysed text in tsvectors of the 'simple' configuration."""

from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.postgres.query import Lexeme as PgLexeme
from modelsearch.index import SearchField
from modelsearch.query import Phrase, PlainText

from .. import analysis
from .base import AnalysingIndexerMixin, _indexers, analysed_terms


class PostgresIndexer(AnalysingIndexerMixin, pg.ObjectIndexer):
    def prepare_field(self, obj, field):
        weight = pg.get_weight(field.boost) if isinstance(field, SearchField) else "D"
        yield from self.analysed_field(obj, field, weight)


class MultilingualPostgresIndex(pg.PostgresIndex):
    def add_items(self, model, objs):
        # Wagtail's add_items, with the analysing indexer (the original names its class directly).
        if not model.get_search_fields():
            return
        indexers = _indexers(PostgresIndexer, objs, self.backend)
        if not indexers:
            return
        content_type_pk = pg.get_content_type_pk(model)
        compiler = pg.InsertQuery(pg.IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(pg.IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = pg.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, "
                f"title_text, body_text) (VALUES {', '.join(rows)}) ON CONFLICT (content_type_id, object_id) "
                "DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
                "body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()


class PostgresQueryMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, (PlainText, Phrase)):
            return super().build_tsquery_content(query, config=config, invert=invert)
        expression = None
        for variants in analysed_terms(query) or [{""}]:
            term = None
            for variant in sorted(variants):
                lexeme = PgLexeme(variant, invert=invert, prefix=self.prefix_for(variant))
                term = lexeme if term is None else (term & lexeme if invert else term | lexeme)
            if expression is None:
                expression = term
            elif invert or getattr(query, "operator", "and") == "or":
                expression = expression | term
            else:
                expression = expression & term
        return pg.SearchQuery(expression, search_type="raw", config=config)

    def prefix_for(self, variant):
        return analysis.is_prefix(variant)

    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, (PlainText, Phrase)) and not analysed_terms(self.query):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class MultilingualPostgresQueryCompiler(PostgresQueryMixin, pg.PostgresSearchQueryCompiler):
    pass


class MultilingualPostgresAutocompleteCompiler(PostgresQueryMixin, pg.PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, (PlainText, Phrase)):
            return super().build_tsquery_content(query, config=config, invert=invert)
        expression = None
        for variants in analysis.autocomplete_terms(query.query_string):
            term = None
            for variant in sorted(variants):
                lexeme = PgLexeme(variant, prefix=True)
                term = lexeme if term is None else term | lexeme
            expression = term if expression is None else expression & term
        return pg.SearchQuery(expression, search_type="raw", config=config)

    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, (PlainText, Phrase)) and not analysis.words(self.query.query_string):
            return self.queryset.none()
        return pg.PostgresSearchQueryCompiler.search(self, config, start, stop, score_field, backend)


class MultilingualPostgresBackend(pg.PostgresSearchBackend):
    query_compiler_class = MultilingualPostgresQueryCompiler
    autocomplete_query_compiler_class = MultilingualPostgresAutocompleteCompiler
    index_class = MultilingualPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        # Text arrives analysed: PostgreSQL must only split it into tokens.
        self.config = "simple"
        self.autocomplete_config = "simple"
