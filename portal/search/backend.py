"""The search backend: Wagtail's database backend, with each language's own stemming on
PostgreSQL.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend", ...}}`` picks, like
``wagtail.search.backends.database``, the backend of the default database. On PostgreSQL it uses
the text-search configuration of each language (``LANGUAGE_CONFIGS``, PostgreSQL ships
'english' and 'indonesian'):

- a page is indexed with its locale's configuration (an Indonesian page with 'indonesian');
- a record without a language (an organisation, a pilot, a speaker) is indexed with every
  configuration, so it is found from either language;
- a query uses the visitor's language (the active translation), so "flooding" finds "flood"
  on /en/ and "banjir" finds "kebanjiran" on /id/.

SQLite (FTS5, no stemming) and other databases use Wagtail's backend unchanged.
"""

import functools

from django.db import connection
from django.db.models import TextField, Value
from django.db.models.sql.subqueries import InsertQuery
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.utils import ADD, get_content_type_pk

LANGUAGE_CONFIGS = {"en": "english", "id": "indonesian"}
DEFAULT_CONFIG = "english"


def query_config():
    """The configuration of the visitor's language."""
    language = (translation.get_language() or "").split("-")[0]
    return LANGUAGE_CONFIGS.get(language, DEFAULT_CONFIG)


def index_configs(obj):
    """The configurations an object is indexed with: its own language's, else all of them."""
    locale = getattr(obj, "locale", None) if hasattr(obj, "locale_id") else None
    if locale is not None:
        return (LANGUAGE_CONFIGS.get(locale.language_code.split("-")[0], DEFAULT_CONFIG),)
    return tuple(dict.fromkeys(LANGUAGE_CONFIGS.values()))


def SearchBackend(params):
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)
    return _postgres_backend_class()(params)


@functools.cache
def _postgres_backend_class():
    from django.contrib.postgres.search import SearchVector
    from modelsearch.backends.database.postgres import postgres

    class LocalisedObjectIndexer(postgres.ObjectIndexer):
        def as_vector(self, texts, for_autocomplete=False):
            if for_autocomplete:
                return super().as_vector(texts, for_autocomplete=True)
            texts = [(text.strip(), weight) for text, weight in texts]
            texts = [(text, weight) for text, weight in texts if text]
            if not texts:
                return postgres.EMPTY_VECTOR
            return ADD(
                [
                    SearchVector(Value(text, output_field=TextField()), weight=weight, config=cfg)
                    for text, weight in texts
                    for cfg in index_configs(self.obj)
                ]
            )

    class LocalisedIndex(postgres.PostgresIndex):
        def add_items(self, model, objs):
            """Wagtail's ``PostgresIndex.add_items`` with the indexer above (one INSERT)."""
            if not model.get_search_fields():
                return
            indexers = [LocalisedObjectIndexer(obj, self.backend) for obj in objs]
            if not indexers:
                return
            entry = postgres.IndexEntry
            compiler = InsertQuery(entry).get_compiler(connection=self.write_connection)
            rows, params = [], []
            for indexer in indexers:
                params.extend((get_content_type_pk(model), indexer.id))
                sqls = []
                for name in ("title", "autocomplete", "body"):
                    value = compiler.prepare_value(
                        entry._meta.get_field(name), getattr(indexer, name)
                    )
                    sql, value_params = value.as_sql(compiler, self.write_connection)
                    sqls.append(sql)
                    params.extend(value_params)
                params.extend((indexer.title_text, indexer.body_text))
                rows.append(f"(%s, %s, {sqls[0]}, {sqls[1]}, {sqls[2]}, 1.0, %s, %s)")
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {entry._meta.db_table} (content_type_id, object_id, title, "
                    "autocomplete, body, title_norm, title_text, body_text) "
                    f"(VALUES {', '.join(rows)}) "
                    "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                    "title = EXCLUDED.title, title_norm = 1.0, "
                    "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                    "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                    params,
                )
            self._refresh_title_norms()

    class LocalisedQueryCompiler(postgres.PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return query_config()

    class LocalisedPostgresSearchBackend(postgres.PostgresSearchBackend):
        query_compiler_class = LocalisedQueryCompiler
        index_class = LocalisedIndex

    return LocalisedPostgresSearchBackend
