"""The demo's PDFs are tagged (PDF/UA-1) with their title shown and their own language; cached."""

import os
import sys
import time
from io import BytesIO

import pytest
from pypdf import PdfReader
from wagtail.documents import get_document_model

from accessibility.checks.pdf_inspection import inspect_pdf
from bench.demo_documents import demo_document_sources
from core import demo_documents
from news.demo_documents import document_html


@pytest.fixture(scope="module")
def untagged():
    """The same HTML as a demo PDF, rendered without the PDF/UA variant."""
    return demo_documents.render_pdf(document_html("Old demo report", ["A line"]), variant=None)


def test_every_demo_pdf_is_tagged_titled_shown_and_in_its_own_language():
    sources = demo_document_sources()
    assert {language for _title, language, _html in sources} == {"az", "en", "ru"}
    for title, language, html in sources:
        content = demo_documents.tagged_pdf(html)
        facts = inspect_pdf(content)
        assert facts.tagged and facts.displays_title, title
        assert (facts.title, facts.language) == (title, language)
        text = PdfReader(BytesIO(content)).pages[0].extract_text()
        assert title.split()[0] in text  # Real text, in the document's own script.


def test_the_untagged_fixture_really_lacks_what_the_demo_has(untagged):
    """Guards the first test: the same HTML without PDF/UA is not tagged and shows no title."""
    facts = inspect_pdf(untagged)
    assert not facts.tagged and not facts.displays_title
    assert facts.title == "Old demo report"


@pytest.fixture
def cache_in(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    renders = []
    render = demo_documents.render_pdf

    def counting_render(html, **options):
        renders.append(html)
        return render(html, **options)

    monkeypatch.setattr(demo_documents, "render_pdf", counting_render)
    return renders


def cached_files():
    return list(demo_documents.cache_dir().glob("*.pdf"))


def test_a_pdf_is_rendered_once_then_read_from_the_cache(cache_in):
    html = document_html("Cached report", ["Line"])
    first = demo_documents.tagged_pdf(html)
    assert demo_documents.tagged_pdf(html) == first
    assert len(cache_in) == 1
    assert len(cached_files()) == 1
    assert demo_documents.tagged_pdf(document_html("Other report", ["Line"])) != first
    assert len(cache_in) == 2


def test_a_damaged_cached_pdf_is_rebuilt_not_served(cache_in):
    html = document_html("Cached report", ["Line"])
    whole = demo_documents.tagged_pdf(html)
    (cached,) = cached_files()
    cached.write_bytes(whole[: len(whole) // 2])  # A load cancelled mid-write, say.
    assert demo_documents.tagged_pdf(html) == whole
    assert len(cache_in) == 2
    assert cached.read_bytes() == whole


def test_a_cached_pdf_older_than_its_time_bound_is_rebuilt(cache_in):
    html = document_html("Cached report", ["Line"])
    demo_documents.tagged_pdf(html)
    (cached,) = cached_files()
    old = time.time() - demo_documents.CACHE_MAX_AGE - 60
    os.utime(cached, (old, old))
    demo_documents.tagged_pdf(html)
    assert len(cache_in) == 2


def test_a_cache_that_cannot_be_written_only_costs_time(settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.VAR_DIR = blocker
    content = demo_documents.tagged_pdf(document_html("Uncached report", ["Line"]))
    assert inspect_pdf(content).tagged


@pytest.mark.django_db
def test_reloading_the_demo_replaces_an_untagged_pdf_under_the_same_name(
    tmp_path, settings, untagged
):
    settings.MEDIA_ROOT = tmp_path
    old = demo_documents.demo_document("Old demo report", "old-demo-report.pdf", untagged)
    old_name = old.file.name
    tagged = demo_documents.tagged_pdf(document_html("Old demo report", ["A line"]))

    document = demo_documents.demo_document("Old demo report", "old-demo-report.pdf", tagged)

    assert document.pk == old.pk
    assert get_document_model().objects.filter(title="Old demo report").count() == 1
    document.refresh_from_db()
    assert document.file.name == old_name  # The link on every page stays the same.
    with document.open_file() as file:
        assert inspect_pdf(file.read()).tagged
    assert document.file_size == len(tagged)
    again = demo_documents.demo_document("Old demo report", "old-demo-report.pdf", tagged)
    assert again.file.name == old_name


def test_a_machine_without_weasyprint_or_pango_is_told_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(demo_documents.PdfRendererMissing) as error:
        demo_documents.render_pdf("<html lang=en><title>T</title></html>")
    assert "apt-get install -y libpango-1.0-0" in str(error.value)
