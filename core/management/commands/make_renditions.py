"""Make every rendition the public templates use, for images saved before they used it."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from core.renditions import make_renditions


class Command(BaseCommand):
    help = (
        "Make the sizes and formats of every image that the public templates show "
        "(core/renditions.py), so that no page view has to. Safe to repeat."
    )

    def handle(self, *args, **options):
        count = 0
        for image in (
            get_image_model().objects.prefetch_related("renditions").iterator(chunk_size=100)
        ):
            make_renditions(image)
            count += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"Renditions checked for {count} images.")
