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
    assert "found on 2 audited pages" in html and "(en, ru)" in html
    assert '<span lang="en">Third-party map widget, replaced in 2027</span>' in html


def test_a_clean_audit_makes_the_statement_claim_full_compliance(demo_content):
    first = Client().get(STATEMENT_PATHS["en"])
    assert "no-cache" in first["Cache-Control"]  # The page cache must not keep old figures.
    site_run([])
    html = Client().get(STATEMENT_PATHS["en"]).content.decode()
    assert "fully compliant" in html
    assert figure(html, "violations") == 0


def test_without_an_audit_the_statement_claims_no_compliance(demo_content):
    html = Client().get(STATEMENT_PATHS["ru"]).content.decode()
    assert 'data-status="none"' in html


def test_the_statement_is_only_allowed_under_a_home_page():
    assert AccessibilityStatementPage.parent_page_types == ["home.HomePage"]
    assert "accessibility.AccessibilityStatementPage" in HomePage.subpage_types
    assert AccessibilityStatementPage.subpage_types == []
