"""Public pages: Wagtail's "private page" check, skipped on the public site while none is private.

`PageQuerySet.public()` and a served page's restriction check each cost a query; a public
institution's site rarely has a private page, so whether any exists is memoised per content
generation (pagecache/generation.py, whose number of record is in the database) of the
changes to who may see what: a publish of content keeps it. The shortcut fails closed:

- it applies only while serving the public site (`pagecache/serving.py`, set by the page-cache
  middleware for GET/HEAD outside the admin); the admin's privacy dialog, page copies, aliases,
  previews and every other caller ask the database, always;
- saving or deleting a view restriction, or changing its groups, writes a new generation and a
  new visibility generation (`visible_from`) to the database inside the same transaction, so
  the memo cannot outlive the commit that made a page private; a memo is kept
  `FRAGMENT_CACHE_SECONDS` at most in any case;
- when neither the cache nor the database can give the generation, the memo is not used.
"""

from wagtail.models import PageViewRestriction

from pagecache.memo import per_language_and_visibility
from pagecache.serving import is_serving_public_site


@per_language_and_visibility
def any_view_restrictions():
    """Whether any page is private."""
    return PageViewRestriction.objects.exists()


def restriction_check_may_be_skipped():
    """True only on the public serving path while the memo vouches that no page is private."""
    return is_serving_public_site() and not any_view_restrictions()


def public(queryset):
    """`queryset.public()`, without its query while serving the site and no page is private."""
    return queryset if restriction_check_may_be_skipped() else queryset.public()
