"""SQLite FTS5 search that ranks the best hits in one full-text search, however many match.

modelsearch's SQLite compiler orders by a score read through a correlated subquery that runs the
FTS5 MATCH again for every matching page: 10,000 hits cost 10,000 full-text searches (20 s).
When a ranked search is sliced (`pages.search(words)[:n]`, as the results page and any paginator
do), this compiler asks FTS5 once for the best `n` hits among the searched pages (the backend's
own BM25 rank expression, SQLite keeping only the best `n` while it sorts), then loads those
pages in that order. Unsliced, unranked and negated searches are modelsearch's own.
"""

from django.db.models import Case, FloatField, IntegerField, TextField, Value, When
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class RankedSQLiteQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if stop is None or not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return super().search(config, start, stop, score_field)
        hits = self.best_hits(query, config)[start:stop]
        return self.pages_in_rank_order(list(hits), score_field)

    def best_hits(self, query, config):
        """(object key, score) of the searched objects matching `query`, best first."""
        searched_keys = self.queryset.order_by().annotate(key=Cast("pk", TextField())).values("key")
        hits = (
            sqlite.SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS,
                    self.build_search_query(query, config=config),
                )
            )
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=searched_keys,
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
        )
        # BM25 is negative, lower is better; ties newest key first, as modelsearch orders them.
        return hits.order_by("score", self.key_order()).values_list(
            "index_entry__object_id", "score"
        )

    def key_order(self):
        if isinstance(self.queryset.model._meta.pk, IntegerField):
            return Cast("index_entry__object_id", IntegerField()).desc()
        return "-index_entry__object_id"

    def pages_in_rank_order(self, hits, score_field):
        if not hits:
            return self.queryset.none()
        to_key = self.queryset.model._meta.pk.to_python
        keys = [to_key(object_id) for object_id, _score in hits]
        position = Case(
            *(When(pk=key, then=Value(rank)) for rank, key in enumerate(keys)),
            output_field=IntegerField(),
        )
        results = self.queryset.filter(pk__in=keys).order_by(position)
        if score_field is not None:
            score = Case(
                *(When(pk=key, then=Value(hit[1])) for key, hit in zip(keys, hits, strict=True)),
                output_field=FloatField(),
            )
            results = results.annotate(**{score_field: score})
        return results


class RankedSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteQueryCompiler
