"""Worker recycling takes one gunicorn worker at a time (config/worker_recycling.py)."""

import logging
from unittest import mock

from config.worker_recycling import AWAITING_REPLACEMENT, FREE, RecyclingTurns


class FakeWorker:
    def __init__(self, pid):
        self.pid = pid
        self.alive = True
        self.log = logging.getLogger("gunicorn.test")


def serve(turns, worker, requests):
    with mock.patch("os.getpid", return_value=worker.pid):
        for _ in range(requests):
            turns.post_request(worker, None, None, None)


def booted(turns, worker):
    with mock.patch("os.getpid", return_value=worker.pid):
        turns.post_fork(None, worker)
        turns.post_worker_init(worker)


def test_two_workers_due_at_once_recycle_one_after_the_other():
    turns = RecyclingTurns(max_requests=10, jitter=0)
    first, second = FakeWorker(101), FakeWorker(102)
    booted(turns, first)
    booted(turns, second)

    serve(turns, first, 10)
    serve(turns, second, 10)
    assert first.alive is False  # recycles after this request
    assert second.alive is True  # waits: the first one is recycling
    assert turns.holder.value == first.pid

    turns.child_exit(None, first)  # the master has reaped it; a replacement is starting
    assert turns.holder.value == AWAITING_REPLACEMENT
    serve(turns, second, 5)
    assert second.alive is True  # still waiting: the replacement is not serving yet

    replacement = FakeWorker(103)
    booted(turns, replacement)
    assert turns.holder.value == FREE
    serve(turns, second, 1)
    assert second.alive is False
    assert replacement.alive is True


def test_a_worker_that_dies_otherwise_does_not_free_anothers_turn():
    turns = RecyclingTurns(max_requests=3, jitter=0)
    recycling, crashed = FakeWorker(201), FakeWorker(202)
    booted(turns, recycling)
    booted(turns, crashed)
    serve(turns, recycling, 3)
    turns.child_exit(None, crashed)  # e.g. killed for a timeout
    assert turns.holder.value == recycling.pid


def test_jitter_spreads_the_limits_and_zero_turns_recycling_off():
    turns = RecyclingTurns(max_requests=100, jitter=50)
    limits = set()
    for pid in range(40):
        worker = FakeWorker(pid)
        turns.post_fork(None, worker)
        limits.add(worker.recycle_after)
    assert min(limits) >= 100 and max(limits) <= 150 and len(limits) > 5

    never = RecyclingTurns(max_requests=0, jitter=0)
    worker = FakeWorker(301)
    booted(never, worker)
    serve(never, worker, 1000)
    assert worker.alive is True
