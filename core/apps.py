from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Site core shared by every page app"

    def ready(self):
        from core import renditions
        from core.admin_lazy_labels import translate_redirect_filter_when_shown
        from core.translation_fallback import use_english_as_the_only_fallback

        use_english_as_the_only_fallback()
        renditions.connect()
        translate_redirect_filter_when_shown()
