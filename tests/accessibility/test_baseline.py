"""Baselines: accepted violations pass, expired and new ones fail (and are listed, with their
reason and date, in every report and on the console); fingerprints survive unrelated edits and
keep distinct elements distinct."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from accessibility.baseline import Baseline, BaselineError
from accessibility.engine import AuditOptions, _violation_rows
from accessibility.fingerprints import fingerprint, normalize_selector
from accessibility.models import AuditRun
from accessibility.targets import AuditTarget, Variant, parse_viewport
from accessibility.workers import Job, Outcome

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
    uuid = "#block-0f8e7a52-3c1b-4d2e-9a6f-1b2c3d4e5f60"
    assert normalize_selector(uuid) == "#block-*"
    assert normalize_selector(".card:nth-of-type(3)") == ".card"
    assert normalize_selector("#main-menu") == "#main-menu"


def test_ids_an_author_wrote_are_kept_whole_digits_included():
    """`#t1`, `#t3`, `#t4` are three elements (the old normalization made them one)."""
    assert normalize_selector("#t1") == "#t1"
    assert len({fingerprint("button-name", f"#t{n}", "path:/") for n in (1, 3, 4)}) == 3
    assert normalize_selector(".step-2 > a") == ".step-2 > a"
    assert normalize_selector("#news-2024") == "#news-2024"
    assert normalize_selector("#deadbeef-menu") == "#deadbeef-menu"  # Hex letters, no digit.


def test_fingerprints_differ_by_rule_page_element_and_occurrence():
    base = fingerprint("image-alt", "ul > li:nth-child(2) > img", "page:abc:az")
    assert base == fingerprint("image-alt", "ul > li:nth-child(5) > img", "page:abc:az")
    assert base != fingerprint("image-alt", "ul > li > img", "page:abc:en")
    assert base != fingerprint("link-name", "ul > li > img", "page:abc:az")
    assert base != fingerprint("image-alt", "figure > img", "page:abc:az")
    assert base != fingerprint("image-alt", "ul > li > img", "page:abc:az", occurrence=2)


def fingerprints_of(*targets, rule="image-alt"):
    """The fingerprints the engine gives axe's nodes (in document order) on one page."""
    outcome = Outcome(
        job=Job(
            target=AuditTarget(url="/news.html"),
            viewport=parse_viewport("1280x800"),
            variant=Variant(),
            url="http://127.0.0.1/news.html",
        ),
        results={"violations": [{"id": rule, "nodes": [{"target": t} for t in targets]}]},
    )
    return [v.fingerprint for v in _violation_rows(outcome, outcome.job, AuditOptions())]


def test_similar_elements_stay_distinct_and_survive_unrelated_edits():
    """Two images without alt in a list have the same normalized selector: their occurrence
    keeps them apart, and a paragraph added above (shifting every :nth-child) changes neither."""
    two_images = fingerprints_of(["ul > li:nth-child(2) > img"], ["ul > li:nth-child(3) > img"])
    assert len(set(two_images)) == 2
    after_an_edit_above = fingerprints_of(
        ["ul > li:nth-child(3) > img"], ["ul > li:nth-child(4) > img"]
    )
    assert after_an_edit_above == two_images
    # Accepting the one image there was accepts one: a second one added later is new.
    one_image = fingerprints_of(["ul > li:nth-child(2) > img"])
    assert set(two_images) - set(one_image) == {two_images[1]}
    # In frames, the frame's selector path is part of the element's name.
    framed = fingerprints_of(["#frame-a", "img"], ["#frame-b", "img"])
    assert len(set(framed)) == 2


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
def test_baseline_accepts_known_violations_until_they_expire(fixture_site, tmp_path, capsys):
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
    code, expired = audit(fixture_site, tmp_path, formats="json,junit,html,markdown")
    assert code == 1
    assert expired.page_results.get().violations.get().accepted is False
    # Which entry expired, when, and why it had been accepted: on the console and in every report.
    console = capsys.readouterr().out
    assert "1 baseline entry has expired" in console
    assert f"image-alt at {entries[0]['target']}" in console
    assert f"expired {yesterday}: Photo alt text in review" in console
    reports = tmp_path / "reports"
    listed = json.loads((reports / "audit.json").read_text())["run"]["baseline_expired"]
    assert [(e["rule"], e["reason"], e["expires"], e["found_in_run"]) for e in listed] == [
        ("image-alt", "Photo alt text in review", yesterday, True)
    ]
    for name in ("junit.xml", "report.html", "summary.md"):
        text = (reports / name).read_text()
        assert "Photo alt text in review" in text and yesterday in text, name


@pytest.mark.browser
@pytest.mark.django_db
def test_accepting_one_element_does_not_accept_similar_ones_added_later(fixture_site, tmp_path):
    """`#t1` accepted; `#t3` and `#t4` added later are new violations (digits are names)."""
    buttons = '<p><button type="button" id="t{}"></button></p>'
    fixture_site.overrides["/news.html"] = news_page(extra=buttons.format(1))
    audit(fixture_site, tmp_path, update_baseline=True, baseline_reason="Icon labels in review")

    fixture_site.overrides["/news.html"] = news_page(
        before="<p>An unrelated new paragraph.</p>",
        extra="".join(buttons.format(n) for n in (1, 3, 4)),
    )
    code, later = audit(fixture_site, tmp_path)
    assert code == 1
    verdicts = {
        (v.rule_id, v.target): v.accepted for v in later.page_results.get().violations.all()
    }
    assert verdicts == {
        ("image-alt", "img"): True,
        ("button-name", "#t1"): True,
        ("button-name", "#t3"): False,
        ("button-name", "#t4"): False,
    }


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
