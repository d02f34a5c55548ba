"""Admin hooks of the site core: translators keep to their own language's snippets; the
translation editor's one hard-coded English label is read in the editor's language."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import Locale, TranslatableMixin

from core.translators import locale_denied_response

# Before wagtail-localize's own `before_edit_snippet`, which shows the translation editor.
BEFORE_WAGTAIL_LOCALIZE = -100


def snippet_language(instance):
    if isinstance(instance, TranslatableMixin):
        return instance.locale.language_code
    return None


@hooks.register("before_edit_snippet", order=BEFORE_WAGTAIL_LOCALIZE)
def keep_translators_to_their_language_on_edit(request, instance):
    language = snippet_language(instance)
    return locale_denied_response(request, [language]) if language else None


@hooks.register("before_delete_snippet", order=BEFORE_WAGTAIL_LOCALIZE)
def keep_translators_to_their_language_on_delete(request, instances):
    languages = [language for language in map(snippet_language, instances) if language]
    return locale_denied_response(request, languages)


@hooks.register("before_create_snippet", order=BEFORE_WAGTAIL_LOCALIZE)
def keep_translators_to_their_language_on_create(request, model):
    if not issubclass(model, TranslatableMixin):
        return None
    language = request.GET.get("locale") or Locale.get_default().language_code
    return locale_denied_response(request, [language])


@hooks.register("insert_global_admin_js")
def translate_the_translation_editors_hard_coded_label():
    return format_html(
        '<script src="{}" defer></script>', static("admin/translate-localize-labels.js")
    )
