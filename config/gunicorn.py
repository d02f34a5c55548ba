"""gunicorn settings: `gunicorn -c config/gunicorn.py config.wsgi`; each value from the environment.

Sync workers: the pages are rendered quickly and cached, so processes (not threads) use the cores
best; `WEB_CONCURRENCY` defaults to two per core plus one, as gunicorn advises. A sync worker is
held by a slow client for as long as it takes, so production puts the shipped nginx in front
(deploy/nginx/), which reads whole requests and absorbs slow readers before gunicorn sees them.
"""

import multiprocessing
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from config.worker_recycling import RecyclingTurns  # noqa: E402 - needs the path above

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# The application is loaded once in the master and workers are forked from it: a replacement
# worker serves within milliseconds instead of importing Django and Wagtail again for seconds.
# (Deploying new code therefore needs a restart, not a HUP.)
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in ("1", "true", "yes", "on")

# Recycle workers now and then so that a slow leak never grows without bound, one at a time
# (config/worker_recycling.py); gunicorn's own max_requests, which can take all at once, is off.
# 10,000 (plus up to half again): at the 3,000+ cached pages a second two workers serve, 2,000
# recycled each worker every second or so, and each replacement's first requests are slower.
max_requests = 0
recycle_after = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
recycling = RecyclingTurns(
    max_requests=recycle_after,
    jitter=int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", recycle_after // 2)),
)
post_fork = recycling.post_fork
post_request = recycling.post_request
child_exit = recycling.child_exit
worker_exit = recycling.worker_exit
post_worker_init = recycling.post_worker_init

accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# No control socket: this version stops and restarts it around every fork (seconds on a busy
# machine, during which no replacement worker starts), and every instance would share one path.
control_socket_disable = True
# Connections behind a reverse proxy: trust its X-Forwarded-* headers only from loopback.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
