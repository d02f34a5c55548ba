"""Run the production stack on loopback: gunicorn (config/gunicorn.py) and the shipped nginx.

Used by the tests of the front and by `make loadtest`; each process is started here, owned by
the caller's `with` block and stopped at its end.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from deploy.render_nginx import standalone_config

PROJECT_DIR = Path(__file__).resolve().parent.parent
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/bin/nginx")


class ServerDidNotStart(RuntimeError):
    pass


def nginx_binary():
    """Debian's nginx, or None when it is not installed."""
    found = shutil.which("nginx")
    if found:
        return found
    return next((path for path in NGINX_CANDIDATES if Path(path).exists()), None)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, log_path, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerDidNotStart(f"exited with code {process.returncode}; see {log_path}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise ServerDidNotStart(f"no answer on port {port} within {seconds} s; see {log_path}")


def stop_process(process, sig=signal.SIGTERM, seconds=20):
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def production_environment(var_dir, database_url, **extra):
    """Production settings on a throw-away database, served over plain HTTP on loopback."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "loopback-only-" + "x" * 40,
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "ACCESSIBILITY_AUDIT_ON_PUBLISH": "false",
        "DEMO_ADMIN_PASSWORD": "demo-admin-password",
    }
    env.update({name: str(value) for name, value in extra.items()})
    return env


def prepare_site(env, log=subprocess.DEVNULL):
    """Migrate, create the cache table, load the demo content and collect static files."""
    manage = [sys.executable, str(PROJECT_DIR / "manage.py")]
    commands = (["migrate", "--noinput", "-v0"], ["createcachetable"], ["load_demo_content"])
    for command in (*commands, ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            manage + command, env=env, cwd=PROJECT_DIR, check=True, stdout=log, stderr=log
        )


class Gunicorn:
    """gunicorn with config/gunicorn.py on a free loopback port; a context manager."""

    def __init__(self, env, log_path, workers=2, port=None, startup_seconds=90, **settings):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(log_path)
        self.startup_seconds = startup_seconds
        self.env = {
            **env,
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            **{name: str(value) for name, value in settings.items()},
        }
        self.process = None

    def __enter__(self):
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
            env=self.env,
            cwd=PROJECT_DIR,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(self.port, self.process, self.log_path, self.startup_seconds)
        except ServerDidNotStart:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info):
        stop_process(self.process)
        self._log.close()


class Nginx:
    """The shipped nginx configuration in front of `upstream`, on a free loopback port."""

    def __init__(self, prefix, upstream_port, var_dir, port=None, **values):
        self.binary = nginx_binary()
        if not self.binary:
            raise ServerDidNotStart("nginx is not installed: apt-get install -y nginx")
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.prefix = Path(prefix)
        self.config = standalone_config(
            self.prefix,
            LISTEN=f"127.0.0.1:{self.port}",
            SERVER_NAME="127.0.0.1 localhost",
            UPSTREAM=f"127.0.0.1:{upstream_port}",
            VAR_DIR=var_dir,
            **values,
        )
        self.process = None

    def __enter__(self):
        log_path = self.prefix / "error.log"
        self.process = subprocess.Popen(
            [self.binary, "-p", str(self.prefix), "-c", str(self.config), "-e", str(log_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(self.port, self.process, log_path, 20)
        except ServerDidNotStart:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info):
        stop_process(self.process, signal.SIGQUIT)
