"""Wagtail's `publish_scheduled`, where a page refused for accessibility errors is logged and
skipped instead of stopping the run (this app comes before `wagtail` in INSTALLED_APPS)."""

import logging

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from accessibility.publishing import collect_refusals

logger = logging.getLogger(__name__)


class Command(WagtailCommand):
    def handle(self, *args, **options):
        with collect_refusals() as refusals:
            super().handle(*args, **options)
        for refusal in refusals:
            # The revision stays scheduled: it goes live on the first run after it is fixed
            # (an editor's fixed version replaces it), and each run says why it did not.
            logger.warning(
                "Scheduled publishing of page %s refused: %s", refusal.page.pk, refusal.message
            )
            self.stderr.write(f"Not published (page {refusal.page.pk}): {refusal.message}")
