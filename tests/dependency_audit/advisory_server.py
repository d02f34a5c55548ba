"""A stand-in vulnerability service on 127.0.0.1: the OSV query API that pip-audit asks and the
advisories endpoint that npm audit posts to, answering with recorded advisories."""

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name):
    return json.loads((FIXTURES / name).read_text())


class AdvisoryHandler(BaseHTTPRequestHandler):
    osv_records = {("django", "3.2.0"): "osv-django-3.2.0.json"}
    npm_advisories = fixture("npm-advisories-lodash.json")
    packuments = {"/lodash": "npm-packument-lodash.json"}

    def read_json(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        if self.headers.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        return json.loads(body or b"{}")

    def answer(self, status, payload):
        content = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def do_POST(self):
        query = self.read_json()
        self.server.requests.append((self.path, query))
        if self.path == "/v1/query":
            key = (query["package"]["name"], query["version"])
            record = self.osv_records.get(key)
            return self.answer(200, fixture(record) if record else {})
        if self.path == "/-/npm/v1/security/advisories/bulk":
            return self.answer(
                200,
                {name: self.npm_advisories[name] for name in query if name in self.npm_advisories},
            )
        return self.answer(404, {"error": "not found"})

    def do_GET(self):
        if self.path in self.packuments:
            return self.answer(200, fixture(self.packuments[self.path]))
        return self.answer(404, {"error": "not found"})

    def log_message(self, format, *args):
        pass


class AdvisoryServer:
    def __enter__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), AdvisoryHandler)
        self.server.requests = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    @property
    def url(self):
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    @property
    def requests(self):
        return self.server.requests

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
