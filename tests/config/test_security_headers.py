"""Security headers: the strict policy on public answers (cached ones too), Report-Only on the
admin, Permissions-Policy everywhere, HSTS options of the production settings."""

import ast
import os
import subprocess
import sys

import pytest
from django.conf import settings

CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"


def directives(policy):
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


@pytest.mark.parametrize("path", ["/en/", "/az/no-such-page/", "/robots.txt", "/ru/search/?q=x"])
def test_public_answers_enforce_the_strict_policy(client, demo_content, path):
    response = client.get(path)
    policy = directives(response[CSP])
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert "unsafe-inline" not in response[CSP]
    assert CSP_REPORT_ONLY not in response
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_a_page_served_from_the_page_cache_has_the_policy_too(client, demo_content):
    client.get("/en/")
    cached = client.get("/en/")
    assert cached["X-Page-Cache"] == "hit"
    assert directives(cached[CSP])["script-src"] == "'self'"
    assert "camera=()" in cached["Permissions-Policy"]


def test_the_admin_reports_the_strict_policy_and_enforces_what_it_meets(client, db):
    response = client.get("/admin/login/")
    assert directives(response[CSP_REPORT_ONLY])["script-src"] == "'self'"
    enforced = directives(response[CSP])
    assert enforced == {
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'self'",
        "form-action": "'self'",
    }


def production_setting(names, **environment):
    """Values of production settings in a fresh process with this environment."""
    script = (
        "import django; django.setup(); from django.conf import settings; "
        f"print([getattr(settings, name) for name in {names!r}])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        **environment,
    }
    env.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_hsts_subdomains_and_preload_come_from_the_environment():
    names = ["SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "TRUSTED_PROXY_COUNT"]
    assert production_setting(names).stdout.strip() == "[False, False, 1]"
    switched_on = production_setting(
        names, SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true"
    )
    assert switched_on.stdout.strip() == "[True, True, 1]", switched_on.stderr


def test_preload_without_subdomains_is_refused_with_a_reason():
    result = production_setting(["SECURE_HSTS_PRELOAD"], SECURE_HSTS_PRELOAD="true")
    assert result.returncode != 0
    assert "SECURE_HSTS_INCLUDE_SUBDOMAINS=true" in result.stderr


def image_sources(**environment):
    result = production_setting(["CONTENT_SECURITY_POLICY"], **environment)
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip())[0]["DIRECTIVES"]["img-src"]


def test_images_from_the_media_bucket_or_its_cdn_are_allowed():
    assert image_sources() == ["'self'"]
    bucket = {"AWS_STORAGE_BUCKET_NAME": "ombudsman-media"}
    assert image_sources(**bucket, AWS_S3_CUSTOM_DOMAIN="media.example") == [
        "'self'",
        "https://media.example",
    ]
    assert image_sources(
        **bucket,
        AWS_S3_ENDPOINT_URL="https://s3.example:9000/",
        CSP_IMAGE_SOURCES="https://images.example",
    ) == ["'self'", "https://s3.example:9000", "https://images.example"]
