"""The production front: the shipped nginx before gunicorn (2 sync workers, production settings,
a throw-away SQLite database with the demo content), all on loopback.

Each test speaks from its own loopback address (127.0.0.x), so that nginx's per-address limits
and the sign-in throttling see different clients, as they would on the internet.
"""

import concurrent.futures
import gzip
import http.client
import re
import socket
import threading
import time
import uuid
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from deploy.local_front import (
    Gunicorn,
    Nginx,
    nginx_binary,
    prepare_site,
    production_environment,
)

pytestmark = pytest.mark.skipif(
    nginx_binary() is None,
    reason="nginx is not installed: apt-get install -y nginx (.ci/run installs it)",
)

RECYCLE_AFTER = 15
ADMIN_PASSWORD = "demo-admin-password"
BUSY_PAGE_TEXT = "Sign-in is busy"
LOCKOUT_TEXT = "Too many failed sign-in attempts"


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("front")
    env = production_environment(var_dir, f"sqlite:///{var_dir / 'front.sqlite3'}")
    with open(var_dir / "prepare.log", "wb") as log:
        prepare_site(env, log=log)
    gunicorn = Gunicorn(
        env,
        var_dir / "gunicorn.log",
        workers=2,
        GUNICORN_MAX_REQUESTS=RECYCLE_AFTER,
        GUNICORN_MAX_REQUESTS_JITTER=0,  # the worst case: both workers due at once
        LOG_LEVEL="INFO",  # the recycling test reads gunicorn's info lines
    )
    with gunicorn, Nginx(var_dir / "nginx", gunicorn.port, var_dir) as nginx:
        yield {"nginx": nginx, "gunicorn": gunicorn, "var_dir": var_dir}


class Answer:
    def __init__(self, response, finished_at):
        self.status = response.status
        self.headers = response.headers
        raw = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            self.compressed_size = len(raw)
            raw = gzip.decompress(raw)
        self.text = raw.decode("utf-8", "replace")
        self.finished_at = finished_at


def fetch(port, path, method="GET", source="127.0.0.1", headers=None, body=None, timeout=30):
    """One request from the loopback address `source`; the answer and when it arrived."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response, time.monotonic())
    finally:
        connection.close()


class SignIn:
    """A browser's sign-in form: its CSRF cookie and token, posted from one address."""

    def __init__(self, port, source):
        self.port = port
        self.source = source
        form = fetch(port, "/admin/login/", source=source, headers={"Accept-Language": "en"})
        cookie = SimpleCookie(form.headers["Set-Cookie"])
        self.cookie = f"csrftoken={cookie['csrftoken'].value}"
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]

    def post(self, username, password, forwarded_for=None):
        headers = {
            "Cookie": self.cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept-Language": "en",
        }
        if forwarded_for:
            headers["X-Forwarded-For"] = forwarded_for
        body = urlencode(
            {"csrfmiddlewaretoken": self.token, "username": username, "password": password}
        )
        return fetch(self.port, "/admin/login/", "POST", self.source, headers=headers, body=body)


def test_pages_and_static_files_come_compressed_with_their_headers(front):
    port = front["nginx"].port
    page = fetch(port, "/en/", headers={"Accept-Encoding": "gzip"})
    assert page.status == 200
    assert page.headers["Content-Encoding"] == "gzip"
    assert page.compressed_size < len(page.text.encode()) / 2
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "camera=()" in page.headers["Permissions-Policy"]

    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page.text)[1]
    css = fetch(port, stylesheet, headers={"Accept-Encoding": "gzip"})
    assert css.status == 200
    assert css.headers["Content-Encoding"] == "gzip"
    # nginx's own header (WhiteNoise would write "max-age=315360000, public, immutable").
    assert css.headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert css.headers["X-Content-Type-Options"] == "nosniff"


def test_the_scheme_django_sees_is_the_one_nginx_was_reached_with(front):
    """A client cannot claim HTTPS through nginx; gunicorn honours the header from nginx.

    Django sends HSTS only on a request it believes secure, so the header tells which scheme it
    saw (links name the site's configured address whatever the request says)."""
    path = f"/en/search/?q={uuid.uuid4().hex}"
    claimed = {"X-Forwarded-Proto": "https"}
    through_nginx = fetch(front["nginx"].port, path, headers=claimed)
    assert through_nginx.status == 200
    assert "Strict-Transport-Security" not in through_nginx.headers
    from_the_proxy = fetch(front["gunicorn"].port, path + "x", headers=claimed)
    assert from_the_proxy.status == 200
    assert "Strict-Transport-Security" in from_the_proxy.headers


def slow_client(port, stop, sent_first_byte):
    """Slowloris: request headers one byte at a time, never finished while `stop` is unset."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        request = b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"a" * 10_000
        for position, byte in enumerate(request):
            if stop.wait(0.2 if position else 0):
                return
            sock.send(bytes([byte]))
            sent_first_byte.release()


def while_two_slow_clients_hold(port, ordinary_request):
    stop = threading.Event()
    started = threading.Semaphore(0)
    clients = [threading.Thread(target=slow_client, args=(port, stop, started)) for _ in range(2)]
    for client in clients:
        client.start()
    try:
        for _ in clients:
            started.acquire(timeout=10)
        time.sleep(0.5)  # both connections accepted and stalled mid-headers
        return ordinary_request()
    finally:
        stop.set()
        for client in clients:
            client.join()


def test_slow_clients_do_not_block_an_ordinary_request_behind_nginx(front):
    port = front["nginx"].port
    started = time.monotonic()
    answer = while_two_slow_clients_hold(port, lambda: fetch(port, "/en/", timeout=5))
    assert answer.status == 200
    assert answer.finished_at - started < 5


def test_without_nginx_two_slow_clients_block_both_workers(front):
    """The contrast: each sync worker waits for its slow client's headers."""
    port = front["gunicorn"].port
    with pytest.raises(TimeoutError):
        while_two_slow_clients_hold(port, lambda: fetch(port, "/en/", timeout=3))
    assert fetch(port, "/en/").status == 200  # free again once they are gone


def parallel_sign_ins_and_a_page(port, sources, head_start):
    """Four wrong-password posts at once, then a cached page; each answer with its time."""
    forms = [SignIn(port, source) for source in sources]
    fetch(port, "/en/")  # cached now
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        posts = [
            pool.submit(form.post, f"nobody-{uuid.uuid4().hex[:8]}", "wrong") for form in forms
        ]
        time.sleep(head_start)
        page = fetch(port, "/en/")
        return page, [post.result() for post in posts]


def test_parallel_sign_in_posts_leave_a_worker_for_cached_pages(front):
    port = front["nginx"].port
    sources = [f"127.0.0.{number}" for number in (11, 12, 13, 14)]
    page, sign_ins = parallel_sign_ins_and_a_page(port, sources, head_start=0.05)

    assert page.status == 200
    assert page.headers["X-Page-Cache"] == "hit"
    reached_django = [answer for answer in sign_ins if answer.status == 200]
    refused_by_nginx = [answer for answer in sign_ins if answer.status == 429]
    assert reached_django, [answer.status for answer in sign_ins]
    assert len(reached_django) + len(refused_by_nginx) == 4
    assert all(BUSY_PAGE_TEXT in answer.text for answer in refused_by_nginx)
    assert all(answer.headers["Retry-After"] == "5" for answer in refused_by_nginx)
    # The page did not wait for a password to be hashed.
    assert page.finished_at < min(answer.finished_at for answer in reached_django)


def test_the_lockout_holds_whatever_x_forwarded_for_the_client_writes(front):
    """nginx appends the client's own address; Django reads it from the right."""
    attacker = SignIn(front["nginx"].port, "127.0.0.31")
    for number in range(5):
        answer = attacker.post("admin", "wrong", forwarded_for=f"198.51.100.{number}")
        assert answer.status in (200, 429)
    locked = attacker.post("admin", ADMIN_PASSWORD, forwarded_for="198.51.100.77")
    assert locked.status == 429
    assert LOCKOUT_TEXT in locked.text

    # Someone else, elsewhere, is not locked out by it: behind nginx, clients stay apart.
    editor = SignIn(front["nginx"].port, "127.0.0.32")
    signed_in = editor.post("admin", ADMIN_PASSWORD)
    assert signed_in.status == 302
    assert signed_in.headers["Location"] == "/admin/"


def test_one_address_spraying_usernames_is_slowed_by_nginx(front):
    """Throttling per username cannot see a guesser trying many usernames; nginx's per-address
    rate can: past the burst (10 posts), nginx answers 429 itself."""
    guesser = SignIn(front["nginx"].port, "127.0.0.41")
    statuses = []
    for _ in range(14):
        answer = guesser.post("admin", "wrong")  # locked by django-axes after 5: cheap
        statuses.append((answer.status, BUSY_PAGE_TEXT in answer.text))
    assert (429, True) in statuses, statuses
    assert statuses[0] == (200, False)


def recycling_events(log_text):
    pattern = re.compile(r"Worker (\d+) (recycles after|is ready)")
    return [(match[2], match[1]) for match in pattern.finditer(log_text)]


def test_workers_recycle_one_at_a_time_and_requests_keep_being_answered(front):
    port = front["nginx"].port
    log = front["var_dir"] / "gunicorn.log"
    answers, deadline = [], time.monotonic() + 90
    # Load in rounds until three recycles are logged: how many requests that takes depends on how
    # fast a replacement worker starts, not on this test.
    while time.monotonic() < deadline:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            answers += pool.map(lambda _: fetch(port, "/en/").status, range(2 * RECYCLE_AFTER))
        events = recycling_events(log.read_text())
        recycles = [event for event in events if event[0] == "recycles after"]
        if len(recycles) >= 3:
            break
    assert answers == [200] * len(answers)
    assert len(recycles) >= 3, events
    # Between two recycles, a replacement worker became ready: never two gone at once.
    recycling = False
    for kind, pid in events:
        if kind == "recycles after":
            assert not recycling, f"worker {pid} recycled while another was: {events}"
            recycling = True
        elif recycling:
            recycling = False
