"""Remove a staff member's authenticator and recovery codes, for someone who lost both."""

import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff.devices import remove_two_factor
from staff.policy import is_privileged

auth_logger = logging.getLogger("staff.auth")


class Command(BaseCommand):
    help = (
        "Remove USERNAME's authenticator and recovery codes (after checking who is asking, "
        "out of band). Their next sign-in sets two-step verification up again where it is "
        "required; where it is optional, it is off until they turn it on."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"There is no user '{username}'.") from error
        remove_two_factor(user)
        auth_logger.info("two-factor reset by command user=%s", username)
        then = (
            "their next sign-in asks them to set it up again"
            if is_privileged(user)
            else "it stays off until they turn it on"
        )
        self.stdout.write(f"Removed the authenticator and recovery codes of '{username}': {then}.")
