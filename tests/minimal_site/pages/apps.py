from django.apps import AppConfig


class MinimalPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tests.minimal_site.pages"
    label = "minimal_pages"
