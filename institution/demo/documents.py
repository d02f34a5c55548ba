"""The PDF copies of the demo reports: tagged PDFs made from each report's HTML version."""

from core import demo_documents


def report_html(values, language):
    """The HTML a report's PDF is made from: its title, summary and body in `language`."""
    blocks = [("p", getattr(values["summary"], language))]
    blocks.extend((kind, getattr(text, language)) for kind, text in values["body"].items)
    return demo_documents.document_html(getattr(values["title"], language), language, blocks)


def demo_pdf(values, language, filename):
    """The Wagtail document of the report `values` in `language` (idempotent by title)."""
    content = demo_documents.tagged_pdf(report_html(values, language))
    return demo_documents.demo_document(getattr(values["title"], language), filename, content)
