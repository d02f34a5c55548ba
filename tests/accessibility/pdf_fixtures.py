"""PDFs for the documents check's tests: tagged (PDF/UA-1), untagged, XMP-only title, damaged."""

from io import BytesIO

from pypdf import PdfWriter
from pypdf.xmp import XmpInformation

from core.demo_documents import document_html, render_pdf


def tagged_pdf(title="Annual report", language="en"):
    return render_pdf(document_html(title, language, [("p", "Text.")]), variant="pdf/ua-1")


def untagged_pdf(title="Annual report", language="en"):
    """The same document as `tagged_pdf`, without the PDF/UA variant: a title, a language only."""
    return render_pdf(document_html(title, language, [("p", "Text.")]), variant=None)


def bare_pdf(xmp_title=None, password=None):
    """A blank page with nothing declared (pypdf), optionally a title in XMP or a password."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    if xmp_title:
        xmp = XmpInformation.create()
        xmp.dc_title = {"x-default": xmp_title}
        writer.xmp_metadata = xmp
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    output = BytesIO()
    writer.write(output)
    return output.getvalue()


DAMAGED_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF trailing garbage"
