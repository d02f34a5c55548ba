"""Serve the site on a free loopback port in a child process, for browsers to audit."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from .config import project_dir, runtime_dir


class ServerDidNotStart(RuntimeError):
    pass


def free_loopback_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteServer:
    """`manage.py runserver` on 127.0.0.1 with the given environment; a context manager."""

    def __init__(self, env=None, port=None, settings_module=None, startup_seconds=60):
        self.port = port or free_loopback_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        if settings_module:
            self.env["DJANGO_SETTINGS_MODULE"] = settings_module
        self.startup_seconds = startup_seconds
        self.process = None
        self.log_path = None

    def start(self):
        manage = project_dir() / "manage.py"
        log_dir = runtime_dir()
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"site-server-{self.port}.log"
        log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self._log = log
        self.process = subprocess.Popen(
            [sys.executable, str(manage), "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=project_dir(),
        )
        try:
            self._wait_until_ready()
        except BaseException:  # Interrupted or failed while starting: never leave it running.
            self.stop()
            raise
        return self

    def _wait_until_ready(self):
        deadline = time.monotonic() + self.startup_seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerDidNotStart(
                    f"The site server exited with code {self.process.returncode}; "
                    f"see {self.log_path}."
                )
            try:
                urllib.request.urlopen(self.base_url + "/robots.txt", timeout=2)
                return
            except urllib.error.HTTPError:
                return  # It answers: a 404 is an answer.
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise ServerDidNotStart(
            f"The site server did not answer within {self.startup_seconds} s; see {self.log_path}."
        )

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if getattr(self, "_log", None):
            self._log.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
