"""Search results read as ranked keys first: the best `n` hits scored in one query, then loaded.

A backend's compiler offers `ranks_within(stop)` (whether this slice can be ranked that way) and
`best_hits(config, start, stop, max_ranked_hits)` ((key, score) pairs, best first); everything
else (counts, facets, unsliced or unranked searches) stays modelsearch's own.
"""

from django.db.models.query import FlatValuesListIterable

# Scoring 2,000 hits costs a few milliseconds; a common word at 100,000 articles has 30,000+.
MAX_RANKED_HITS = 2000


class RankedResultsMixin:
    """For a `BaseSearchResults` subclass: a ranked slice costs one ranking query and one load."""

    def _do_search(self):
        compiler = self.query_compiler
        # Autocomplete (the admin's choosers and page search) has a compiler of its own that
        # does not rank this way: it stays modelsearch's own.
        ranks_within = getattr(compiler, "ranks_within", None)
        if ranks_within is None or not ranks_within(self.stop):
            return super()._do_search()
        hits = compiler.best_hits(
            compiler.get_config(self.backend), self.start, self.stop, self.backend.max_ranked_hits
        )
        if searches_keys_only(compiler.queryset):
            # `values_list("pk", flat=True)`: the hits are already the searched rows' keys.
            return [key for key, _score in hits]
        objects = compiler.queryset.in_bulk([key for key, _score in hits])
        results = []
        for key, score in hits:
            if key in objects:  # not when deleted since the search
                if self._score_field is not None:
                    setattr(objects[key], self._score_field, score)
                results.append(objects[key])
        return results


def searches_keys_only(queryset):
    """Whether `queryset` is `values_list("pk", flat=True)`, which needs no objects loaded."""
    pk = queryset.model._meta.pk
    return queryset._iterable_class is FlatValuesListIterable and queryset.query.values_select in (
        ("pk",),
        (pk.attname,),
    )


def max_ranked_hits(params):
    return int(params.get("MAX_RANKED_HITS", MAX_RANKED_HITS))
