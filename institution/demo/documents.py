"""Small PDF copies of the demo reports, drawn locally with Pillow (nothing is downloaded)."""

from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model

from core.demo_images import load_font

A4_AT_72_DPI = (595, 842)


def draw_pdf(lines):
    """A one-page A4 PDF showing `lines` (a title first); returns its bytes."""
    page = PillowImage.new("L", (A4_AT_72_DPI[0] * 2, A4_AT_72_DPI[1] * 2), 255)
    draw = ImageDraw.Draw(page)
    top = 160
    for index, line in enumerate(lines):
        font = load_font(44 if index == 0 else 28)
        draw.text((110, top), line, font=font, fill=0)
        top += 90 if index == 0 else 50
    buffer = BytesIO()
    page.save(buffer, "PDF", resolution=144, title=lines[0])
    return buffer.getvalue()


def demo_pdf(title, lines, filename):
    """The Wagtail document called `title`, created once with a drawn PDF (idempotent by title)."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is not None:
        return document
    content = draw_pdf(lines)
    document = document_model(title=title, file_size=len(content))
    document.file.save(filename, ContentFile(content), save=False)
    document._set_file_hash()
    document.save()
    return document
