"""The news demo's attached documents: tagged PDFs made from their lines (core.demo_documents)."""

from core import demo_documents


def document_html(title, lines, language="en"):
    """The HTML the document's PDF is made from: its title, then one paragraph per line."""
    return demo_documents.document_html(title, language, [("p", line) for line in lines])


def demo_document(title, file_name, lines, language="en"):
    """Return the Wagtail document `title`: a tagged PDF in `language` showing `lines`."""
    content = demo_documents.tagged_pdf(document_html(title, lines, language))
    return demo_documents.demo_document(title, file_name, content)
