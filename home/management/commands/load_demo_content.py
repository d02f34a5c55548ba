"""Load (or refresh) the demo site in az, en and ru. Safe to run any number of times."""

import os
import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# Each builder takes the DemoContext and creates or updates its part of the site.
# Apps append their own; order matters (pages need the home page).
DEMO_BUILDERS = [
    "home.demo.build_home",
    "home.demo.build_hotline",
    "news.demo.build_news",
    "institution.demo.build_institution_pages",
    "institution.demo.build_publications",
    "institution.demo.build_offices",
    "institution.demo.build_contact",
    "institution.demo.build_complaint_page",
    "complaints.demo.build_complaint_officers",
    "institution.demo.build_navigation",
    "accessibility.demo.build_statement",
    # Keep these two last (add new builders above them): the translator groups need every
    # language's home page, and locale synchronisation aliases whatever is left untranslated.
    "home.translators.build_translator_groups",
    "home.locale_sync.build_locale_synchronisation",
]

DEMO_ADMIN_USERNAME = "admin"


@dataclass
class DemoContext:
    user: object
    locales: dict
    stdout: object
    homes: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


class Command(BaseCommand):
    help = "Create or refresh the trilingual demo site and a demo administrator."

    def handle(self, *args, **options):
        from accessibility.tasks import suspend_audit_on_publish
        from home.demo import ensure_locales

        user = self.ensure_admin()
        # Dozens of pages are published here: no browser audit for each of them.
        with suspend_audit_on_publish(), transaction.atomic():
            context = DemoContext(user=user, locales=ensure_locales(), stdout=self.stdout)
            for dotted_path in DEMO_BUILDERS:
                import_string(dotted_path)(context)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded in az, en and ru."))

    def ensure_admin(self):
        User = get_user_model()
        user = User.objects.filter(username=DEMO_ADMIN_USERNAME).first()
        if user is not None:
            return user
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user = User.objects.create_superuser(DEMO_ADMIN_USERNAME, "admin@example.org", password)
        if os.environ.get("DEMO_ADMIN_PASSWORD"):
            self.stdout.write(
                f"Created the demo administrator '{DEMO_ADMIN_USERNAME}' "
                "with the password from DEMO_ADMIN_PASSWORD."
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Created the demo administrator '{DEMO_ADMIN_USERNAME}' with the password "
                    f"{password}  (shown only this once; set DEMO_ADMIN_PASSWORD to choose it)."
                )
            )
        return user
