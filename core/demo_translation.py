"""Translate demo content the way an editor does: through wagtail-localize's translation records.

Every source string of an object must have a translation in the mapping; a missing one is an
error, so the demo never shows Azerbaijani text on an English page by accident.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class MissingDemoTranslation(Exception):
    pass


@transaction.atomic
def translate_instance(instance, language_code, strings, user=None, publish=True):
    """Create or update the translation of `instance` from `strings` (source text -> target)."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    missing = []
    for segment in segments:
        text = segment.string.data
        if text not in strings:
            missing.append(text)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": strings[text],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
    if missing:
        raise MissingDemoTranslation(
            f"{instance!r} has no {language_code} translation for: {missing!r}. "
            "Add them to the demo content's translation table."
        )
    # wagtail-localize publishes pages in a transaction.on_commit hook; the demo publishes at
    # once, so that it behaves the same inside a test's never-committed transaction.
    is_page = isinstance(instance, Page)
    translation.save_target(user=user, publish=publish and not is_page)
    translated = instance.get_translation(locale)
    if is_page and publish:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated
