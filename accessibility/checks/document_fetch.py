"""Fetching linked documents for the documents check: audited site only, bounded, memoised per run.

A fetch never leaves the audited site's origin (redirects elsewhere are not followed), reads at
most `MAX_DOCUMENT_BYTES`, and stops at the check's timeout. `DocumentMemo` keeps what was
learnt of each address, so a PDF linked from 50 pages is fetched once by all the browser workers.
"""

import http.client
import threading
import time
import urllib.error
import urllib.request
from collections import OrderedDict
from urllib.parse import urljoin, urlsplit

from accessibility.checks.pdf_inspection import PdfFacts

MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
CHUNK_BYTES = 64 * 1024
PDF_CONTENT_TYPES = {"application/pdf", "application/x-pdf"}
MAX_REDIRECTS = 5
USER_AGENT = "Mozilla/5.0 (compatible; accessibility-audit documents check)"
# What a memo may hold: addresses, and for how long (a run of the whole site fits in it; a later
# run in the same process sees a replaced document once the entry has expired).
MEMO_MAX_ENTRIES = 1024
MEMO_SECONDS = 15 * 60


class _NotAPdf:
    def __repr__(self):
        return "NOT_A_PDF"


NOT_A_PDF = _NotAPdf()


def origin(url):
    parts = urlsplit(url)
    default_port = {"http": 80, "https": 443}.get(parts.scheme)
    try:
        port = parts.port or default_port
    except ValueError:
        return None
    if default_port is None or not parts.hostname:
        return None
    return parts.scheme, parts.hostname.lower(), port


def same_origin(url, base_url):
    """True for an http(s) URL on the audited site's scheme, host and port."""
    here = origin(url)
    return here is not None and here == origin(base_url)


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by `fetch_document` itself, after checking where they lead."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_RefuseRedirects)


def fetch_document(url, base_url, timeout, inspect):
    """`inspect(bytes)` of the PDF at `url`, NOT_A_PDF, or PdfFacts(error=…) saying what failed."""
    deadline = time.monotonic() + timeout
    for _redirect in range(MAX_REDIRECTS + 1):
        if not same_origin(url, base_url):
            return PdfFacts(error="it leads off the audited site; not fetched", is_pdf=False)
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept": "application/pdf, */*;q=0.1"}
        )
        try:
            with _opener.open(request, timeout=timeout) as response:
                return _read_answer(response, deadline, inspect)
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location") if 300 <= error.code < 400 else None
            error.close()
            if not location:
                return PdfFacts(error=f"the server answered {error.code}", is_pdf=False)
            url = urljoin(url, location)
        # Refused, reset, timed out, cut short, a bad address.
        except (OSError, ValueError, http.client.HTTPException) as error:
            return PdfFacts(error=f"it could not be fetched ({error})", is_pdf=False)
        except _TooSlow:
            return PdfFacts(error=f"it took longer than {timeout:g} s to download")
    return PdfFacts(error=f"more than {MAX_REDIRECTS} redirects", is_pdf=False)


class _TooSlow(Exception):
    pass


def _read_answer(response, deadline, inspect):
    content_type = response.headers.get_content_type()
    # read1 returns what has arrived, so that a document dripping in meets the deadline.
    first = response.read1(CHUNK_BYTES)
    if content_type not in PDF_CONTENT_TYPES and first.lstrip()[:5] != b"%PDF-":
        return NOT_A_PDF
    declared_length = response.headers.get("Content-Length", "")
    if declared_length.isdigit() and int(declared_length) > MAX_DOCUMENT_BYTES:
        return PdfFacts(error=_too_large())
    chunks, size = [first], len(first)
    while chunk := response.read1(CHUNK_BYTES):
        size += len(chunk)
        if size > MAX_DOCUMENT_BYTES:
            return PdfFacts(error=_too_large())
        if time.monotonic() > deadline:
            raise _TooSlow
        chunks.append(chunk)
    if declared_length.isdigit() and size < int(declared_length):
        return PdfFacts(error=f"the answer was cut short ({size} of {declared_length} bytes)")
    return inspect(b"".join(chunks))


def _too_large():
    return f"larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB; not read"


class DocumentMemo:
    """What was learnt of each address, shared by threads: one fetch per address at a time.

    Bounded in entries (least recently used dropped first) and in time (`seconds`).
    """

    def __init__(self, max_entries=MEMO_MAX_ENTRIES, seconds=MEMO_SECONDS, clock=time.monotonic):
        self.max_entries = max_entries
        self.seconds = seconds
        self.clock = clock
        self._entries = OrderedDict()  # url -> (stored at, value)
        self._pending = {}  # url -> Event set when its fetch ends
        self._lock = threading.Lock()

    def cached(self, url):
        """The fresh value for `url`, or None."""
        with self._lock:
            return self._fresh(url)

    def get(self, url, compute, wait):
        """The value for `url`: memoised, or computed here, or awaited (up to `wait` seconds)
        from the thread already computing it."""
        with self._lock:
            value = self._fresh(url)
            if value is not None:
                return value
            pending = self._pending.get(url)
            owner = pending is None
            if owner:
                pending = self._pending[url] = threading.Event()
        if not owner:
            pending.wait(wait)
            value = self.cached(url)
            # The other thread failed or is too slow: fetch it here (rare; stays correct).
            return value if value is not None else compute()
        try:
            value = compute()
            with self._lock:
                self._store(url, value)
            return value
        finally:
            with self._lock:
                self._pending.pop(url, None)
            pending.set()

    def clear(self):
        with self._lock:
            self._entries.clear()

    def __len__(self):
        return len(self._entries)

    def _fresh(self, url):
        entry = self._entries.get(url)
        if entry is None:
            return None
        stored_at, value = entry
        if self.clock() - stored_at > self.seconds:
            del self._entries[url]
            return None
        self._entries.move_to_end(url)
        return value

    def _store(self, url, value):
        self._entries[url] = (self.clock(), value)
        self._entries.move_to_end(url)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
