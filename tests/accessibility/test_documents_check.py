"""The documents check without a browser: reading PDFs, choosing links, fetching, the run memo."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import translation
from selenium.common.exceptions import WebDriverException

from accessibility.checks import documents
from accessibility.checks.document_fetch import (
    MAX_DOCUMENT_BYTES,
    NOT_A_PDF,
    DocumentMemo,
    fetch_document,
    same_origin,
)
from accessibility.checks.findings import NEEDS_REVIEW, VIOLATION, CheckContext
from accessibility.checks.pdf_inspection import PdfFacts, inspect_pdf

from .pdf_fixtures import DAMAGED_PDF, bare_pdf, tagged_pdf, untagged_pdf


@pytest.fixture(scope="module")
def pdfs():
    return {"tagged": tagged_pdf(language="az"), "untagged": untagged_pdf()}


def test_a_tagged_pdf_declares_everything(pdfs):
    assert inspect_pdf(pdfs["tagged"]) == PdfFacts(
        tagged=True, title="Annual report", displays_title=True, language="az"
    )


def test_an_untagged_pdf_is_seen_as_untagged_with_its_title_not_shown(pdfs):
    facts = inspect_pdf(pdfs["untagged"])
    assert (facts.tagged, facts.displays_title, facts.error) == (False, False, "")
    assert (facts.title, facts.language) == ("Annual report", "en")


def test_a_bare_pdf_has_no_title_and_no_language():
    facts = inspect_pdf(bare_pdf())
    assert (facts.tagged, facts.title, facts.displays_title, facts.language) == (
        False,
        "",
        False,
        "",
    )


def test_a_title_in_xmp_only_counts():
    assert inspect_pdf(bare_pdf(xmp_title="Only in XMP")).title == "Only in XMP"


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (DAMAGED_PDF, "cannot be read"),
        (b"<html>not a PDF</html>", "not a PDF"),
        (b"", "not a PDF"),
        (bare_pdf(password="secret"), "encrypted"),
    ],
)
def test_a_pdf_that_cannot_be_read_is_said_so_not_raised(data, says):
    assert says in inspect_pdf(data).error


def link(url="http://127.0.0.1:8000/documents/1/report.pdf", declared=True):
    return documents.DocumentLink(url, "main > p > a", '<a href="/report.pdf">Report</a>', declared)


def test_each_missing_declaration_is_its_own_finding_against_the_link():
    findings = documents.findings_for(link(), PdfFacts())
    assert [(f.rule_id, f.criterion, f.kind) for f in findings] == [
        ("pdf-tagged", "1.3.1", VIOLATION),
        ("pdf-title", "2.4.2", VIOLATION),
        ("pdf-display-title", "2.4.2", VIOLATION),
        ("pdf-language", "3.1.1", VIOLATION),
    ]
    assert {(f.target, f.html) for f in findings} == {
        ("main > p > a", '<a href="/report.pdf">Report</a>')
    }
    assert all("report.pdf" in f.failure_summary for f in findings)
    with translation.override("az"):
        assert str(findings[3].help) == (
            "Keçid verilən PDF sənədlərində yazıldıqları dil göstərilməlidir."
        )
    with translation.override("ru"):
        assert str(findings[1].help).startswith("У PDF-документов, на которые ведут ссылки")


def test_a_complete_pdf_and_an_answer_that_is_no_pdf_give_no_finding():
    complete = PdfFacts(tagged=True, title="T", displays_title=True, language="en")
    assert documents.findings_for(link(), complete) == []
    assert documents.findings_for(link(declared=False), NOT_A_PDF) == []


def test_an_unreadable_pdf_needs_review_and_never_counts_as_a_violation():
    (finding,) = documents.findings_for(link(), PdfFacts(error="the server answered 500"))
    assert (finding.rule_id, finding.kind) == ("pdf-unreadable", NEEDS_REVIEW)
    assert "answered 500" in finding.failure_summary
    # A link that only might have led to a PDF is not reported when nothing could be fetched.
    undeclared = link(url="http://127.0.0.1:8000/download", declared=False)
    assert documents.findings_for(undeclared, PdfFacts(error="x", is_pdf=False)) == []


def raw(href, **extra):
    return {"href": href, "selector": "a", "html": "<a>", "type": "", "download": False, **extra}


def test_links_worth_a_look_are_same_site_and_pdf_or_of_unknown_type():
    base = "http://127.0.0.1:8000"
    links = documents.document_links(
        [
            raw(f"{base}/documents/1/report.pdf#page=2"),
            raw(f"{base}/documents/2/REPORT.PDF"),
            raw(f"{base}/files/get?id=3", type="application/pdf"),
            raw(f"{base}/documents/4/download"),
            raw(f"{base}/az/news/"),
            raw(f"{base}/az/page.html"),
            raw(f"{base}/image.png"),
            raw("http://127.0.0.1:9999/report.pdf"),
            raw("https://127.0.0.1:8000/report.pdf"),
            raw("http://example.org/report.pdf"),
            raw("mailto:office@example.org"),
            raw("tel:916"),
        ],
        base,
    )
    assert [(found.url, found.declared) for found in links] == [
        (f"{base}/documents/1/report.pdf", True),
        (f"{base}/documents/2/REPORT.PDF", True),
        (f"{base}/files/get?id=3", True),
        (f"{base}/documents/4/download", False),
    ]


def test_same_origin_compares_scheme_host_and_port():
    assert same_origin("http://LOCALHOST:80/a.pdf", "http://localhost")
    assert not same_origin("http://localhost.evil.example/a.pdf", "http://localhost")
    assert not same_origin("http://localhost:notaport/a.pdf", "http://localhost")
    assert not same_origin("file:///etc/passwd", "http://localhost")


class PdfServer:
    """A loopback server of canned answers: path -> (status, headers, body, seconds per chunk)."""

    def __init__(self):
        self.routes = {}
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 - the name http.server calls
                server.requests.append(self.path)
                status, headers, body, delay = server.routes.get(
                    self.path, (404, {}, b"missing", 0)
                )
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                for start in range(0, len(body), 4096):
                    time.sleep(delay)
                    self.wfile.write(body[start : start + 4096])

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def pdf_server():
    server = PdfServer()
    yield server
    server.stop()


def fetch(server, path, timeout=5):
    return fetch_document(server.base_url + path, server.base_url, timeout, inspect_pdf)


def test_fetch_reads_a_pdf_by_content_type_even_without_extension(pdf_server, pdfs):
    pdf_server.routes["/download"] = (200, {"Content-Type": "application/pdf"}, pdfs["tagged"], 0)
    assert fetch(pdf_server, "/download").tagged
    pdf_server.routes["/sniffed"] = (
        200,
        {"Content-Type": "application/octet-stream"},
        DAMAGED_PDF,
        0,
    )
    assert "cannot be read" in fetch(pdf_server, "/sniffed").error


def test_fetch_says_not_a_pdf_for_a_page(pdf_server):
    pdf_server.routes["/page"] = (200, {"Content-Type": "text/html"}, b"<!DOCTYPE html>", 0)
    assert fetch(pdf_server, "/page") is NOT_A_PDF


def test_fetch_follows_redirects_on_the_site_only(pdf_server, pdfs):
    pdf_server.routes["/old.pdf"] = (301, {"Location": "/new.pdf"}, b"", 0)
    pdf_server.routes["/new.pdf"] = (200, {"Content-Type": "application/pdf"}, pdfs["tagged"], 0)
    assert fetch(pdf_server, "/old.pdf").tagged
    pdf_server.routes["/away.pdf"] = (302, {"Location": "http://127.0.0.2:9/x.pdf"}, b"", 0)
    facts = fetch(pdf_server, "/away.pdf")
    assert "off the audited site" in facts.error
    pdf_server.routes["/loop.pdf"] = (302, {"Location": "/loop.pdf"}, b"", 0)
    assert "redirects" in fetch(pdf_server, "/loop.pdf").error


def test_fetch_refuses_a_url_off_the_site():
    facts = fetch_document("http://127.0.0.2:9/x.pdf", "http://127.0.0.1:9", 1, inspect_pdf)
    assert "off the audited site" in facts.error


def test_fetch_reports_errors_instead_of_raising(pdf_server):
    assert fetch(pdf_server, "/missing.pdf").error == "the server answered 404"
    closed = "http://127.0.0.1:9/report.pdf"
    assert "could not be fetched" in fetch_document(closed, closed, 1, inspect_pdf).error


def test_fetch_does_not_read_a_document_over_the_size_bound(pdf_server):
    declared = {"Content-Type": "application/pdf", "Content-Length": str(MAX_DOCUMENT_BYTES + 1)}
    pdf_server.routes["/huge.pdf"] = (200, declared, b"%PDF-1.7\n", 0)
    assert "larger than" in fetch(pdf_server, "/huge.pdf").error
    endless = b"%PDF-1.7\n" + b"0" * (MAX_DOCUMENT_BYTES + 1)
    pdf_server.routes["/endless.pdf"] = (200, {"Content-Type": "application/pdf"}, endless, 0)
    assert "larger than" in fetch(pdf_server, "/endless.pdf").error


def test_fetch_gives_up_on_a_document_dripping_in_past_the_timeout(pdf_server, pdfs):
    headers = {"Content-Type": "application/pdf"}
    pdf_server.routes["/slow.pdf"] = (200, headers, pdfs["tagged"] * 3, 0.3)
    started = time.monotonic()
    facts = fetch(pdf_server, "/slow.pdf", timeout=1)
    assert "longer than 1 s" in facts.error
    assert time.monotonic() - started < 3


def test_memo_fetches_an_address_once_for_all_threads():
    memo, calls = DocumentMemo(), []

    def compute():
        calls.append(1)
        time.sleep(0.2)
        return PdfFacts(tagged=True)

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(memo.get("u", compute, 5))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert results == [PdfFacts(tagged=True)] * 8


def test_memo_is_bounded_in_entries_and_in_time():
    now = [0.0]
    memo = DocumentMemo(max_entries=3, seconds=60, clock=lambda: now[0])
    for number in range(5):
        memo.get(f"u{number}", lambda number=number: number, 1)
    assert len(memo) == 3
    assert memo.cached("u0") is None and memo.cached("u4") == 4
    now[0] = 61
    assert memo.cached("u4") is None
    assert memo.get("u4", lambda: "fetched again", 1) == "fetched again"


def test_a_failed_fetch_is_not_left_pending():
    memo = DocumentMemo()

    def broken():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        memo.get("u", broken, 1)
    assert memo.get("u", lambda: "fine", 1) == "fine"


def test_fetch_reports_an_answer_cut_short(pdf_server, pdfs):
    headers = {"Content-Type": "application/pdf", "Content-Length": str(len(pdfs["tagged"]) * 2)}
    pdf_server.routes["/cut.pdf"] = (200, headers, pdfs["tagged"], 0)
    facts = fetch(pdf_server, "/cut.pdf")
    assert "cut short" in facts.error and not facts.tagged


class FakeDriver:
    """Answers the links script with `links`, or raises what the browser would."""

    def __init__(self, links=None, error=None):
        self.links, self.error = links, error

    def execute_script(self, script):
        if self.error:
            raise self.error
        return self.links


def page_context(timeout=5):
    return CheckContext(
        "http://127.0.0.1:8000/en/", "http://127.0.0.1:8000", "en", "1280x800", timeout
    )


def test_a_page_whose_links_cannot_be_read_needs_review_instead_of_crashing():
    driver = FakeDriver(error=WebDriverException("target window already closed"))
    (finding,) = documents.check_documents(driver, page_context())
    assert (finding.rule_id, finding.kind) == ("pdf-unreadable", NEEDS_REVIEW)
    assert finding.target == "http://127.0.0.1:8000/en/"


def test_documents_past_the_pages_time_budget_need_review_and_are_not_fetched(monkeypatch):
    fetched = []

    def slow_fetch(url, context):
        fetched.append(url)
        time.sleep(0.25)
        return PdfFacts(tagged=True, title="T", displays_title=True, language="en")

    monkeypatch.setattr(documents, "fetch", slow_fetch)
    documents.forget_documents()
    links = [raw(f"http://127.0.0.1:8000/r{number}.pdf") for number in range(6)]
    findings = documents.check_documents(FakeDriver(links), page_context(timeout=0.2))
    documents.forget_documents()
    assert 2 <= len(fetched) <= 4  # The budget is 3 × 0.2 s.
    assert len(findings) == 6 - len(fetched)
    assert {(f.rule_id, f.kind) for f in findings} == {("pdf-unreadable", NEEDS_REVIEW)}
    assert all("not fetched" in f.failure_summary for f in findings)


def test_a_new_run_fetches_again_what_an_earlier_run_learnt():
    """The engine tells the chosen checks a run starts; the documents memo is then empty, so a PDF
    replaced between two runs is read afresh by the second."""
    from accessibility.checks.registry import start_run

    documents.memo.get("https://site.example/report.pdf", lambda: "first run's facts", 5)
    start_run(["keyboard"])  # A run without the documents check leaves its memo alone...
    assert documents.memo.cached("https://site.example/report.pdf") == "first run's facts"
    start_run(["documents"])  # ...a run with it starts from nothing.
    assert documents.memo.cached("https://site.example/report.pdf") is None
