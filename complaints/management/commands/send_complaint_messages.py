"""Send the complaint e-mails that are due (first attempts that failed, back-offs that passed)."""

from django.core.management.base import BaseCommand

from complaints.delivery import send_due_messages


class Command(BaseCommand):
    help = (
        "Send every pending complaint e-mail whose back-off has passed. Run it every minute "
        "in production (cron or a systemd timer); it is safe to run at any time."
    )

    def handle(self, *args, **options):
        counts = send_due_messages()
        summary = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items()))
        self.stdout.write(summary or "Nothing to send.")
