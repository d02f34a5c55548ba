"""Wagtail's PostgreSQL search backend with a text-search configuration per content language.

Pages are indexed with the configuration of their own locale (`english` stems English, `russian`
Russian, `simple` for Azerbaijani, which PostgreSQL has no stemmer for), and a query is parsed with
the configuration of the language being served, so "reports" finds "report" in English and
"доклады" finds "доклад" in Russian. Objects without a locale use the backend's `SEARCH_CONFIG`.
"""

from django.utils import translation
from modelsearch.backends.database.postgres import postgres


def configuration_for(backend, language_code):
    language_configs = getattr(backend, "language_configs", {})
    return language_configs.get(language_code or "", backend.config)


class LanguageObjectIndexer(postgres.ObjectIndexer):
    """Indexes an object with the search configuration of its locale's language."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        locale = getattr(obj, "locale", None)
        self.config = configuration_for(backend, getattr(locale, "language_code", None))


class LanguageQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return configuration_for(backend, translation.get_language())


# PostgresIndex.add_items builds its indexers from the module-level name `ObjectIndexer`, so the
# language-aware indexer replaces it there. It behaves exactly as the original for any backend
# without `language_configs`.
postgres.ObjectIndexer = LanguageObjectIndexer


class LanguageSearchBackend(postgres.PostgresSearchBackend):
    """`LANGUAGE_SEARCH_CONFIGS` maps a language code to a PostgreSQL text-search configuration."""

    query_compiler_class = LanguageQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_SEARCH_CONFIGS", {}))


SearchBackend = LanguageSearchBackend
