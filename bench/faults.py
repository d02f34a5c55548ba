"""Servers a fault test or benchmark breaks on purpose: its own Redis, to hang and resume."""

import shutil
import signal
import subprocess
import time
from pathlib import Path

from accessibility.server import free_loopback_port


def until(predicate, seconds, interval=0.1):
    """Wait for `predicate()` to be true, at most `seconds`; return its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


class RedisServer:
    """A redis-server of our own (no persistence), which a test can hang, resume, stop, start."""

    def __init__(self, directory):
        self.port = free_loopback_port()
        self.directory = Path(directory)
        self.process = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    @staticmethod
    def available():
        return shutil.which("redis-server") is not None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        until(self.answers, 10)
        return self

    def answers(self):
        import redis

        try:
            return redis.Redis(port=self.port, socket_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def hang(self):
        """Stop answering but keep the connection and the data, as a hung server does."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
