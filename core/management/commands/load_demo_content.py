"""Load (or refresh) the demo site in az, en and ru. Safe to run any number of times."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.demo import DemoContext, demo_builder_paths, ensure_locales, run_demo_builders

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_EMAIL = "admin@example.org"


class Command(BaseCommand):
    help = "Create or refresh the trilingual demo site and a demo administrator."

    def handle(self, *args, **options):
        from accessibility.tasks import suspend_audit_on_publish

        user = self.ensure_admin()
        # Dozens of pages are published here: no browser audit for each of them.
        with suspend_audit_on_publish(), transaction.atomic():
            context = DemoContext(user=user, locales=ensure_locales(), stdout=self.stdout)
            run_demo_builders(context, demo_builder_paths())
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        # Images the demo kept from an earlier load get the renditions templates now use.
        call_command("make_renditions", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded in az, en and ru."))

    def ensure_admin(self):
        User = get_user_model()
        user = User.objects.filter(username=DEMO_ADMIN_USERNAME).first()
        if user is not None:
            return user
        chosen = os.environ.get("DEMO_ADMIN_PASSWORD")
        user = User(username=DEMO_ADMIN_USERNAME, email=DEMO_ADMIN_EMAIL)
        password = checked_password(chosen, user) if chosen else generated_password(user)
        user = User.objects.create_superuser(DEMO_ADMIN_USERNAME, DEMO_ADMIN_EMAIL, password)
        if chosen:
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
        self.stdout.write(
            "Its first sign-in asks it to set up two-step verification: have an authenticator "
            "app at hand (see the README)."
        )
        return user


def checked_password(password, user):
    """DEMO_ADMIN_PASSWORD, if the site's password validators accept it."""
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise CommandError(
            "DEMO_ADMIN_PASSWORD is refused by the password validators: "
            + " ".join(error.messages)
            + " Choose another, or unset DEMO_ADMIN_PASSWORD to have one generated."
        ) from error
    return password


def generated_password(user):
    """A random password that the site's password validators accept."""
    for _attempt in range(10):
        password = secrets.token_urlsafe(15)
        try:
            validate_password(password, user=user)
        except ValidationError:
            continue
        return password
    raise CommandError("Could not generate a password the password validators accept.")
