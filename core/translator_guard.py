"""Translators keep to their own language in every wagtail-localize view, its string API included.

wagtail-localize checks model-level snippet permissions, not languages: without this guard a
translator of one language could change another language's snippet strings through its API.
Each of its URLs is classified here by the languages it writes to (or shows for editing); a URL
this module does not know is refused to translators, so that a new wagtail-localize view is
closed until someone has looked at it.
"""

from django.contrib.admin.utils import unquote
from django.http import JsonResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from core.translators import translator_language_codes

LOCALIZE_NAMESPACE = "wagtail_localize"
# Read-only views that show nothing a translator cannot see in the admin already.
READ_ONLY_VIEWS = frozenset(
    {
        "javascript_catalog",
        "translations_report",
        "translations_report_results",
        "snippets_api_listing",
        "snippets_api_detail",
    }
)
TRANSLATION_VIEWS = frozenset(
    {
        "edit_string_translation",
        "edit_override",
        "download_pofile",
        "upload_pofile",
        "machine_translate",
        "preview_translation",
        "stop_translation",
    }
)


def translation_languages(request, kwargs):
    translation = (
        Translation.objects.filter(pk=kwargs["translation_id"]).select_related("target_locale")
    ).first()
    return [translation.target_locale.language_code] if translation else []


def update_languages(request, kwargs):
    """Updating rewrites, and may publish, every translation of the source: all its languages."""
    source = (
        TranslationSource.objects.filter(pk=kwargs["translation_source_id"])
        .select_related("locale")
        .first()
    )
    if source is None:
        return []
    languages = [source.locale.language_code]
    if request.method not in ("GET", "HEAD"):
        languages += source.translations.filter(enabled=True).values_list(
            "target_locale__language_code", flat=True
        )
    return languages


def page_languages(request, kwargs):
    page = Page.objects.filter(pk=kwargs["page_id"]).select_related("locale").first()
    return [page.locale.language_code] if page else []


def snippet_languages(request, kwargs):
    for model in get_snippet_models():
        meta = model._meta
        if (meta.app_label, meta.model_name) == (kwargs["app_label"], kwargs["model_name"]):
            instance = model.objects.filter(pk=unquote(kwargs["pk"])).first()
            locale = getattr(instance, "locale", None)
            return [locale.language_code] if locale else []
    return []


LANGUAGES_OF_VIEW = {
    **dict.fromkeys(TRANSLATION_VIEWS, translation_languages),
    "update_translations": update_languages,
    # Converting a translation back into an alias changes the translated page.
    "convert_to_alias": page_languages,
    # Sending content out for translation is the source language's translators' work
    # (core/translators.py): they may send only what is in their own language.
    "submit_page_translation": page_languages,
    "submit_snippet_translation": snippet_languages,
}


def refusal(request):
    if request.method in ("GET", "HEAD") and "application/json" not in request.headers.get(
        "accept", ""
    ):
        return permission_denied(request)
    message = _("Translators may only work on their own language.")
    return JsonResponse({"error": message}, status=403)


class TranslatorLanguageMiddleware:
    """Refuse a translator any wagtail-localize URL that touches another language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or LOCALIZE_NAMESPACE not in match.namespaces:
            return None
        if not request.user.is_authenticated:
            return None
        allowed = translator_language_codes(request.user)
        if allowed is None or match.url_name in READ_ONLY_VIEWS:
            return None
        languages_of = LANGUAGES_OF_VIEW.get(match.url_name)
        if languages_of is None:
            return refusal(request)
        if set(languages_of(request, view_kwargs)) <= allowed:
            return None
        return refusal(request)
