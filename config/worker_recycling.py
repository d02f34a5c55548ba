"""gunicorn worker recycling, one worker at a time, so that some worker always answers.

gunicorn's own `max_requests` lets every worker restart at once when their counts meet (both of
two workers were seen recycling within seconds, leaving 3–6 s with no answer). Here each worker
counts its requests; past its limit it recycles only if no other worker is recycling, and the slot
frees when a replacement has loaded the application and is serving. Shared memory created in the
gunicorn master before it forks holds whose turn it is.

A recycled worker leaves at once: its exit functions run (the view counter writes what it holds),
then the process ends without tearing the interpreter down, which took 1.6–2 s of a loaded
Django process on a busy 2-core machine, seconds in which the master had not yet replaced it and
one worker served alone (the cached pages' p99 rose from tens to hundreds of milliseconds).
"""

import atexit
import logging
import multiprocessing
import os
import random
import sys

FREE = 0
AWAITING_REPLACEMENT = -1


class RecyclingTurns:
    """Whose turn it is to recycle: FREE, the recycling worker's pid, or AWAITING_REPLACEMENT."""

    def __init__(self, max_requests, jitter):
        self.max_requests = max_requests
        self.jitter = jitter
        self.holder = multiprocessing.Value("i", FREE)

    def post_fork(self, server, worker):
        worker.requests_served = 0
        worker.recycle_after = self.max_requests + random.randint(0, self.jitter)
        worker.deferral_logged = False

    def post_request(self, worker, request, environ, response):
        if not self.max_requests:
            return
        worker.requests_served += 1
        if worker.requests_served < worker.recycle_after:
            return
        with self.holder.get_lock():
            if self.holder.value != FREE:
                if not worker.deferral_logged:
                    worker.log.info(
                        "Worker %s waits to recycle: another worker is recycling.", os.getpid()
                    )
                    worker.deferral_logged = True
                return
            self.holder.value = os.getpid()
        worker.log.info(
            "Worker %s recycles after %s requests; the others keep serving.",
            os.getpid(),
            worker.requests_served,
        )
        worker.recycling = True
        worker.alive = False  # the worker exits after this request; the master replaces it

    def worker_exit(self, server, worker):
        """In a recycled worker, after gunicorn's own clean-up: end the process now."""
        if not getattr(worker, "recycling", False):
            return  # a shutdown or a restart: the usual exit
        atexit._run_exitfuncs()  # what the process would do at exit: flush the visit counts
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    def child_exit(self, server, worker):
        """In the master: the recycling worker is gone, its replacement is starting."""
        with self.holder.get_lock():
            if self.holder.value == worker.pid:
                self.holder.value = AWAITING_REPLACEMENT

    def post_worker_init(self, worker):
        """In a new worker, ready to serve: another worker may recycle now."""
        with self.holder.get_lock():
            if self.holder.value == AWAITING_REPLACEMENT:
                self.holder.value = FREE
        worker.log.info("Worker %s is ready.", os.getpid())
