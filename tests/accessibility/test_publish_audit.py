"""Publishing queues one audit of what changed; the editor sees its status once it has run.

Audits are queued in the database and run by the worker (`run_queued_tasks`, what `manage.py
db_worker` does): publishing never waits for them. The browser step is replaced by a recorded
axe-core result (a fake WebDriver): everything else (targets, engine, storage, the task, the
signal, the admin) is real. The browser itself is covered by the audit engine's tests.
"""

import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Site

from accessibility import workers
from accessibility.config import audit_settings
from accessibility.models import AuditRun, PageResult
from accessibility.tasks import suspend_audit_on_publish
from core.demo_translation import translate_instance
from institution.models import StandardPage
from tests.accessibility.editor_fixtures import homes, make_page_editor, make_user  # noqa: F401
from tests.accessibility.queued_tasks import queued_audits, run_queued_tasks

pytestmark = pytest.mark.django_db

RECORDED_VIOLATION = {
    "id": "color-contrast",
    "impact": "serious",
    "tags": ["wcag2aa", "wcag143"],
    "help": "Elements must meet minimum color contrast ratio thresholds",
    "helpUrl": "https://dequeuniversity.com/rules/axe/4.10/color-contrast",
    "nodes": [
        {
            "target": [".lead"],
            "html": '<p class="lead">Low contrast</p>',
            "impact": "serious",
            "failureSummary": "Fix any of the following: insufficient contrast 3.1:1",
        }
    ],
}


class RecordedAxeBrowser:
    """Stands in for Chromium: loads nothing, answers axe.run() with a recorded result.

    Pages whose address contains one of `violating_paths` get the recorded violation.
    """

    visited = []

    def __init__(self, violating_paths=(), fail=False):
        self.violating_paths = violating_paths
        self.fail = fail
        self.current_url = "about:blank"

    def get(self, url):
        if self.fail:
            raise RuntimeError("chromium crashed")
        self.current_url = url
        RecordedAxeBrowser.visited.append(url)

    def execute_script(self, script, *args):
        if "innerWidth" in script:
            return [1280, 800]
        if "responseStatus" in script:
            return 404 if "/no-such-page-" in self.current_url else 200
        return None  # Injecting axe-core.

    def execute_async_script(self, script, *args):
        violating = any(path in self.current_url for path in self.violating_paths)
        return {
            "testEngine": {"version": "4.10.2"},
            "violations": [RECORDED_VIOLATION] if violating else [],
        }

    def set_window_size(self, width, height):
        pass

    def set_page_load_timeout(self, seconds):
        pass

    def set_script_timeout(self, seconds):
        pass

    def delete_all_cookies(self):
        pass

    def add_cookie(self, cookie):
        pass

    def quit(self):
        pass


@pytest.fixture
def recorded_browser(monkeypatch, settings):
    """Replace only the browser start-up; returns a setter for what the fake browser reports.

    The fake answers axe's script only: the checks beyond axe, which use the page itself, are
    off (they are tested on real pages in test_checks_*.py)."""
    settings.ACCESSIBILITY_AUDIT = {**settings.ACCESSIBILITY_AUDIT, "checks": "none"}
    RecordedAxeBrowser.visited = []
    behaviour = {"violating_paths": (), "fail": False}
    monkeypatch.setattr(
        workers, "start_chromium", lambda remote_url=None: RecordedAxeBrowser(**behaviour)
    )
    return behaviour


@pytest.fixture
def audit_on_publish(settings):
    settings.ACCESSIBILITY_AUDIT_ON_PUBLISH = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    settings.ALLOWED_HOSTS = ["*"]


@pytest.fixture
def translated_page(homes, django_capture_on_commit_callbacks):  # noqa: F811
    """A standard page in az with its en and ru translations, all live, no audit yet."""
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": homes["az"]}
    )
    with suspend_audit_on_publish(), django_capture_on_commit_callbacks(execute=True):
        for site_root in homes.values():
            site_root.save_revision().publish()
        page = StandardPage(
            title="Mandat",
            slug="mandat",
            body=json.dumps([{"type": "heading", "value": {"text": "Vəzifələr", "level": "h2"}}]),
        )
        homes["az"].add_child(instance=page)
        page.save_revision().publish()
        strings = {"Mandat": "Mandate", "mandat": "mandate", "Vəzifələr": "Duties"}
        translate_instance(page, "en", strings)
        translate_instance(
            page, "ru", {"Mandat": "Мандат", "mandat": "mandat-ru", "Vəzifələr": "Задачи"}
        )
    assert not AuditRun.objects.exists()
    return page


def publish_in_admin(client, page):
    """Publish the page's latest content through the editor, as an editor does."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield([("heading", {"text": "Vəzifələr", "level": "h2"})]),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


# Real commits, as in development: the audit is queued when the publishing transaction commits.
# serialized_rollback puts back what migrations created (the root page, the default locale),
# which the flush after a transactional test would otherwise remove for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_queues_an_audit_of_the_page_and_the_editor_sees_its_result(
    client, audit_on_publish, recorded_browser, translated_page
):
    recorded_browser["violating_paths"] = ("/az/",)
    editor = make_page_editor("editor", "en", translated_page.get_parent())
    client.force_login(editor)

    response = publish_in_admin(client, translated_page)

    # The editor's response did not wait for a browser: the audit is queued.
    assert not AuditRun.objects.exists() and RecordedAxeBrowser.visited == []
    assert queued_audits() == [("audit_published_pages", [[translated_page.pk], editor.pk])]
    messages = [str(message) for message in response.context["messages"]]
    assert "An accessibility audit of this page has been queued." in messages

    run_queued_tasks()

    run = AuditRun.objects.get()
    assert run.trigger == AuditRun.Trigger.PUBLISH
    assert run.triggered_by == editor
    assert run.settings["scope"] == "page"
    # Only the language that changed: the en and ru translations were not published.
    statuses = {(result.locale, result.status) for result in run.page_results.all()}
    assert statuses == {("az", PageResult.Status.VIOLATIONS)}
    visited_pages = {url for url in RecordedAxeBrowser.visited if not url.endswith("robots.txt")}
    assert visited_pages == {"http://127.0.0.1:8000/az/mandat/"}
    violations = run.violations_total  # One per configured viewport of the page.
    assert violations == len(audit_settings()["viewports"])
    # The editor's header menu and the page's audit view show the result.
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[translated_page.pk])).content
    assert f"Accessibility: {violations} accessibility violations" in edit_html.decode()
    side_panel = re.search(r'data-audit-status="(\w[\w-]*)">(.*?)</div>', edit_html.decode(), re.S)
    assert side_panel.group(1) == "violations"
    assert f"{violations} accessibility violations" in side_panel.group(2)
    page_view = client.get(reverse("accessibility_admin:page", args=[translated_page.pk]))
    assert page_view.status_code == 200
    assert b"color-contrast" in page_view.content
    assert b'data-status="violations"' in page_view.content


def test_a_page_never_audited_says_so(client, translated_page):
    client.force_login(make_user("boss", superuser=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[translated_page.pk])).content
    assert "Accessibility: Not audited yet" in html.decode()
    assert 'data-audit-status="not-audited"' in html.decode()


def test_a_failed_audit_never_blocks_publishing_and_is_recorded(
    client, audit_on_publish, recorded_browser, translated_page, django_capture_on_commit_callbacks
):
    recorded_browser["fail"] = True
    client.force_login(make_page_editor("editor", "en", translated_page.get_parent()))

    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_admin(client, translated_page)
    run_queued_tasks()

    assert response.status_code == 200
    translated_page.refresh_from_db()
    assert translated_page.live_revision_id == translated_page.latest_revision_id
    run = AuditRun.objects.get()
    assert run.status == AuditRun.Status.ERROR
    assert run.pages_error == run.pages_total == len(audit_settings()["viewports"])
    assert "chromium crashed" in run.page_results.first().error_message
    html = client.get(reverse("accessibility_admin:page", args=[translated_page.pk])).content
    assert b'data-status="error"' in html


def test_a_failure_before_the_browser_is_recorded_too(
    audit_on_publish, translated_page, monkeypatch, django_capture_on_commit_callbacks
):
    def broken_engine(*args, **kwargs):
        raise ConnectionError("database went away")

    monkeypatch.setattr("accessibility.engine.run_audit", broken_engine)
    with django_capture_on_commit_callbacks(execute=True):
        translated_page.save_revision().publish()
    run_queued_tasks()

    run = AuditRun.objects.get()
    assert run.status == AuditRun.Status.ERROR
    assert "database went away" in run.settings["error"]
    assert {result.locale for result in run.page_results.all()} == {"az"}


def test_audit_on_publish_can_be_switched_off(
    settings, recorded_browser, translated_page, django_capture_on_commit_callbacks
):
    settings.ACCESSIBILITY_AUDIT_ON_PUBLISH = False
    with django_capture_on_commit_callbacks(execute=True):
        translated_page.save_revision().publish()
    assert not AuditRun.objects.exists() and queued_audits() == []


def test_loading_the_demo_content_starts_no_audit(
    audit_on_publish, recorded_browser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.live().count() > 3
    assert not AuditRun.objects.exists() and queued_audits() == []
    assert RecordedAxeBrowser.visited == []


def test_audit_this_page_now(client, recorded_browser, translated_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    editor = make_page_editor("editor", "en", translated_page.get_parent())
    client.force_login(editor)
    url = reverse("accessibility_admin:page", args=[translated_page.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated_page.pk])

    response = client.post(url, {"next": edit_url})

    assert response.status_code == 302 and response.url == edit_url
    assert queued_audits() == [("audit_page", [translated_page.pk, editor.pk, "admin"])]
    run_queued_tasks()
    run = AuditRun.objects.get()
    assert run.trigger == AuditRun.Trigger.ADMIN and run.settings["scope"] == "page"
    assert {result.locale for result in run.page_results.all()} == {"az", "en", "ru"}
    # Offsite "next" addresses are ignored.
    response = client.post(url, {"next": "https://evil.example/"}, follow=True)
    assert response.redirect_chain[0][0] == url


def test_only_editors_of_the_page_may_audit_it(client, translated_page):
    url = reverse("accessibility_admin:page", args=[translated_page.pk])
    assert client.get(url).url.startswith(reverse("wagtailadmin_login"))
    client.force_login(make_user("stranger"))
    assert client.get(url).url == reverse("wagtailadmin_home")
    assert client.post(url).url == reverse("wagtailadmin_home")
    assert not AuditRun.objects.exists() and queued_audits() == []


@pytest.fixture
def site_auditor(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    user = make_user("starter", permissions=["view_audit_report", "start_audit_run"])
    client.force_login(user)
    return user


def test_the_full_audit_runs_in_the_background_with_its_progress(
    client, recorded_browser, translated_page, site_auditor
):
    response = client.post(reverse("accessibility_admin:start_run"), follow=True)

    run = AuditRun.objects.get()
    progress_url = reverse("accessibility_admin:run_progress", args=[run.pk])
    assert response.redirect_chain[-1][0] == progress_url
    assert (run.trigger, run.settings["scope"], run.status) == ("admin", "site", "running")
    assert RecordedAxeBrowser.visited == []  # The request did not wait for the audit.
    assert queued_audits() == [("audit_site", [run.pk])]
    html = response.content.decode()
    assert "The audit of the whole site has started." in html
    assert f'href="{progress_url}">Refresh</a>' in html  # A plain link: no script, no meta refresh.
    assert "http-equiv" not in html
    assert 'data-figure="pages-done">0 of 0<' in html

    # A second request while it runs shows the running audit and starts nothing.
    response = client.post(reverse("accessibility_admin:start_run"), follow=True)
    assert response.redirect_chain[-1][0] == progress_url
    assert "An audit of the whole site is already running" in response.content.decode()
    assert AuditRun.objects.count() == 1 and len(queued_audits()) == 1

    run_queued_tasks()

    run.refresh_from_db()
    assert run.status == "passed" and run.pages_total == run.pages_done > 0
    audited_pages = {result.url for result in run.page_results.filter(page__isnull=False)}
    assert {
        f"http://127.0.0.1:8000{path}" for path in ("/az/mandat/", "/en/mandate/", "/ru/mandat-ru/")
    } <= audited_pages
    not_found = run.page_results.filter(page_type="not-found")
    assert set(not_found.values_list("locale", flat=True)) == {"az", "en", "ru"}  # 404 pages too.
    html = client.get(progress_url).content.decode()
    assert f'data-figure="pages-done">{run.pages_total} of {run.pages_total}<' in html
    assert "Cancel the audit" not in html
    html = client.get(reverse("accessibility_admin:report")).content.decode()
    assert f"Audit run #{run.pk}" in html
    assert f'data-figure="pages-audited">{run.pages_ok}<' in html


def test_cancelling_a_running_full_audit_stops_it_and_closes_its_browsers(
    client, recorded_browser, translated_page, site_auditor, monkeypatch
):
    client.post(reverse("accessibility_admin:start_run"))
    run = AuditRun.objects.get()
    quits = []
    monkeypatch.setattr(RecordedAxeBrowser, "quit", lambda self: quits.append(self))
    from accessibility import engine

    original_record = engine.record_outcome

    def record_then_cancel(run, outcome, options):
        # The editor presses Cancel once the first page has been audited.
        page_result = original_record(run, outcome, options)
        if run.pages_done == 0:
            cancel = client.post(reverse("accessibility_admin:cancel_run", args=[run.pk]))
            assert cancel.status_code == 302
            run.pages_ok = 1
        return page_result

    monkeypatch.setattr(engine, "record_outcome", record_then_cancel)
    run_queued_tasks()

    run.refresh_from_db()
    assert run.status == AuditRun.Status.CANCELLED
    assert 0 < run.pages_done < run.pages_total
    assert quits  # The worker's browser was closed.
    html = client.get(reverse("accessibility_admin:run_progress", args=[run.pk])).content
    assert b'data-status="cancelled"' in html
    # A cancelled run is not the site's latest report, and a new one may start.
    client.post(reverse("accessibility_admin:start_run"))
    assert AuditRun.objects.filter(status="running").count() == 1


def test_a_full_audit_cancelled_before_it_started_audits_nothing(
    client, recorded_browser, translated_page, site_auditor
):
    client.post(reverse("accessibility_admin:start_run"))
    run = AuditRun.objects.get()
    client.post(reverse("accessibility_admin:cancel_run", args=[run.pk]))
    run_queued_tasks()
    run.refresh_from_db()
    assert run.status == AuditRun.Status.CANCELLED and RecordedAxeBrowser.visited == []


def test_each_user_may_start_only_so_many_audits_a_minute(
    client, recorded_browser, translated_page, settings
):
    settings.ACCESSIBILITY_AUDITS_PER_USER_PER_MINUTE = 2
    editor = make_page_editor("editor", "az", translated_page.get_parent())
    client.force_login(editor)
    url = reverse("accessibility_admin:page", args=[translated_page.pk])

    for _click in range(2):
        client.post(url)
    response = client.post(url, follow=True)

    assert len(queued_audits()) == 2
    messages = [str(message) for message in response.context["messages"]]
    assert any("Bir dəqiqə gözləyin" in message for message in messages), messages
    # Another editor has their own allowance.
    client.force_login(make_page_editor("other", "en", translated_page.get_parent()))
    client.post(url)
    assert len(queued_audits()) == 3


def test_publishing_past_the_limit_publishes_without_an_audit_and_says_so(
    client,
    audit_on_publish,
    recorded_browser,
    translated_page,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.ACCESSIBILITY_AUDITS_PER_USER_PER_MINUTE = 1
    client.force_login(make_page_editor("editor", "en", translated_page.get_parent()))
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_admin(client, translated_page)
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_admin(client, translated_page)

    translated_page.refresh_from_db()
    assert translated_page.live_revision_id == translated_page.latest_revision_id  # Published.
    assert len(queued_audits()) == 1
    messages = [str(message) for message in response.context["messages"]]
    assert any("published, but not audited" in message for message in messages), messages
