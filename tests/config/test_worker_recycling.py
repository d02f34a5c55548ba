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


class Master:
    """gunicorn's master, simulated: it reaps a worker that stopped and boots a replacement,
    which takes `boot_requests` requests of the others' time to become ready."""

    def __init__(self, turns, workers, boot_requests):
        self.turns = turns
        self.boot_requests = boot_requests
        self.next_pid = 1000
        self.serving = [self.boot() for _ in range(workers)]
        self.booting = []  # [worker, requests left before it is ready]
        self.recycled = 0

    def boot(self):
        self.next_pid += 1
        worker = FakeWorker(self.next_pid)
        booted(self.turns, worker)
        return worker

    def tick(self):
        """Each serving worker answers one request; the master reaps and boots as gunicorn does."""
        for worker in list(self.serving):
            serve(self.turns, worker, 1)
            if not worker.alive:
                self.serving.remove(worker)
                self.turns.child_exit(None, worker)
                self.recycled += 1
                self.booting.append([FakeWorker(None), self.boot_requests])
        for entry in list(self.booting):
            entry[1] -= 1
            if entry[1] <= 0:
                self.booting.remove(entry)
                self.next_pid += 1
                replacement = FakeWorker(self.next_pid)
                booted(self.turns, replacement)
                self.serving.append(replacement)


def test_workers_due_together_never_leave_fewer_than_all_but_one_serving():
    """Four workers with the same limit (no jitter at all), replacements slow to boot: at every
    moment at most one is out of service, and every one of them is recycled in turn."""
    turns = RecyclingTurns(max_requests=50, jitter=0)
    master = Master(turns, workers=4, boot_requests=7)
    fewest_serving = 4
    for _ in range(2000):
        master.tick()
        fewest_serving = min(fewest_serving, len(master.serving))
    assert fewest_serving == 3
    assert master.recycled >= 4 * (2000 // 60)  # each worker's turn came, round after round


def test_gunicorn_uses_the_staggered_recycling_with_a_wide_jitter(monkeypatch):
    """config/gunicorn.py: gunicorn's own max_requests (which can take every worker at once) is
    off; the turns are wired into its hooks; the default jitter is half the limit."""
    import runpy

    monkeypatch.delenv("GUNICORN_MAX_REQUESTS", raising=False)
    monkeypatch.delenv("GUNICORN_MAX_REQUESTS_JITTER", raising=False)
    config = runpy.run_path("config/gunicorn.py")

    assert config["max_requests"] == 0
    recycling = config["recycling"]
    assert recycling.max_requests > 0
    assert recycling.jitter >= recycling.max_requests // 2
    hooks = ("post_fork", "post_request", "child_exit", "post_worker_init", "worker_exit")
    assert all(config[hook] == getattr(recycling, hook) for hook in hooks)


def test_a_recycled_worker_runs_its_exit_functions_then_ends_at_once():
    """No interpreter teardown (seconds on a busy machine, with one worker serving meanwhile);
    the exit functions (the view counter's flush) still run, first."""
    turns = RecyclingTurns(max_requests=2, jitter=0)
    recycled, stopping = FakeWorker(401), FakeWorker(402)
    booted(turns, recycled)
    booted(turns, stopping)
    serve(turns, recycled, 2)
    calls = []
    with (
        mock.patch("atexit._run_exitfuncs", side_effect=lambda: calls.append("exit functions")),
        mock.patch("os._exit", side_effect=lambda code: calls.append(("end", code))),
    ):
        turns.worker_exit(None, stopping)  # shut down, not recycled: the usual exit
        assert calls == []
        turns.worker_exit(None, recycled)
    assert calls == ["exit functions", ("end", 0)]
