"""Demo documents as tagged PDFs (PDF/UA-1: structure tree, title shown, language), from HTML.

WeasyPrint renders each document from `core/demo_document.html`. Loading WeasyPrint costs most
of a second and the demo is loaded for many test databases, so each PDF is kept in
`VAR_DIR/cache/demo-documents/` under the hash of everything that decides its bytes (the HTML,
the PDF variant, WeasyPrint's version) and reused for at most `CACHE_MAX_AGE`.
"""

import contextlib
import hashlib
import logging
import os
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from wagtail.documents import get_document_model

PDF_VARIANT = "pdf/ua-1"
# A cached PDF is rebuilt after a week, so that a change the key cannot see (the system's fonts)
# reaches the demo within a week.
CACHE_MAX_AGE = 7 * 24 * 3600
DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
# How much of a cached file's end is searched for the end-of-file marker of a whole PDF.
TRAILER_BYTES = 1024


def document_html(title, language, blocks):
    """The HTML a demo PDF is made from: `blocks` are ("h2" | "h3" | "p", text) pairs."""
    return render_to_string(
        "core/demo_document.html",
        {"title": title, "language": language, "blocks": blocks},
    )


class PdfRendererMissing(RuntimeError):
    """WeasyPrint or the libraries it needs are not installed: the message says what to do."""


def tagged_pdf(html):
    """The bytes of the PDF/UA-1 document WeasyPrint makes of `html` (cached; see above)."""
    key = hashlib.sha256(f"{version('weasyprint')}\n{PDF_VARIANT}\n{html}".encode()).hexdigest()
    cached = _read_cached(key)
    if cached is not None:
        return cached
    content = render_pdf(html, identifier=key[:32].encode("ascii"))
    _write_cached(key, content)
    return content


def render_pdf(html, identifier=None, variant=PDF_VARIANT):
    """Render `html` with WeasyPrint (imported here: only a cache miss pays for loading it)."""
    # WeasyPrint reports each rendering step at INFO: seven lines per PDF in every demo load.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango's libraries could not be loaded.
        raise PdfRendererMissing(
            f"The demo's PDFs cannot be made: WeasyPrint did not load ({error}). Install "
            f"requirements.txt and Debian's packages: apt-get install -y {DEBIAN_PACKAGES} "
            "(or run make pdf-libraries)."
        ) from error

    return HTML(string=html).write_pdf(pdf_variant=variant, pdf_identifier=identifier)


def cache_dir():
    return Path(settings.VAR_DIR) / "cache" / "demo-documents"


def _read_cached(key):
    path = cache_dir() / f"{key}.pdf"
    try:
        if time.time() - path.stat().st_mtime > CACHE_MAX_AGE:
            return None
        content = path.read_bytes()
    except OSError:
        return None
    # Written whole or not at all (see _write_cached); a damaged file is rebuilt, not served.
    if content.startswith(b"%PDF-") and b"%%EOF" in content[-TRAILER_BYTES:]:
        return content
    return None


def _write_cached(key, content):
    """Write atomically (another loader may read the same key); a cache that cannot be written
    only costs time."""
    directory = cache_dir()
    with contextlib.suppress(OSError):
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(content)
            os.replace(temporary, directory / f"{key}.pdf")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def demo_document(title, file_name, content):
    """The Wagtail document `title` holding `content`, created or brought up to date.

    Idempotent by title; a document an earlier demo load made with other bytes (an untagged PDF)
    gets the new file, under the same name.
    """
    document_model = get_document_model()
    file_hash = hashlib.sha1(content).hexdigest()
    document = document_model.objects.filter(title=title).first()
    if document is not None and document.file_hash == file_hash:
        return document
    if document is None:
        document = document_model(title=title)
    elif document.file:
        document.file.delete(save=False)
    # Set as the admin's upload form does, so that the size is known without opening the file.
    document.file_size = len(content)
    document.file_hash = file_hash
    document.file.save(file_name, ContentFile(content), save=False)
    document.save()
    return document
