"""Wagtail's PostgreSQL search backend with a text-search configuration per content language.

Pages are indexed with the configuration of their own locale (`english` stems English, `russian`
Russian, `simple` for Azerbaijani, which PostgreSQL has no stemmer for), and a query is parsed with
the configuration of the language being served, so "reports" finds "report" in English and
"доклады" finds "доклад" in Russian. Objects without a locale use the backend's `SEARCH_CONFIG`.

Both go through the backend's own extension points, `index_class` and `query_compiler_class`;
nothing in modelsearch is replaced.
"""

import copy

from django.utils import translation
from modelsearch.backends.database.postgres import postgres
from wagtail.models import Locale


def configuration_for(backend, language_code):
    return backend.language_configs.get(language_code or "", backend.config)


def language_codes_of(objects):
    """{locale id: language code} of the locales `objects` are in (none for objects without)."""
    locale_ids = {getattr(obj, "locale_id", None) for obj in objects} - {None}
    return dict(Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code"))


class LanguageIndex(postgres.PostgresIndex):
    """Indexes each object with the search configuration of its locale's language.

    modelsearch's indexer takes its configuration from the backend it is given, so each
    language's objects are added through an index whose backend carries that configuration.
    """

    def add_items(self, model, objs):
        language_codes = language_codes_of(objs)
        by_configuration = {}
        for obj in objs:
            language_code = language_codes.get(getattr(obj, "locale_id", None))
            configuration = configuration_for(self.backend, language_code)
            by_configuration.setdefault(configuration, []).append(obj)
        for configuration, same_configuration in by_configuration.items():
            index = postgres.PostgresIndex(self.backend.indexing_with(configuration))
            index.add_items(model, same_configuration)


class LanguageQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return configuration_for(backend, translation.get_language())


class LanguageSearchBackend(postgres.PostgresSearchBackend):
    """`LANGUAGE_SEARCH_CONFIGS` maps a language code to a PostgreSQL text-search configuration."""

    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_SEARCH_CONFIGS", {}))

    def indexing_with(self, configuration):
        """This backend with `configuration` as the one objects are indexed with."""
        backend = copy.copy(self)
        backend.config = configuration
        return backend
