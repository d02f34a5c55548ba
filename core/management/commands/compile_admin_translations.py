"""Build the Wagtail admin's Azerbaijani and Russian catalogs (see `core.admin_translations`)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from core.admin_translations import build_admin_catalogs


class Command(BaseCommand):
    help = (
        "Merge our reviewed admin translations with Wagtail's and wagtail-localize's az_AZ "
        "and ru catalogs into the admin's catalogs (settings.ADMIN_LOCALE_DIR)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.ADMIN_LOCALE_DIR),
            help="Folder to write <language>/LC_MESSAGES/*.mo into (default: %(default)s).",
        )

    def handle(self, *args, output_dir, **options):
        counts = build_admin_catalogs(output_dir)
        if options["verbosity"] > 0:
            summary = ", ".join(f"{domain}: {count} entries" for domain, count in counts.items())
            self.stdout.write(f"Admin catalogs written to {output_dir} ({summary}).")
