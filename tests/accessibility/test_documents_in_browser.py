"""The documents check on pages in headless Chromium: a fixture page and the demo's own PDFs."""

from urllib.parse import urljoin

import pytest

from accessibility.checks import documents
from accessibility.checks.findings import NEEDS_REVIEW, CheckContext
from accessibility.checks.pdf_inspection import PdfFacts

from . import fixture_site as fixture_site_module
from .pdf_fixtures import DAMAGED_PDF, bare_pdf, tagged_pdf, untagged_pdf

pytestmark = pytest.mark.browser


def context_for(url, base_url):
    return CheckContext(url=url, base_url=base_url, language="en", viewport="1280x800", timeout=5)


@pytest.fixture
def documents_page(fixture_site, monkeypatch):
    """A page linking a good, a bad, an unreadable, a missing and an off-site PDF."""
    for path, data in {
        "/good.pdf": tagged_pdf(),
        "/bad.pdf": untagged_pdf(),
        "/download/bare": bare_pdf(),
        "/damaged.pdf": DAMAGED_PDF,
    }.items():
        monkeypatch.setitem(fixture_site_module.NOT_HTML, path, (data, "application/pdf"))
    fixture_site.overrides["/documents.html"] = f"""<!DOCTYPE html>
<html lang="en"><head><title>Reports</title></head><body><main>
<h1>Reports</h1>
<p><a id="good" href="/good.pdf">Good report</a></p>
<p><a href="/bad.pdf">Bad report</a> and <a class="again" href="/bad.pdf#page=2">again</a></p>
<p><a href="/download/bare">Download</a></p>
<p><a href="/damaged.pdf">Damaged</a> <a href="/missing.pdf">Missing</a></p>
<p><a href="{fixture_site.other_base_url}/elsewhere.pdf">Elsewhere</a>
<a href="/clean.html">A page</a></p>
</main></body></html>"""
    documents.forget_documents()
    yield urljoin(fixture_site.base_url, "/documents.html")
    documents.forget_documents()


def test_each_bad_pdf_is_reported_against_each_link_to_it(browser, fixture_site, documents_page):
    browser.get(documents_page)
    findings = documents.check_documents(
        browser, context_for(documents_page, fixture_site.base_url)
    )
    found = {(f.rule_id, f.target, f.kind) for f in findings}
    bad_link = "html > body > main > p:nth-of-type(2) > a:nth-of-type(1)"
    bad_again = "html > body > main > p:nth-of-type(2) > a:nth-of-type(2)"
    bare_link = "html > body > main > p:nth-of-type(3) > a"
    unreadable = [f for f in findings if f.rule_id == "pdf-unreadable"]
    assert {
        ("pdf-tagged", bad_link, "violation"),
        ("pdf-display-title", bad_link, "violation"),
        ("pdf-tagged", bad_again, "violation"),
        ("pdf-display-title", bad_again, "violation"),
        ("pdf-tagged", bare_link, "violation"),
        ("pdf-title", bare_link, "violation"),
        ("pdf-display-title", bare_link, "violation"),
        ("pdf-language", bare_link, "violation"),
    } == {item for item in found if item[0] != "pdf-unreadable"}
    # The damaged and the missing PDF need review; neither is a violation nor an exception.
    damaged, missing = sorted(f.failure_summary.rsplit("/", 1)[1] for f in unreadable)
    assert damaged.startswith("damaged.pdf: cannot be read")
    assert missing == "missing.pdf: the server answered 404"
    assert {f.kind for f in unreadable} == {NEEDS_REVIEW}
    # The links themselves are reported: markup as the page has it, a selector that finds it.
    bad = next(f for f in findings if f.target == bad_link)
    assert bad.html == '<a href="/bad.pdf">Bad report</a>'
    assert browser.find_element("css selector", bad_link).text == "Bad report"
    assert not any(f.target.startswith("#good") for f in findings)
    # The good PDF was read and found complete; the other site's PDF was never asked for.
    good = documents.memo.cached(urljoin(fixture_site.base_url, "/good.pdf"))
    assert isinstance(good, PdfFacts) and good.tagged and good.language == "en"
    assert "/elsewhere.pdf" not in fixture_site.requests


def test_a_pdf_is_fetched_once_per_run_however_many_pages_link_it(
    browser, fixture_site, documents_page
):
    context = context_for(documents_page, fixture_site.base_url)
    for _page in range(3):
        browser.get(documents_page)
        assert documents.check_documents(browser, context)
    assert fixture_site.requests.count("/bad.pdf") == 1
    assert fixture_site.requests.count("/good.pdf") == 1
    documents.forget_documents()  # A new run asks again.
    documents.check_documents(browser, context)
    assert fixture_site.requests.count("/bad.pdf") == 2


DEMO_PAGES_WITH_PDFS = (
    "/az/meruzeler/illik-meruze-2024/",
    "/en/reports/annual-report-2024/",
    "/ru/doklady/ezhegodnyi-doklad-2024/",
    "/en/reports/health-care-in-places-of-detention/",
    "/en/news/annual-report-2022-presented-to-parliament/",
    "/en/news/human-rights-summer-school-2021/",
)


def test_the_demo_sites_pdfs_give_no_finding(browser, demo_server):
    documents.forget_documents()
    failures, inspected = [], 0
    for path in DEMO_PAGES_WITH_PDFS:
        url = urljoin(demo_server.base_url, path)
        browser.get(url)
        assert "404" not in browser.title and browser.title, path
        findings = documents.check_documents(browser, context_for(url, demo_server.base_url))
        failures.extend(f"{path}: {f.rule_id} {f.failure_summary}" for f in findings)
        links = documents.document_links(
            browser.execute_script(documents.LINKS_SCRIPT), demo_server.base_url
        )
        pdfs = [documents.memo.cached(found.url) for found in links if found.declared]
        assert pdfs and all(isinstance(facts, PdfFacts) for facts in pdfs), path
        inspected += len(pdfs)
    documents.forget_documents()
    assert not failures, "\n".join(failures)
    assert inspected >= len(DEMO_PAGES_WITH_PDFS)
