"""What the demo's tagged PDFs cost a demo load: every demo PDF made cold, then from the cache.

    .venv/bin/python -m bench.demo_documents

"cold" starts with an empty cache in a fresh process (WeasyPrint loaded on the first miss), as
the first demo load on a machine does; "cached" is every later load with the same content.
"""

import os
import sys
import tempfile
import time


def demo_document_sources():
    """(title, language, HTML) of every PDF the demo content attaches (news, report copies)."""
    from institution.demo import report_specs
    from institution.demo.documents import report_html
    from news.demo_content import ARTICLES
    from news.demo_documents import document_html

    sources = [
        (spec.title, spec.language, document_html(spec.title, spec.lines, spec.language))
        for spec in (article.document for article in ARTICLES)
        if spec is not None
    ]
    for values, _type, _year, languages in report_specs():
        sources.extend(
            (getattr(values["title"], code), code, report_html(values, code)) for code in languages
        )
    return sources


def timed(function, pages):
    started = time.perf_counter()
    for html in pages:
        function(html)
    return time.perf_counter() - started


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="bench-demo-documents-")
    import django

    django.setup()
    from core.demo_documents import tagged_pdf

    pages = [html for _title, _language, html in demo_document_sources()]
    cold = timed(tagged_pdf, pages)
    cached = timed(tagged_pdf, pages)
    print(f"{len(pages)} demo PDFs: cold {cold:.3f} s, cached {cached:.3f} s")


if __name__ == "__main__":
    sys.exit(main())
