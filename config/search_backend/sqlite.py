"""SQLite FTS5 search that ranks the best hits in one full-text search, however many match.

modelsearch's SQLite compiler orders by a score read through a correlated subquery that runs the
FTS5 MATCH again for every matching page: 10,000 hits cost 10,000 full-text searches (20 s).
When ranked results are read in a slice (`pages.search(words)[:n]`, as the results page and any
paginator do), these results ask FTS5 once for the keys of the best `n` hits among the searched
objects (the backend's own BM25 rank expression and tie order, SQLite keeping only the best `n`
while it sorts), then load those objects by key. Counts, facets, unsliced, unranked and negated
searches are modelsearch's own.
"""

from django.db.models import IntegerField, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class RankedSQLiteQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def ranks_within(self, stop):
        """Whether a slice ending at `stop` can be ranked in one full-text search."""
        unrankable = isinstance(normalize(self.query), MatchAll | Not)
        return stop is not None and self.order_by_relevance and not unrankable

    def best_hits(self, config, start, stop):
        """(key, score) of the searched objects ranked `start` to `stop`, best first."""
        searched_keys = self.queryset.order_by().annotate(key=Cast("pk", TextField())).values("key")
        hits = (
            sqlite.SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS,
                    self.build_search_query(normalize(self.query), config=config),
                )
            )
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=searched_keys,
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            # BM25 is negative, lower is better; ties newest key first, as modelsearch orders.
            .order_by("score", self.key_order())
            .values_list("index_entry__object_id", "score")
        )
        to_key = self.queryset.model._meta.pk.to_python
        return [(to_key(object_id), score) for object_id, score in hits[start:stop]]

    def key_order(self):
        if isinstance(self.queryset.model._meta.pk, IntegerField):
            return Cast("index_entry__object_id", IntegerField()).desc()
        return "-index_entry__object_id"


class RankedSQLiteSearchResults(sqlite.SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        if not compiler.ranks_within(self.stop):
            return super()._do_search()
        hits = compiler.best_hits(compiler.get_config(self.backend), self.start, self.stop)
        objects = compiler.queryset.in_bulk([key for key, _score in hits])
        results = []
        for key, score in hits:
            if key in objects:  # not when deleted since the search
                if self._score_field is not None:
                    setattr(objects[key], self._score_field, score)
                results.append(objects[key])
        return results


class RankedSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteQueryCompiler
    results_class = RankedSQLiteSearchResults
