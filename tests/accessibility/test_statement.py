"""The accessibility statement: one per language, in the footer, with the latest audit's figures."""

import datetime
import json
import re

import pytest
from django.test import Client

from accessibility.models import AccessibilityStatementPage, AuditRun, PageResult, Violation
from home.models import HomePage

pytestmark = pytest.mark.django_db

STATEMENT_PATHS = {"az": "/az/elcatanliq/", "en": "/en/accessibility/", "ru": "/ru/dostupnost/"}


def figure(html, name):
    return int(re.search(rf'data-figure="{name}">(\d+)<', html).group(1))


def site_run(violations, errors=0, day=datetime.date(2026, 11, 20)):
    """A finished site audit: `violations` is a list of (locale, rule, fingerprint)."""
    run = AuditRun.objects.create(
        trigger=AuditRun.Trigger.COMMAND,
        status=AuditRun.Status.FAILED if violations else AuditRun.Status.PASSED,
        axe_version="4.10.2",
        settings={"viewports": ["1280x800"], "tags": ["wcag22aa"]},
    )
    AuditRun.objects.filter(pk=run.pk).update(
        started_at=datetime.datetime(day.year, day.month, day.day, 9, tzinfo=datetime.UTC)
    )
    for locale in ("az", "en", "ru"):
        mine = [v for v in violations if v[0] == locale]
        result = PageResult.objects.create(
            run=run,
            url=f"/{locale}/",
            locale=locale,
            viewport="1280x800",
            status=PageResult.Status.VIOLATIONS if mine else PageResult.Status.OK,
        )
        for _locale, rule, fingerprint in mine:
            Violation.objects.create(
                page_result=result,
                rule_id=rule,
                impact="serious",
                help=f"Help text of {rule}",
                help_url=f"https://dequeuniversity.com/rules/axe/4.10/{rule}",
                target="#x",
                fingerprint=fingerprint,
                accepted=fingerprint.startswith("accepted"),
            )
    for number in range(errors):
        PageResult.objects.create(
            run=run,
            url=f"/az/broken-{number}/",
            locale="az",
            viewport="1280x800",
            status=PageResult.Status.ERROR,
            error_message="timeout",
        )
    run.refresh_counts()
    return run


def test_the_demo_has_a_statement_per_language_linked_from_every_footer(demo_content):
    for language, path in STATEMENT_PATHS.items():
        statements = AccessibilityStatementPage.objects.live().filter(
            locale__language_code=language
        )
        assert [page.url for page in statements] == [path]
        home_html = Client().get(f"/{language}/").content.decode()
        footer = home_html[home_html.index("<footer") :]
        assert f'href="{path}"' in footer
        response = Client().get(path)
        assert response.status_code == 200
        assert f'<html lang="{language}"' in response.content.decode()


def test_loading_the_demo_twice_leaves_one_statement_and_one_footer_link(demo_content):
    from django.core.management import call_command

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert AccessibilityStatementPage.objects.count() == 3
    html = Client().get("/en/").content.decode()
    assert html.count('href="/en/accessibility/"') == 1


def test_the_statement_shows_the_latest_audits_figures_and_problems(
    demo_content, settings, tmp_path
):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(
        json.dumps(
            {
                "version": 1,
                "accepted": [
                    {
                        "fingerprint": "accepted-1",
                        "reason": "Third-party map widget, replaced in 2027",
                        "expires": "2099-01-01",
                    }
                ],
            }
        )
    )
    settings.ACCESSIBILITY_AUDIT = {"baseline": str(baseline)}
    site_run([("az", "color-contrast", "old")])  # An older run: not the one shown.
    run = site_run(
        [
            ("en", "color-contrast", "c1"),
            ("ru", "color-contrast", "c2"),
            ("en", "frame-title", "accepted-1"),
        ],
        errors=1,
        day=datetime.date(2026, 11, 27),
    )

    html = Client().get(STATEMENT_PATHS["en"]).content.decode()

    assert figure(html, "pages-audited") == 3
    assert figure(html, "pages-clean") == 1
    assert figure(html, "violations") == run.violations_total == 3
    assert figure(html, "pages-error") == 1
    assert '<time datetime="2026-11-27">' in html
    assert "partially compliant" in html
    assert '<span lang="en">Help text of color-contrast</span>' in html
    assert "found on 2 audited pages" in html and "(English, Russian)" in html  # Names.
    assert "<dd>Azerbaijani, English, Russian</dd>" in html
    assert '<span lang="en">Third-party map widget, replaced in 2027</span>' in html


def english_statement(**changes):
    """The en statement with `changes` written straight to the live page."""
    statement = AccessibilityStatementPage.objects.get(locale__language_code="en")
    for name, value in changes.items():
        setattr(statement, name, value)
    statement.save()
    return statement


def status_of(html):
    return re.search(r'<p class="notice" data-status="([\w-]+)"', html).group(1)


def test_full_compliance_needs_a_clean_audit_nothing_listed_and_a_recent_review(demo_content):
    first = Client().get(STATEMENT_PATHS["en"])
    assert "no-cache" in first["Cache-Control"]  # The page cache must not keep old figures.
    site_run([])
    today = datetime.date.today()
    # The demo lists scanned PDF reports as not accessible, and nobody has reviewed the site.
    html = Client().get(STATEMENT_PATHS["en"]).content.decode()
    assert status_of(html) == "partial" and "partially compliant" in html
    assert "No person has checked them yet." in html
    assert "scanned images" in html  # The listed problem is shown.

    english_statement(manual_review_on=today)
    html = Client().get(STATEMENT_PATHS["en"]).content.decode()
    assert status_of(html) == "partial"  # The PDFs are still listed.

    english_statement(non_accessible_content="")
    html = Client().get(STATEMENT_PATHS["en"]).content.decode()
    assert status_of(html) == "full" and "fully compliant" in html
    assert figure(html, "violations") == 0

    english_statement(manual_review_on=today - datetime.timedelta(days=400))
    html = Client().get(STATEMENT_PATHS["en"]).content.decode()
    assert status_of(html) == "partial" and "That review is out of date." in html


def test_an_accepted_violation_or_an_unaudited_page_is_a_known_problem(demo_content):
    english_statement(non_accessible_content="", manual_review_on=datetime.date.today())
    site_run([("en", "frame-title", "accepted-1")])
    assert status_of(Client().get(STATEMENT_PATHS["en"]).content.decode()) == "partial"
    site_run([], errors=1, day=datetime.date(2026, 11, 28))
    html = Client().get(STATEMENT_PATHS["en"]).content.decode()
    assert status_of(html) == "partial" and "1 page could not be audited" in html


def test_an_editor_may_state_less_than_the_audits_never_more(demo_content):
    english_statement(compliance_status="full")
    html = Client().get(STATEMENT_PATHS["en"]).content.decode()
    assert status_of(html) == "not-assessed"
    site_run([("en", "color-contrast", "c1")])
    assert status_of(Client().get(STATEMENT_PATHS["en"]).content.decode()) == "partial"
    english_statement(compliance_status="none")
    assert status_of(Client().get(STATEMENT_PATHS["en"]).content.decode()) == "none"


def test_without_a_site_audit_the_statement_says_not_yet_assessed(demo_content):
    # A page's own audit after publishing is not an assessment of the site.
    AuditRun.objects.create(trigger=AuditRun.Trigger.PUBLISH, status="passed")
    html = Client().get(STATEMENT_PATHS["en"]).content.decode()
    assert status_of(html) == "not-assessed"
    assert "has not yet been assessed" in html
    assert "listed below" not in html
    assert "every page in every language" not in html  # No claim about audits not done.


def test_the_statement_says_what_is_audited_on_publish(demo_content):
    site_run([])
    html = Client().get(STATEMENT_PATHS["en"]).content.decode()
    assert "When a page is published, an automated audit checks that page" in html
    assert "Every change to the website is checked" not in html


def test_the_statement_is_only_allowed_under_a_home_page():
    assert AccessibilityStatementPage.parent_page_types == ["home.HomePage"]
    assert "accessibility.AccessibilityStatementPage" in HomePage.subpage_types
    assert AccessibilityStatementPage.subpage_types == []
