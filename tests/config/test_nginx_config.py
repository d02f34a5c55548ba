"""The shipped nginx configuration renders completely and nginx accepts it."""

import subprocess

import pytest

from deploy.local_front import nginx_binary
from deploy.render_nginx import MissingValue, fill, main, site_config, standalone_config


def test_every_placeholder_of_the_site_configuration_has_a_value():
    rendered = site_config(SERVER_NAME="ombudsman.example")
    assert "@@" not in rendered
    assert "server_name ombudsman.example;" in rendered
    assert "proxy_request_buffering on;" in rendered
    assert "limit_conn ombudsman_login_in_flight 1;" in rendered


def test_a_placeholder_without_a_value_is_an_error():
    with pytest.raises(MissingValue, match="@@UNKNOWN@@"):
        fill("listen @@UNKNOWN@@;", {})


def test_the_command_line_prints_the_configuration(capsys):
    main(["--server-name", "ombudsman.example", "--upstream", "127.0.0.1:9000"])
    printed = capsys.readouterr().out
    assert "server 127.0.0.1:9000;" in printed
    assert "server_name ombudsman.example;" in printed


@pytest.mark.skipif(nginx_binary() is None, reason="nginx is not installed (apt-get install nginx)")
def test_nginx_accepts_the_rendered_configuration(tmp_path):
    config = standalone_config(tmp_path, LISTEN="127.0.0.1:8", VAR_DIR=tmp_path)
    result = subprocess.run(
        [nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(config), "-e", "stderr"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
