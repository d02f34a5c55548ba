"""Render the shipped nginx configuration (deploy/nginx/) with this deployment's paths and ports.

    python -m deploy.render_nginx --server-name ombudsman.example --var-dir /srv/ombudsman/var \
        > /etc/nginx/conf.d/ombudsman.conf
"""

import argparse
import getpass
import os
import re
import sys
from pathlib import Path

NGINX_DIR = Path(__file__).resolve().parent / "nginx"
PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
DEFAULTS = {
    "LISTEN": "80",
    "SERVER_NAME": "_",
    "UPSTREAM": "127.0.0.1:8000",
    "VAR_DIR": str(NGINX_DIR.parent.parent / "var"),
    "ERROR_PAGES": str(NGINX_DIR / "errors"),
    "UPSTREAM_TIMEOUT": "35s",
    "CLIENT_MAX_BODY_SIZE": "50m",
    "LOGIN_CONCURRENCY": "1",
    "LOGIN_RATE": "10r/m",
    "LOGIN_BURST": "10",
}


class MissingValue(KeyError):
    pass


def fill(template, values):
    """The template with every placeholder replaced; one without a value is an error."""

    def value_for(match):
        name = match.group(1)
        if name not in values:
            raise MissingValue(f"No value for @@{name}@@ in the nginx template.")
        return str(values[name])

    return PLACEHOLDER.sub(value_for, template)


def site_config(**values):
    """The server configuration to include in nginx's http block."""
    return fill((NGINX_DIR / "ombudsman.conf").read_text(), {**DEFAULTS, **values})


def standalone_config(prefix, **values):
    """A whole nginx.conf under `prefix` (pid, logs, temporary files), for tests and load tests.

    Writes the site configuration beside it and returns the path of the main file."""
    prefix = Path(prefix)
    for folder in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    site_path = prefix / "ombudsman.conf"
    site_path.write_text(site_config(**values))
    # Run as root (CI), nginx's workers would otherwise be `nobody`, who cannot read the
    # test's private folders.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    main = fill(
        (NGINX_DIR / "standalone.conf").read_text(),
        {"PREFIX": prefix, "SITE_CONF": site_path, "USER_DIRECTIVE": user},
    )
    main_path = prefix / "nginx.conf"
    main_path.write_text(main)
    return main_path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name, default in DEFAULTS.items():
        parser.add_argument("--" + name.lower().replace("_", "-"), default=default)
    arguments = vars(parser.parse_args(argv))
    sys.stdout.write(site_config(**{name.upper(): value for name, value in arguments.items()}))


if __name__ == "__main__":
    main()
