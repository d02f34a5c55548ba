from django.apps import AppConfig


class AccessibilityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accessibility"
    verbose_name = "Accessibility"

    def ready(self):
        from accessibility import publishing

        # Every publishing path refuses content with accessibility errors (publishing.py).
        publishing.install()
