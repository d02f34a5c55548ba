"""SQLite FTS5 search that ranks a bounded number of hits in one full-text search.

modelsearch's SQLite compiler orders by a score read through a correlated subquery that runs the
FTS5 MATCH again for every matching page: 10,000 hits cost 10,000 full-text searches (20 s); and
even in one search, BM25 over every hit grows with the site. When ranked results are read in a
slice (`pages.search(words)[:n]`, as the results page and any paginator do), these results ask
FTS5 once for the newest `MAX_RANKED_HITS` hits among the searched objects (newest indexed
first, which FTS5 reads in its own order and stops early), score only those with the backend's own
BM25 rank expression, and load the best `n` by key. Below that many hits the answer is
modelsearch's exactly; above it, the best of the newest, which on a news site is what a visitor
asking for a common word wants. Counts, facets, unsliced, unranked and negated searches are
modelsearch's own.
"""

from django.db.models import Exists, F, IntegerField, OuterRef
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .ranking import RankedResultsMixin, max_ranked_hits


class RankedSQLiteQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def ranks_within(self, stop):
        """Whether a slice ending at `stop` can be ranked in one full-text search."""
        unrankable = isinstance(normalize(self.query), MatchAll | Not)
        return stop is not None and self.order_by_relevance and not unrankable

    def best_hits(self, config, start, stop, max_ranked_hits):
        """(key, score) of the searched objects ranked `start` to `stop`, best first."""
        key_type = self.queryset.model._meta.pk
        integer_keys = isinstance(key_type, IntegerField)
        object_key = OuterRef("index_entry__object_id")
        searched = self.queryset.order_by().filter(
            pk=Cast(object_key, IntegerField()) if integer_keys else object_key
        )
        newest_hits = (
            sqlite.SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS,
                    self.build_search_query(normalize(self.query), config=config),
                ),
                # One primary-key probe per hit read, not a list of every searched object.
                Exists(searched),
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
            )
            .annotate(
                key=F("index_entry__object_id"),
                score=self._build_rank_expression(self.get_search_vectors(), config),
            )
            .order_by("-index_entry")
            .values_list("key", "score")[:max_ranked_hits]
        )
        hits = [(key_type.to_python(key), score) for key, score in newest_hits]
        # BM25 is negative, lower is better; ties newest key first, as modelsearch orders them.
        hits.sort(key=lambda hit: hit[0], reverse=True)
        hits.sort(key=lambda hit: hit[1])
        return hits[start:stop]


class RankedSQLiteSearchResults(RankedResultsMixin, sqlite.SQLiteSearchResults):
    pass


class RankedSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    """`MAX_RANKED_HITS` (default 2,000): how many of the newest hits a ranked search scores."""

    query_compiler_class = RankedSQLiteQueryCompiler
    results_class = RankedSQLiteSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.max_ranked_hits = max_ranked_hits(params)
