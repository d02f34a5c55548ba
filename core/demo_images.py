"""Demo images drawn locally with Pillow (nothing is downloaded), shared by every demo builder.

The image's ``description`` holds a default alternative text, but alt text belongs to each use
of an image (the block or field that shows it), so builders pass real alt text there too.
"""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

DEMO_IMAGE_SIZE = (1200, 675)
FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


def load_font(size):
    """A font with Azerbaijani and Cyrillic letters, or Pillow's own when none is installed."""
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def darker(colour, factor=0.55):
    return tuple(int(channel * factor) for channel in colour)


def hex_to_rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[index : index + 2], 16) for index in (0, 2, 4))


def draw_picture(colour, text_lines):
    """A poster-like picture: a diagonal band of shapes and the given lines of text."""
    width, height = DEMO_IMAGE_SIZE
    background = hex_to_rgb(colour) if isinstance(colour, str) else tuple(colour)
    picture = PillowImage.new("RGB", DEMO_IMAGE_SIZE, background)
    draw = ImageDraw.Draw(picture)
    shade = darker(background)
    for step in range(6):
        left = step * width // 6
        draw.polygon(
            [(left, height), (left + width // 6, height), (left + width // 3, height // 2)],
            fill=darker(background, 0.75 + step * 0.04),
        )
    draw.ellipse((width - 330, 60, width - 90, 300), outline=(255, 255, 255), width=10)
    draw.rectangle((0, 0, width, 18), fill=shade)
    font = load_font(64)
    top = 110
    for line in text_lines:
        draw.text(
            (80, top), line, font=font, fill=(255, 255, 255), stroke_width=3, stroke_fill=shade
        )
        top += 86
    return picture


def demo_image(title, colour, text_lines, alt_text="", collection=None):
    """Return the Wagtail image `title`, drawing and saving it the first time (idempotent).

    `colour` is "#rrggbb" or an RGB tuple; `text_lines` are drawn on the picture; `alt_text` is
    stored as the image's default description (uses of the image should still give their own).
    """
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        if alt_text and existing.description != alt_text:
            existing.description = alt_text
            existing.save(update_fields=["description"])
        return existing
    buffer = BytesIO()
    draw_picture(colour, text_lines).save(buffer, format="PNG", optimize=True)
    file_name = "demo-" + hashlib.sha1(title.encode()).hexdigest()[:12] + ".png"
    image = Image(title=title, description=alt_text)
    if collection is not None:
        image.collection = collection
    image.file = ImageFile(BytesIO(buffer.getvalue()), name=file_name)
    image.save()
    return image
