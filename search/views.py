"""The search results page of each language (`/<lang>/search/?q=`)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page

from home.visibility import public

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


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


def search_language_pages(query, locale):
    """Live public pages of `locale` matching `query`, best match first."""
    pages = public(Page.objects.live()).filter(locale=locale).specific()
    return pages.search(query)


def search(request):
    context = {"query": "", "max_query_length": MAX_QUERY_LENGTH}
    status = 200
    try:
        query = read_query(request.GET)
        context["query"] = query
        if query:
            locale = Locale.get_active()
            page_obj = results_page(search_language_pages(query, locale), request.GET.get("page"))
            context["page_obj"] = page_obj
            context["searched"] = True
            kept = QueryDict(mutable=True)
            kept["q"] = query
            context["filter_query"] = kept.urlencode()
    except SearchProblem as problem:
        context["query_error" if problem.about_query else "page_error"] = problem.message
        status = problem.status
    return TemplateResponse(request, "search/search.html", context, status=status)
