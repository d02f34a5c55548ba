"""Small demo documents written locally (a minimal text PDF), shared by the news demo."""

from hashlib import sha1
from io import BytesIO

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

PAGE_TOP = 770
LINE_HEIGHT = 16


def pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(title, lines, language="en"):
    """The bytes of a one-page PDF with real (selectable, readable) text in Helvetica.

    Only Latin-1 text is supported, which is enough for the English demo documents.
    """
    text_ops = [f"BT /F1 12 Tf {LINE_HEIGHT} TL 72 {PAGE_TOP} Td"]
    text_ops.append(f"/F1 16 Tf ({pdf_escape(title)}) Tj /F1 12 Tf T* T*")
    text_ops.extend(f"({pdf_escape(line)}) Tj T*" for line in lines)
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R /Lang ({language}) "
        "/ViewerPreferences << /DisplayDocTitle true >> >>".encode(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title ({pdf_escape(title)}) >>".encode("latin-1"),
    ]
    output = BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref_at = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref_at)
    )
    return output.getvalue()


def demo_document(title, file_name, lines, language="en"):
    """Return the Wagtail document `title`, writing its PDF the first time (idempotent)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    content = minimal_pdf(title, lines, language)
    # Set as the admin's upload form does, so that the size is known without opening the file.
    document = Document(title=title, file_size=len(content), file_hash=sha1(content).hexdigest())
    document.file = ContentFile(content, name=file_name)
    document.save()
    return document
