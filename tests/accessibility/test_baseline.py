"""Baselines: accepted violations pass, expired and new ones fail; fingerprints survive edits."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from accessibility.baseline import Baseline, BaselineError
from accessibility.fingerprints import fingerprint, normalize_selector
from accessibility.models import AuditRun

PAGE = """<!DOCTYPE html><html lang="en"><head><title>News</title></head><body><main>
<h1>News</h1>{before}
<ul class="card-list">
  <li><p>{text}</p></li>
  <li><p>A photo:</p><img src="/photo-{photo}.png" width="20" height="20"></li>
</ul>{extra}
</main></body></html>"""
NEW_DEFECT = '<p><button type="button"></button></p>'


def news_page(before="", text="First story", photo="1", extra=""):
    return PAGE.format(before=before, text=text, photo=photo, extra=extra)


def test_normalized_selectors_ignore_positions_generated_ids_and_attribute_values():
    assert normalize_selector("ul > li:nth-child(2) > img") == "ul > li > img"
    assert normalize_selector('img[src$="photo-1.png"]') == "img[src]"
    assert normalize_selector("#block-3f2a9c1d0e > p") == "#block-* > p"
    assert normalize_selector("#block-77aa0b12cd > p") == "#block-* > p"
    assert normalize_selector(".card:nth-of-type(3)") == ".card"
    assert normalize_selector("#main-menu") == "#main-menu"


def test_fingerprints_differ_by_rule_page_and_element():
    base = fingerprint("image-alt", "ul > li:nth-child(2) > img", "page:abc:az")
    assert base == fingerprint("image-alt", "ul > li:nth-child(5) > img", "page:abc:az")
    assert base != fingerprint("image-alt", "ul > li > img", "page:abc:en")
    assert base != fingerprint("link-name", "ul > li > img", "page:abc:az")
    assert base != fingerprint("image-alt", "figure > img", "page:abc:az")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("not json", "not readable JSON"),
        ('{"accepted": [{"fingerprint": "abc", "expires": "2030-01-01"}]}', "lacks reason"),
        (
            '{"accepted": [{"fingerprint": "a", "reason": "r", "expires": "soon"}]}',
            "expires must be a date",
        ),
    ],
)
def test_a_malformed_baseline_is_refused_with_the_reason(tmp_path, document, message):
    path = tmp_path / "baseline.json"
    path.write_text(document)
    with pytest.raises(BaselineError, match=message):
        Baseline.load(path)


def audit(fixture_site, tmp_path, *extra_arguments, **options):
    """Run the command on /news.html; return its exit code and the run."""
    arguments = {
        "base_url": fixture_site.base_url,
        "no_crawl": True,
        "url": ["/news.html"],
        "viewports": "1280x800",
        "timeout": 10,
        "output": str(tmp_path / "reports"),
        "baseline": str(tmp_path / "baseline.json"),
        "formats": "json",
        **options,
    }
    try:
        call_command("audit_accessibility", *extra_arguments, **arguments)
        code = 0
    except SystemExit as exit_info:
        code = exit_info.code
    return code, AuditRun.objects.latest("pk")


@pytest.mark.browser
@pytest.mark.django_db
def test_baseline_accepts_known_violations_until_they_expire(fixture_site, tmp_path):
    baseline_path = tmp_path / "baseline.json"
    fixture_site.overrides["/news.html"] = news_page()

    code, first = audit(
        fixture_site, tmp_path, update_baseline=True, baseline_reason="Photo alt text in review"
    )
    assert code == 1  # Judged by the old (empty) baseline, then written.
    assert [v.rule_id for v in first.page_results.get().violations.all()] == ["image-alt"]
    entries = json.loads(baseline_path.read_text())["accepted"]
    assert [(e["rule"], e["reason"]) for e in entries] == [
        ("image-alt", "Photo alt text in review")
    ]

    code, accepted = audit(fixture_site, tmp_path)
    assert (code, accepted.status, accepted.violations_new) == (0, AuditRun.Status.PASSED, 0)

    # Unrelated edits: new content before the image, new text, another image file name.
    fixture_site.overrides["/news.html"] = news_page(
        before="<p>Breaking: a new paragraph.</p>", text="Another story", photo="2"
    )
    code, edited = audit(fixture_site, tmp_path)
    assert code == 0
    assert edited.page_results.get().violations.get().fingerprint == entries[0]["fingerprint"]

    # A new problem fails the run; the accepted one still does not.
    fixture_site.overrides["/news.html"] = news_page(extra=NEW_DEFECT)
    code, with_new = audit(fixture_site, tmp_path)
    assert code == 1
    verdicts = {v.rule_id: v.accepted for v in with_new.page_results.get().violations.all()}
    assert verdicts == {"image-alt": True, "button-name": False}

    # Once expired, the accepted violation fails again.
    fixture_site.overrides["/news.html"] = news_page()
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    entries[0]["expires"] = yesterday
    baseline_path.write_text(json.dumps({"version": 1, "accepted": entries}))
    code, expired = audit(fixture_site, tmp_path)
    assert code == 1
    assert expired.page_results.get().violations.get().accepted is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"baseline_expires": "2001-01-01", "baseline_reason": "x"}, "must not be in the past"),
        ({"baseline_expires": "next week", "baseline_reason": "x"}, "a date like"),
        ({}, "--update-baseline needs --baseline-reason"),
    ],
)
def test_update_baseline_refuses_bad_options_before_auditing(tmp_path, options, message):
    with pytest.raises(CommandError, match=message) as failure:
        call_command(
            "audit_accessibility",
            base_url="http://127.0.0.1:9",
            update_baseline=True,
            baseline=str(tmp_path / "baseline.json"),
            **options,
        )
    assert failure.value.returncode == 2
    assert not AuditRun.objects.exists()
