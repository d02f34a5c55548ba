from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Home and site-wide content"

    def ready(self):
        from home import renditions
        from home.admin_lazy_labels import translate_redirect_filter_when_shown
        from home.translation_fallback import use_english_as_the_only_fallback

        use_english_as_the_only_fallback()
        renditions.connect()
        translate_redirect_filter_when_shown()
