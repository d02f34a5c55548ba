"""The demo loader's framework: the context every builder shares, the locales, the builders' order.

The project names each app's builders, in order, in the `DEMO_CONTENT_BUILDERS` setting (core
names no page app). core's own builders run after them: the translator groups need every
language's home page, and locale synchronisation aliases whatever is left untranslated.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string
from wagtail.models import Locale

CORE_FINAL_BUILDERS = (
    "core.translators.build_translator_groups",
    "core.locale_sync.build_locale_synchronisation",
)


@dataclass
class DemoContext:
    user: object
    locales: dict
    stdout: object
    homes: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("az", "en", "ru")
    }


def demo_builder_paths():
    """Every builder's dotted path, in the order they run."""
    return [*settings.DEMO_CONTENT_BUILDERS, *CORE_FINAL_BUILDERS]


def run_demo_builders(context, paths):
    for dotted_path in paths:
        import_string(dotted_path)(context)
