"""Wagtail's PostgreSQL search backend with a text-search configuration per content language.

Pages are indexed with the configuration of their own locale (`english` stems English, `russian`
Russian, `simple` for Azerbaijani, which PostgreSQL has no stemmer for), and a query is parsed with
the configuration of the language being served, so "reports" finds "report" in English and
"доклады" finds "доклад" in Russian. Objects without a locale use the backend's `SEARCH_CONFIG`.

Both go through the backend's own extension points, `index_class` and `query_compiler_class`;
nothing in modelsearch is replaced. A ranked slice (`pages.search(words)[:n]`) scores only the
newest `MAX_RANKED_HITS` matching index entries, each checked against the searched pages by
primary key, and loads the best `n` by key (config/search_backend/ranking.py): modelsearch's own
query joins every matching entry to every page of the language by a text cast (2 s for a
two-word query at 10,000 articles) and ranks every hit.
"""

import copy

from django.db.models import Exists, F, IntegerField, OuterRef
from django.db.models.functions import Cast
from django.utils import translation
from modelsearch.backends.database.postgres import postgres
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Locale

from .ranking import RankedResultsMixin, max_ranked_hits


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

    def ranks_within(self, stop):
        """Whether a slice ending at `stop` can be ranked from the index entries alone."""
        unrankable = isinstance(self.query, MatchAll | Not | Fuzzy) or self.fields is not None
        return stop is not None and self.order_by_relevance and not unrankable

    def best_hits(self, config, start, stop, max_ranked_hits):
        """(key, score) of the searched objects ranked `start` to `stop`, best first."""
        integer_keys = isinstance(self.queryset.model._meta.pk, IntegerField)
        object_key = (
            Cast(OuterRef("object_id"), IntegerField()) if integer_keys else OuterRef("object_id")
        )
        entry_key = Cast("object_id", IntegerField()) if integer_keys else F("object_id")
        entries = postgres.IndexEntry._default_manager.filter(
            content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        newest = (
            entries.annotate(_vector_=F("title")._combine(F("body"), "||", False))
            .filter(_vector_=self.build_tsquery(self.query, config=config))
            .filter(Exists(self.queryset.order_by().filter(pk=object_key)))
            .order_by("-pk")
            .values("pk")[:max_ranked_hits]
        )
        vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
        hits = (
            entries.filter(pk__in=newest)
            .annotate(key=entry_key, score=self._build_rank_expression(vectors, config))
            .order_by(F("score").desc(), F("key").desc())
            .values_list("key", "score")[start:stop]
        )
        to_key = self.queryset.model._meta.pk.to_python
        return [(to_key(key), score) for key, score in hits]


class LanguageSearchResults(RankedResultsMixin, postgres.PostgresSearchResults):
    pass


class LanguageSearchBackend(postgres.PostgresSearchBackend):
    """`LANGUAGE_SEARCH_CONFIGS` maps a language code to a PostgreSQL text-search configuration."""

    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler
    results_class = LanguageSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_SEARCH_CONFIGS", {}))
        self.max_ranked_hits = max_ranked_hits(params)

    def indexing_with(self, configuration):
        """This backend with `configuration` as the one objects are indexed with."""
        backend = copy.copy(self)
        backend.config = configuration
        return backend
