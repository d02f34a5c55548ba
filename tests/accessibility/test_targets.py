"""What the audit visits: the page tree in every locale, non-page views, sitemaps; bad options."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageViewRestriction

from accessibility.engine import AuditOptions, plan_jobs
from accessibility.models import AuditRun
from accessibility.server import SiteServer
from accessibility.targets import (
    TargetError,
    all_pages_of,
    page_targets,
    parse_variant,
    parse_viewport,
    sitemap_targets,
    url_targets,
    view_targets,
)


@pytest.mark.django_db
def test_page_tree_gives_every_live_public_page_in_every_locale_and_filters(demo_content):
    public_pages = Page.objects.live().public().filter(depth__gt=1)
    targets = page_targets()
    assert len(targets) == public_pages.count()
    assert {t.locale for t in targets} == {"az", "en", "ru"}
    home = next(t for t in targets if t.url == "/en/")
    assert home.page_type == "home.HomePage"
    assert home.identity.startswith("page:") and home.identity.endswith(":en")
    assert home.revision_id == Page.objects.get(pk=home.page_id).live_revision_id

    assert {t.locale for t in page_targets(locales=["ru"])} == {"ru"}
    homes = page_targets(page_types=["home.HomePage"])
    assert {t.url for t in homes} == {"/az/", "/en/", "/ru/"}
    home = Page.objects.get(url_path__endswith="/", depth=2, locale__language_code="az")
    assert {t.url for t in page_targets(pages=all_pages_of(home))} == {"/az/", "/en/", "/ru/"}
    with pytest.raises(TargetError, match="Unknown page type"):
        page_targets(page_types=["home.NoSuchPage"])
    with pytest.raises(TargetError, match="Unknown locale"):
        page_targets(locales=["fr"])

    # A page behind a view restriction and an unpublished page are left out.
    restricted, unpublished = public_pages.filter(depth__gt=2)[:2]
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    unpublished.specific.unpublish()
    remaining = {t.page_id for t in page_targets()}
    assert restricted.pk not in remaining
    assert unpublished.pk not in remaining


@pytest.mark.django_db
def test_view_targets_include_search_preferences_and_a_404_in_each_language():
    targets = view_targets()
    kinds = {(t.page_type, t.locale) for t in targets}
    for language in ("az", "en", "ru"):
        for kind in ("search", "search-no-results", "preferences", "not-found"):
            assert (kind, language) in kinds
    not_found = next(t for t in targets if t.page_type == "not-found")
    assert not_found.expected_status == 404
    assert not_found.identity == "view:not-found:az"


def test_sitemap_paths_are_audited_under_the_base_url(fixture_site):
    fixture_site.sitemap_paths = ["/az/news/", "/en/about/?page=2", "/ru/other/", "/"]
    targets = sitemap_targets(fixture_site.base_url, locales=["az", "en"])
    assert [(t.url, t.locale) for t in targets] == [
        ("/az/news/", "az"),
        ("/en/about/?page=2", "en"),
        ("/", ""),
    ]
    options = AuditOptions(base_url="https://staging.example")
    assert plan_jobs(targets[:1], options)[0].url == "https://staging.example/az/news/"


def test_jobs_cover_every_target_viewport_and_variant():
    options = AuditOptions(
        base_url="http://127.0.0.1:8000/",
        viewports=[parse_viewport("1280x800"), parse_viewport("320 × 640")],
        variants=[parse_variant("default"), parse_variant("text-200+theme-contrast")],
    )
    jobs = plan_jobs(url_targets(["/az/", "http://other.example/en/"]), options)
    assert len(jobs) == 8
    assert {job.url for job in jobs} == {"http://127.0.0.1:8000/az/", "http://other.example/en/"}
    contrast = jobs[1].variant
    assert contrast.cookies == (("site_preferences", "200.contrast"),)


@pytest.mark.parametrize(
    ("function", "argument", "message"),
    [
        (parse_viewport, "wide", "not a viewport"),
        (parse_viewport, "10x10", "between 200 and 4000"),
        (parse_variant, "theme-purple", "Unknown preference variant"),
        (url_targets, ["javascript:alert(1)"], "only http and https"),
        (url_targets, ["news/"], "starting with '/'"),
    ],
)
def test_bad_target_options_are_refused_with_a_reason(function, argument, message):
    with pytest.raises(TargetError, match=message):
        function(argument)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"viewports": "1280by800"}, "not a viewport"),
        ({"variants": "dark"}, "Unknown preference variant"),
        ({"formats": "pdf"}, "Unknown report format"),
        ({"workers": 0}, "--workers must be between"),
        ({"timeout": -1}, "--timeout must be between"),
        ({"locales": "fr"}, "Unknown locale"),
        ({"page_types": "home.HomePage"}, "cannot be used with --no-crawl or --base-url"),
        ({"no_crawl": True}, "--no-crawl needs at least one --url"),
        ({"no_crawl": True, "url": ["clean.html"]}, "give an absolute URL or a path"),
        ({"no_crawl": True, "url": ["http://"]}, "only http and https URLs"),
        ({"no_crawl": True, "url": ["/az/"], "locales": "en"}, "None of the --url addresses"),
        ({"tags": "wcag2a,WCAG2AA"}, r"Unknown axe-core tag\(s\): WCAG2AA\. .*wcag2aa"),
        ({"report_language": "fr"}, "Unknown --report-language"),
        ({"remote_url": "file:///etc/passwd"}, "--remote-url must be an http"),
        ({"output": "FILE"}, "is a file; give a folder"),
        ({"baseline": "BAD-BASELINE"}, "not readable JSON"),
    ],
)
def test_command_refuses_bad_options_with_one_line_and_exit_2_before_loading_a_page(
    fixture_site, tmp_path, options, message
):
    existing_file = tmp_path / "summary.md"
    existing_file.write_text("an earlier report")
    bad_baseline = tmp_path / "baseline.json"
    bad_baseline.write_text("{not json")
    files = {"FILE": str(existing_file), "BAD-BASELINE": str(bad_baseline)}
    arguments = {
        "base_url": fixture_site.base_url,
        "output": str(tmp_path / "reports"),
        "baseline": str(tmp_path / "no-baseline.json"),
        **{name: files.get(str(value), value) for name, value in options.items()},
    }
    if "url" in options:  # Only the given addresses, and no site of our own.
        arguments.pop("base_url")
    with pytest.raises(CommandError, match=message) as failure:
        call_command("audit_accessibility", **arguments)
    assert failure.value.returncode == 2
    assert "\n" not in str(failure.value)
    assert fixture_site.requests == []  # Not even the sitemap was asked for.
    assert not AuditRun.objects.exists()
    assert existing_file.read_text() == "an earlier report"


@pytest.mark.django_db
def test_a_server_settings_module_that_does_not_exist_is_a_usage_error(monkeypatch):
    monkeypatch.setattr(SiteServer, "start", lambda self: pytest.fail("no server may start"))
    with pytest.raises(CommandError, match="not an importable settings module") as failure:
        call_command(
            "audit_accessibility", no_crawl=True, url=["/en/"], server_settings="config.nope"
        )
    assert failure.value.returncode == 2
