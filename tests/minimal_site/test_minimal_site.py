"""The accessibility app serves a Wagtail site that is not ours: this minimal one installs it,
audits its own page tree in headless Chromium, and shows the report and the statement."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from accessibility.models import AuditRun, PageResult


@pytest.mark.browser
def test_the_app_audits_reports_and_states_on_a_site_that_is_not_ours(page_tree, tmp_path):
    call_command("audit_accessibility", "--output", str(tmp_path), "--formats", "json")

    run = AuditRun.objects.get()
    assert run.status == AuditRun.Status.PASSED
    results = {result.page_type: result for result in run.page_results.all()}
    assert set(results) == {
        "minimal_pages.HomePage",
        "minimal_pages.ArticleIndexPage",
        "minimal_pages.ArticlePage",
        "accessibility.AccessibilityStatementPage",
        "not-found",
    }
    assert run.page_results.count() == 6  # Two articles.
    assert {result.status for result in run.page_results.all()} == {PageResult.Status.OK}
    assert run.axe_version  # axe-core really ran in the browser.
    assert (tmp_path / "audit.json").is_file()

    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "x"))
    report = admin.get("/admin/accessibility/")
    assert report.status_code == 200
    shown = report.content.decode()
    # The run, each of the site's pages and page types by their own names, the 404 by the app's.
    assert f"Audit run #{run.pk}" in shown
    for text in ("/articles/article-2/", "article index page", "Page not found (404)"):
        assert text in shown
    page_audits = admin.get(f"/admin/accessibility/pages/{page_tree['statement'].pk}/")
    assert page_audits.status_code == 200

    statement = Client().get("/accessibility/")
    assert statement.status_code == 200
    html = statement.content.decode()
    assert 'data-status="full"' in html  # Clean audit, recent manual review, nothing listed.
    assert '<dd data-figure="pages-audited">6</dd>' in html


def test_the_minimal_site_installs_no_other_app_of_ours():
    project_dir = Path(settings.BASE_DIR)
    our_packages = {path.parent.name for path in project_dir.glob("*/__init__.py")}
    ours = {
        config.name
        for config in apps.get_app_configs()
        if config.name.split(".")[0] in our_packages
    }
    assert ours == {"accessibility", "tests.minimal_site.pages"}
