"""SIGTERM and SIGINT as one AuditInterrupted exception, so that a stopped audit ends cleanly."""

import signal
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
