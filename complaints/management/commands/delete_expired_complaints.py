"""Delete closed complaints older than the retention period, with their files (dry run first)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from complaints.retention import delete_expired_cases, expired_cases


class Command(BaseCommand):
    help = (
        "Delete closed complaints whose case was closed more than COMPLAINT_RETENTION_DAYS "
        "days ago, with their attachments. Run with --dry-run first to see what would go."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the cases that would be deleted."
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Retention in days (default COMPLAINT_RETENTION_DAYS, now "
            f"{settings.COMPLAINT_RETENTION_DAYS}).",
        )

    def handle(self, *args, dry_run=False, days=None, **options):
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        days = settings.COMPLAINT_RETENTION_DAYS if days is None else days
        if dry_run:
            references = list(expired_cases(days).values_list("reference", flat=True))
            for reference in references:
                self.stdout.write(f"would delete {reference}")
            self.stdout.write(
                f"{len(references)} closed complaint(s) older than {days} days would be "
                "deleted (dry run: nothing deleted)."
            )
            return
        references = delete_expired_cases(days)
        for reference in references:
            self.stdout.write(f"deleted {reference}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(references)} closed complaint(s) older than {days} days deleted."
            )
        )
