"""The search results page of each language (`/<lang>/search/?q=`).

A visitor's query never reaches the search backend as syntax: only its words (letters and digits
of any script) are searched for, so quotes, brackets and operators cannot make SQLite's FTS5 or
PostgreSQL's parser fail. Should the backend still refuse a query, the visitor gets a 400 page
saying so, never a 500; a database that cannot be reached is left to the 503 page.

However many pages match, a search costs the same: the backend ranks and returns the keys of at
most `RESULTS_LIMIT + 1` best pages (one more than shown says "more than"), nothing counts or
sorts every hit, and only the ten pages of the page asked for are loaded.
"""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from core.languages import active_locale
from core.root_paths import with_root_paths
from core.views import database_is_unreachable
from core.visibility import public

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Thirty pages of results: more than anyone reads, and few enough to rank in milliseconds.
RESULTS_LIMIT = 300


class SearchProblem(Exception):
    """A visitor's search that cannot be run; `status` is the HTTP status to answer with."""

    def __init__(self, message, status, about_query=True):
        super().__init__(message)
        self.message = message
        self.status = status
        self.about_query = about_query


def read_query(params):
    query = params.get("q", "").strip()
    if any(ord(character) < 32 for character in query):
        # Control characters (a NUL byte above all, which PostgreSQL refuses) are never words.
        raise SearchProblem(
            _("Your search contains control characters. Type only words to search for."),
            status=400,
        )
    if len(query) > MAX_QUERY_LENGTH:
        # Two sentences, each with its own plural form: Russian needs "201 символ" but
        # "не больше 200 символов".
        too_long = ngettext(
            "Your search is %(length)s character long.",
            "Your search is %(length)s characters long.",
            len(query),
        ) % {"length": len(query)}
        at_most = ngettext(
            "Use at most %(limit)s character, for example a few key words.",
            "Use at most %(limit)s characters, for example a few key words.",
            MAX_QUERY_LENGTH,
        ) % {"limit": MAX_QUERY_LENGTH}
        raise SearchProblem(f"{too_long} {at_most}", status=400)
    return query


def results_page(results, page_value):
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        return paginator.page(page_value or 1)
    except PageNotAnInteger:
        raise SearchProblem(
            _("“%(value)s” is not a page number.") % {"value": page_value[:60]},
            status=404,
            about_query=False,
        ) from None
    except EmptyPage:
        raise SearchProblem(
            _("There is no page %(value)s of these results.") % {"value": page_value[:60]},
            status=404,
            about_query=False,
        ) from None


WORD = re.compile(r"\w+")


def searchable_words(query):
    """The words of `query`, without any character a search backend reads as syntax."""
    return " ".join(WORD.findall(query))


def language_pages(locale):
    """The pages a visitor of `locale` may find: live, public, in that language."""
    return public(Page.objects.live()).filter(locale=locale)


def search_language_pages(query, locale):
    """Keys of the pages of `locale` matching the words of `query`, best first, not yet read."""
    words = searchable_words(query)
    if not words:
        return Page.objects.none()
    keys = language_pages(locale).values_list("pk", flat=True)
    return keys.search(words, order_by_relevance=True)


def ranked_page_keys(query, locale):
    """Keys of the `RESULTS_LIMIT + 1` best matching pages at most, best first."""
    return list(search_language_pages(query, locale)[: RESULTS_LIMIT + 1])


def pages_in_order(locale, keys):
    """The pages of `keys`, in that order, checked again: one unpublished meanwhile is left out."""
    pages = language_pages(locale).filter(pk__in=keys).specific().defer_streamfields().in_bulk()
    return [pages[key] for key in keys if key in pages]


def run_search(query, locale, page_value):
    """The page of results asked for and whether more matched than are listed.

    Read now, so that a backend error is caught here."""
    try:
        keys = ranked_page_keys(query, locale)
        page_obj = results_page(keys[:RESULTS_LIMIT], page_value)
        page_obj.object_list = pages_in_order(locale, page_obj.object_list)
    except DatabaseError as error:
        if database_is_unreachable(error) and not is_query_error(error):
            raise
        raise SearchProblem(
            _("We could not search for that. Try other words, without punctuation."),
            status=400,
        ) from error
    return page_obj, len(keys) > RESULTS_LIMIT


def is_query_error(error):
    """SQLite reports a query it cannot parse as an OperationalError, like a lost connection."""
    return "fts5" in str(error).lower() or "syntax error" in str(error).lower()


def search(request):
    with_root_paths(request)  # the results' links, made with the request, without a cache read
    context = {"query": "", "max_query_length": MAX_QUERY_LENGTH}
    status = 200
    try:
        query = read_query(request.GET)
        context["query"] = query
        if query:
            locale = active_locale()
            page_obj, more_results = run_search(query, locale, request.GET.get("page"))
            context["page_obj"] = page_obj
            context["more_results"] = more_results
            context["searched"] = True
            kept = QueryDict(mutable=True)
            kept["q"] = query
            context["filter_query"] = kept.urlencode()
    except SearchProblem as problem:
        context["query_error" if problem.about_query else "page_error"] = problem.message
        status = problem.status
    return TemplateResponse(request, "search/search.html", context, status=status)
