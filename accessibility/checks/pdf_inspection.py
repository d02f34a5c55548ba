"""What a PDF tells assistive technology about itself: tags, title shown, language (pypdf)."""

import logging
from dataclasses import dataclass
from io import BytesIO

from pypdf import PdfReader
from pypdf.generic import BooleanObject, NameObject


@dataclass(frozen=True)
class PdfFacts:
    """What one PDF declares; with `error` set, it could not be read and the rest is unknown."""

    tagged: bool = False
    title: str = ""
    displays_title: bool = False
    language: str = ""
    error: str = ""
    is_pdf: bool = True  # False when no PDF could be fetched at all (see document_fetch).


def inspect_pdf(data):
    """The PdfFacts of the PDF `data` (bytes); never raises for a damaged or encrypted file."""
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        return PdfFacts(error="not a PDF file (no %PDF- header)")
    # pypdf logs every repair it makes to a damaged file: our answer says what matters.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return PdfFacts(error="encrypted with a password")
        catalog = reader.trailer["/Root"].get_object()
        return PdfFacts(
            tagged=is_tagged(catalog),
            title=document_title(reader),
            displays_title=displays_title(catalog),
            language=str(catalog.get("/Lang", "") or "").strip(),
        )
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on damaged files.
        return PdfFacts(error=f"cannot be read ({type(error).__name__}: {error})"[:300])


def is_tagged(catalog):
    """A structure tree, and marked content that says the tags are to be trusted."""
    mark_info = _dictionary(catalog.get("/MarkInfo"))
    return "/StructTreeRoot" in catalog and _is_true(mark_info.get("/Marked"))


def displays_title(catalog):
    preferences = _dictionary(catalog.get("/ViewerPreferences"))
    return _is_true(preferences.get("/DisplayDocTitle"))


def document_title(reader):
    """The Info dictionary's /Title, else XMP dc:title (any language), stripped; "" when none."""
    info = reader.metadata
    title = str((info or {}).get(NameObject("/Title"), "") or "").strip()
    if title:
        return title
    xmp = reader.xmp_metadata
    titles = (xmp.dc_title or {}) if xmp is not None else {}
    return next((str(text).strip() for text in titles.values() if str(text).strip()), "")


def _dictionary(value):
    value = value.get_object() if hasattr(value, "get_object") else value
    return value if hasattr(value, "get") else {}


def _is_true(value):
    """A PDF boolean `true` (a string or a number saying so is not one)."""
    return isinstance(value, BooleanObject) and value.value is True
