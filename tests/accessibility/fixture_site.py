"""A tiny loopback HTTP server of fixture pages for the audit engine's tests.

It listens on two ports: `base_url` and `other_base_url`, a second origin for cross-origin
frames (`{{OTHER_ORIGIN}}` in a fixture page is replaced with it). HEAD is not implemented
(501, as some servers answer), except for paths in `site.lying_head_paths`, which answer HEAD
with 200 text/html whatever GET serves. Besides the files in `fixture_pages/`, it serves:
- `/sitemap.xml`: a sitemap of the paths in `site.sitemap_paths`;
- `/never-finishes.html`: starts a page and never ends it;
- `/server-error.html`: a 500 response;
- `/kills-the-browser.html`: kills the browser that asked for it (`site.on_kill_request`);
  other clients just wait;
- `/document.pdf`, `/image.png`, `/data.json`, `/notes.txt`: non-HTML answers of those types;
- any path set in `site.overrides` (path -> HTML), to change a page between two audits.
`site.requests` lists every GET's path, `site.browser_requests` (and `cookies_by_request`,
with the cookies sent) those a browser made.
"""

import base64
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

PAGES_DIR = Path(__file__).parent / "fixture_pages"
ONE_PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
NOT_HTML = {
    "/document.pdf": (b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf"),
    "/image.png": (ONE_PIXEL_PNG, "image/png"),
    "/data.json": (b'{"title": "<title>not a page</title>"}', "application/json"),
    "/notes.txt": (b"<html>plain text, not a page</html>", "text/plain; charset=utf-8"),
}


class FixtureSite:
    def __init__(self):
        self.overrides = {}
        self.sitemap_paths = ["/clean.html", "/broken.html"]
        self.on_kill_request = None
        self.lying_head_paths = set()
        self.requests = []
        self.browser_requests = []
        self.cookies_by_request = []
        self.stopping = threading.Event()
        self.servers = [ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())]
        self.servers.append(ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class()))
        for server in self.servers:
            server.daemon_threads = True
        self.server = self.servers[0]
        self.base_url = f"http://127.0.0.1:{self.servers[0].server_address[1]}"
        self.other_base_url = f"http://127.0.0.1:{self.servers[1].server_address[1]}"
        self.threads = [
            threading.Thread(target=server.serve_forever, daemon=True) for server in self.servers
        ]

    def page(self, name):
        return (PAGES_DIR / name).read_text(encoding="utf-8")

    def start(self):
        for thread in self.threads:
            thread.start()
        return self

    def stop(self):
        self.stopping.set()
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def _handler_class(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_HEAD(self):  # noqa: N802 - the name http.server calls
                if self.path not in site.lying_head_paths:
                    return self.send_error(501)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()

            def do_GET(self):  # noqa: N802 - the name http.server calls
                path = self.path.split("?", 1)[0]
                site.requests.append(self.path)
                if "Chrome" in self.headers.get("User-Agent", ""):
                    site.browser_requests.append(self.path)
                    site.cookies_by_request.append((self.path, self.headers.get("Cookie", "")))
                if path in NOT_HTML:
                    return self.send_bytes(200, *NOT_HTML[path])
                if path in site.overrides:
                    return self.send(200, site.overrides[path])
                if path == "/sitemap.xml":
                    return self.send(200, sitemap(site.base_url, site.sitemap_paths), "text/xml")
                if path == "/never-finishes.html":
                    return self.never_finish()
                if path == "/server-error.html":
                    return self.send(500, "<!DOCTYPE html><html lang=en><title>Error</title>")
                if path == "/kills-the-browser.html" and site.on_kill_request:
                    if "Chrome" in self.headers.get("User-Agent", ""):
                        site.on_kill_request()
                    return self.never_finish()
                file = PAGES_DIR / path.lstrip("/")
                if path.endswith(".html") and file.parent == PAGES_DIR and file.exists():
                    page = file.read_text(encoding="utf-8")
                    return self.send(200, page.replace("{{OTHER_ORIGIN}}", site.other_base_url))
                return self.send(404, "<!DOCTYPE html><html lang=en><title>Not found</title>")

            def send(self, status, body, content_type="text/html; charset=utf-8"):
                self.send_bytes(status, body.encode("utf-8"), content_type)

            def send_bytes(self, status, data, content_type):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def never_finish(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(b"<!DOCTYPE html><html lang=en><title>Slow</title><p>Loading")
                self.wfile.flush()
                while not site.stopping.wait(0.5):
                    pass

        return Handler


def sitemap(base_url, paths):
    urls = "".join(f"<url><loc>{escape(base_url + path)}</loc></url>" for path in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )


def wait_for(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False
