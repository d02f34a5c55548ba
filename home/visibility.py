"""Public pages: Wagtail's "private page" check, skipped while no page of the site is private.

`PageQuerySet.public()` and a served page's restriction check each cost a query; a public
institution's site rarely has a private page, so whether any exists is memoised until the next
change (saving or deleting a view restriction starts a new content generation).
"""

from wagtail.models import PageViewRestriction

from pagecache.memo import per_language_and_generation


@per_language_and_generation
def any_view_restrictions():
    """Whether any page is private."""
    return PageViewRestriction.objects.exists()


def public(queryset):
    """`queryset.public()`, without its query while no page is private."""
    return queryset.public() if any_view_restrictions() else queryset
