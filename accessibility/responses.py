"""What an address answers before a browser loads it: its HTTP status and content type.

Asked from Python with HEAD; when HEAD's answer is not a plain success with an HTML type (some
servers answer HEAD with 405, 404 or a wrong type), confirmed with a GET whose body is never
read. Used for addresses whose kind is unknown (a sitemap's, a `--url`), so that a PDF or an
image is recorded as skipped instead of being audited as a page.
"""

import time
import urllib.error
import urllib.request
from dataclasses import dataclass

HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "accessibility-audit (axe-core)"


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str  # The media type alone, lower case ("application/pdf"); "" if none.

    @property
    def is_html(self):
        return self.content_type in HTML_TYPES or not self.content_type


class NoAnswerInTime(TimeoutError):
    """The server took the connection but sent no response headers within the timeout."""


def media_type(header):
    return (header or "").split(";", 1)[0].strip().lower()


def ask(url, timeout):
    """The server's Answer about `url`; None when this machine cannot reach it at all (the
    browser, perhaps on a remote Grid, may still reach it: let it decide)."""
    deadline = time.monotonic() + timeout
    head = _request(url, "HEAD", timeout)
    if head is not None and 200 <= head.status < 300 and head.content_type in HTML_TYPES:
        return head
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise NoAnswerInTime(f"no answer within {timeout:g} s")
    return _request(url, "GET", remaining) or head


def _request(url, method, timeout):
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return Answer(response.status, media_type(response.headers.get("Content-Type")))
    except urllib.error.HTTPError as error:
        return Answer(error.code, media_type(error.headers.get("Content-Type")))
    except TimeoutError as error:
        raise NoAnswerInTime(f"no answer within {timeout:g} s") from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise NoAnswerInTime(f"no answer within {timeout:g} s") from error
        return None
    except (OSError, ValueError):
        return None
