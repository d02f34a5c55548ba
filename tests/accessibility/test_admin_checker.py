"""The editors' built-in checker (userbar and preview panel) uses the audit command's rules."""

import json
import re

import pytest
from wagtail.models import Site

from accessibility.config import audit_settings
from tests.accessibility.editor_fixtures import homes, make_user  # noqa: F401

pytestmark = pytest.mark.django_db


def checker_configuration(html):
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    assert match, "the content checker is missing from the userbar"
    return json.loads(match.group(1))


@pytest.fixture
def site_home(homes):  # noqa: F811
    home = homes["az"]
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


def test_the_userbar_checker_runs_the_configured_tags_and_disabled_rules(
    client, site_home, settings
):
    settings.ACCESSIBILITY_AUDIT = {
        "tags": ["wcag2a", "wcag2aa", "wcag22aa"],
        "disabled_rules": {"region": "The demo's landmark check is covered elsewhere"},
    }
    client.force_login(make_user("boss", superuser=True))

    configuration = checker_configuration(client.get(site_home.url).content.decode())

    assert configuration["options"]["runOnly"] == {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag22aa"],
    }
    assert configuration["options"]["rules"]["region"] == {"enabled": False}
    # Wagtail's own best-practice rules stay off: they are outside the configured tags.
    custom = {rule["id"]: rule["enabled"] for rule in configuration["spec"]["rules"]}
    assert custom["alt-text-quality"] is False


def test_by_default_the_checker_uses_the_audit_commands_wcag_tags(client, site_home):
    client.force_login(make_user("boss", superuser=True))
    configuration = checker_configuration(client.get(site_home.url).content.decode())
    assert configuration["options"]["runOnly"]["values"] == audit_settings()["tags"]
    assert "wcag22aa" in configuration["options"]["runOnly"]["values"]


def test_the_preview_panel_checker_uses_the_same_rules(client, site_home):
    from django.urls import reverse
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from institution.models import StandardPage

    page = StandardPage(title="Mandate", slug="mandate", body="[]")
    site_home.add_child(instance=page)
    client.force_login(make_user("boss", superuser=True))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form_data = nested_form_data(
        {
            "title": "Mandate",
            "slug": "mandate",
            "intro": "Preview of an edit.",
            "body": streamfield([("heading", {"text": "Duties", "level": "h2"})]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )
    assert client.post(preview_url, form_data).json()["is_valid"]
    response = client.get(preview_url, {"in_preview_panel": "true"})
    configuration = checker_configuration(response.content.decode())
    assert configuration["options"]["runOnly"]["values"] == audit_settings()["tags"]


def test_visitors_get_no_userbar(client, site_home):
    assert "checker-axe-configuration" not in client.get(site_home.url).content.decode()
