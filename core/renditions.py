"""The image sizes and formats the public templates show, made when an image is saved.

Each use of an image is one `<picture>`: a WebP `<source>` and the original format in `<img>`,
both with a `srcset` of these widths. Making every rendition when the image is saved (upload,
new focal point, the demo content) means a page view only reads them: no visitor's request
writes a rendition. The templates name the same specs literally (Wagtail's `srcset_image` tag
takes no variables); `tests/home/test_pictures.py` holds the two lists together.
"""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# The `srcset_image` specs of the templates: {use: spec}, each also made as WebP.
PICTURE_SPECS = {
    "card": "fill-{480x270,960x540}",
    "figure": "width-{400,800,1200}",
}
WEBP = "format-webp"


def all_filter_specs():
    """Every rendition the templates can ask for, original format and WebP."""
    specs = []
    for spec in PICTURE_SPECS.values():
        for expanded in Filter.expand_spec(spec):
            specs += [expanded, f"{expanded}|{WEBP}"]
    return specs


def make_renditions(image):
    """Create the renditions `image` lacks (one query when none is missing)."""
    return image.get_renditions(*all_filter_specs())


def make_renditions_after_commit(sender, instance, **kwargs):
    # After commit: the file is stored and a rolled-back upload leaves no rendition behind.
    # Robust: an unreadable file is logged; the upload itself has succeeded, and a page view
    # would still make the rendition (as Wagtail does) rather than fail.
    transaction.on_commit(lambda: make_renditions(instance), robust=True)


def connect():
    post_save.connect(
        make_renditions_after_commit,
        sender=get_image_model(),
        dispatch_uid="core.renditions.make_renditions_after_commit",
    )
