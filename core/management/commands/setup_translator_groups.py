"""Create or refresh the per-language translator groups (see `core.translators`)."""

from django.core.management.base import BaseCommand

from core.translators import setup_translator_groups


class Command(BaseCommand):
    help = (
        "Create or refresh one translator group per site language, whose members edit and "
        "publish only that language's pages and snippets. Safe to run again."
    )

    def handle(self, *args, **options):
        groups = setup_translator_groups()
        if options["verbosity"] > 0:
            for code, group in groups.items():
                self.stdout.write(f"{code}: {group.name}")
