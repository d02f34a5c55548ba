"""SIGTERM and SIGINT as one AuditInterrupted exception, so that a stopped audit ends cleanly;
and passed on to a child audit process, so that stopping its parent stops it cleanly too."""

import signal
import subprocess
import threading
from contextlib import contextmanager

from .engine import AuditInterrupted

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@contextmanager
def stop_signals_raise_interrupted():
    """SIGTERM and SIGINT raise AuditInterrupted once in the main thread; later ones are
    ignored while the run is closed and reported. The previous handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = []

    def on_signal(signum, frame):
        if stopping:
            return
        stopping.append(signum)
        raise AuditInterrupted(signal.Signals(signum).name)

    previous = {number: signal.signal(number, on_signal) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def run_passing_on_stop_signals(command, **popen_arguments):
    """Run `command`; a SIGTERM or SIGINT to us goes to it, and we wait for it to finish."""
    process = subprocess.Popen(command, **popen_arguments)

    def pass_on(signum, frame):
        if process.poll() is None:
            process.send_signal(signum)

    previous = {
        number: signal.signal(number, pass_on) for number in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        return process.wait()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
