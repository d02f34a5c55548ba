"""The Accessibility admin area: permissions on every view, figures equal to the stored run."""

import re

import pytest
from django.urls import reverse

from accessibility.models import AuditRun, PageResult, Violation
from home.models import HomePage
from tests.accessibility.editor_fixtures import homes, make_user  # noqa: F401

pytestmark = pytest.mark.django_db

REPORT = reverse("accessibility_admin:report")


def make_run(violations_by_page, errors=(), trigger=AuditRun.Trigger.COMMAND):
    """A finished site run: {(url, locale, page_type): [(rule, impact), ...]} plus error URLs."""
    run = AuditRun.objects.create(trigger=trigger, status=AuditRun.Status.FAILED)
    for (url, locale, page_type), violations in violations_by_page.items():
        status = PageResult.Status.VIOLATIONS if violations else PageResult.Status.OK
        result = PageResult.objects.create(
            run=run, url=url, locale=locale, page_type=page_type, viewport="1280x800", status=status
        )
        for number, (rule, impact) in enumerate(violations):
            Violation.objects.create(
                page_result=result,
                rule_id=rule,
                impact=impact,
                help=f"Help for {rule}",
                help_url=f"https://dequeuniversity.com/rules/axe/4.10/{rule}",
                target=f"#element-{number}",
                html=f'<img id="element-{number}" src="x.png">',
                fingerprint=f"{rule}-{url}-{number}",
            )
    for url, locale in errors:
        PageResult.objects.create(
            run=run,
            url=url,
            locale=locale,
            viewport="1280x800",
            status=PageResult.Status.ERROR,
            error_message="the page did not finish loading or being audited in time",
        )
    run.refresh_counts()
    return run


@pytest.fixture
def run():
    return make_run(
        {
            ("/az/", "az", "home.HomePage"): [
                ("image-alt", "critical"),
                ("color-contrast", "serious"),
            ],
            ("/en/", "en", "home.HomePage"): [("color-contrast", "serious")],
            ("/ru/", "ru", "home.HomePage"): [],
            ("/en/news/", "en", "news.NewsIndexPage"): [("link-name", "serious")],
        },
        errors=[("/ru/news/", "ru")],
    )


@pytest.fixture
def reviewer(client):
    user = make_user("reviewer", permissions=["view_audit_report"])
    client.force_login(user)
    return user


def figure(html, name):
    return int(re.search(rf'data-figure="{name}">(\d+)<', html).group(1))


def cell(html, attribute, value):
    return int(re.search(rf'data-{attribute}="{re.escape(value)}">(\d+)<', html).group(1))


def test_the_report_shows_the_stored_runs_figures(client, reviewer, run):
    html = client.get(REPORT).content.decode()
    assert f"Audit run #{run.pk}" in html
    assert figure(html, "pages-audited") == 4
    assert figure(html, "pages-with-violations") == run.pages_with_violations == 3
    assert figure(html, "violations") == run.violations_total == 4
    assert figure(html, "pages-error") == run.pages_error == 1
    assert cell(html, "impact", "critical") == 1
    assert cell(html, "impact", "serious") == 3
    assert cell(html, "impact", "minor") == 0
    assert cell(html, "rule", "color-contrast") == 2
    assert cell(html, "language", "az") == 2
    assert cell(html, "language", "ru") == 0
    assert "/ru/news/" in html and "did not finish loading" in html
    assert 'href="https://dequeuniversity.com/rules/axe/4.10/image-alt"' in html


def test_filters_narrow_the_figures(client, reviewer, run):
    html = client.get(REPORT, {"language": "en", "impact": "serious"}).content.decode()
    assert figure(html, "violations") == 2
    assert figure(html, "pages-with-violations") == 2
    html = client.get(REPORT, {"rule": "image-alt"}).content.decode()
    assert figure(html, "violations") == 1
    html = client.get(REPORT, {"page_type": "news.NewsIndexPage"}).content.decode()
    assert figure(html, "violations") == 1


@pytest.mark.parametrize(
    "query",
    [
        {"language": "fr"},
        {"impact": "catastrophic"},
        {"rule": "<script>"},
        {"page_type": "x" * 500},
        {"run": "abc"},
        {"run": "999999"},
        {"run": "9" * 40},
        {"run": "-1"},
    ],
)
def test_bad_filter_values_are_a_clear_400(client, reviewer, run, query):
    response = client.get(REPORT, query)
    assert response.status_code == 400
    assert b"<script>" not in response.content


def test_a_bad_filter_names_the_field_in_error(client, reviewer, run):
    html = client.get(REPORT, {"impact": "catastrophic"}).content.decode()
    assert 'href="#id_impact"' in html


def test_an_older_run_can_be_chosen_and_the_trend_lists_every_site_run(client, reviewer, run):
    newer = make_run({("/az/", "az", "home.HomePage"): []})
    make_run({("/az/", "az", "home.HomePage"): [("list", "minor")]}, trigger="publish")
    html = client.get(REPORT).content.decode()
    assert f"Audit run #{newer.pk}" in html
    assert figure(html, "violations") == 0
    # The trend: a chart with a text alternative, and the same data as a table.
    assert 'role="img" aria-labelledby="trend-title trend-desc"' in html
    assert "Over the last 2 audits, violations fell from 4 to 0." in html
    assert html.count("<rect ") == 2  # The publish-triggered run of one page is not a site run.
    older = client.get(REPORT, {"run": run.pk}).content.decode()
    assert figure(older, "violations") == 4


def test_the_drill_down_shows_each_violation_and_a_link_to_edit(client, reviewer, run, homes):  # noqa: F811
    result = run.page_results.get(url="/az/")
    result.page = homes["az"]
    result.save()
    html = client.get(reverse("accessibility_admin:result", args=[result.pk])).content.decode()
    assert "image-alt" in html and "color-contrast" in html
    assert "<code>#element-0</code>" in html
    assert "&lt;img id=&quot;element-0&quot;" in html
    assert "https://dequeuniversity.com/rules/axe/4.10/image-alt" in html
    # A reviewer without page permissions sees no edit link; a superuser does.
    assert reverse("wagtailadmin_pages:edit", args=[homes["az"].pk]) not in html
    client.force_login(make_user("boss", superuser=True))
    html = client.get(reverse("accessibility_admin:result", args=[result.pk])).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[homes["az"].pk]) in html


def test_an_unknown_result_is_404(client, reviewer):
    url = reverse("accessibility_admin:result", args=[987654])
    # The locale middleware first tries the language-prefixed address; that is a 404 too.
    assert client.get(url, follow=True).status_code == 404


# Permissions ---------------------------------------------------------------------------------


def view_urls(run):
    return [REPORT, reverse("accessibility_admin:result", args=[run.page_results.first().pk])]


def test_anonymous_visitors_are_sent_to_the_login_page(client, run):
    for url in [*view_urls(run), reverse("accessibility_admin:page", args=[1])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))
    response = client.post(reverse("accessibility_admin:start_run"))
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_editors_without_the_permission_are_refused_and_see_no_menu_item(client, run):
    client.force_login(make_user("editor"))
    for url in view_urls(run):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'"url": "{REPORT}"' not in dashboard and REPORT not in dashboard


def test_permitted_users_see_the_menu_item_and_every_view(client, reviewer, run):
    for url in view_urls(run):
        assert client.get(url).status_code == 200
    assert REPORT in client.get(reverse("wagtailadmin_home")).content.decode()


def test_starting_a_run_needs_its_own_permission_and_a_post(client, reviewer, run):
    html = client.get(REPORT).content.decode()
    assert reverse("accessibility_admin:start_run") not in html  # No button without permission.
    response = client.post(reverse("accessibility_admin:start_run"))
    assert response.url == reverse("wagtailadmin_home")
    assert AuditRun.objects.count() == 1
    client.force_login(make_user("starter", permissions=["view_audit_report", "start_audit_run"]))
    assert reverse("accessibility_admin:start_run") in client.get(REPORT).content.decode()
    assert client.get(reverse("accessibility_admin:start_run")).status_code == 405


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_chart_comes_first_and_its_numbers_are_the_same_in_every_language(
    client, run, language
):
    make_run({("/az/", "az", "home.HomePage"): []})
    client.force_login(
        make_user(f"reviewer-{language}", language, permissions=["view_audit_report"])
    )
    html = client.get(REPORT).content.decode()
    chart = html[html.index('class="accessibility-trend"') :]
    svg = chart[chart.index("<svg") : chart.index("</svg>")]
    coordinates = re.findall(r'\b(?:x|y|width|height|x1|y1|x2|y2)="([^"]*)"', svg)
    assert coordinates and all(re.fullmatch(r"\d+(\.\d+)?", value) for value in coordinates)
    assert re.search(r'<rect x="\d+\.\d" y="\d+\.\d"', svg)
    assert html.index('id="trend-heading"') < html.index('id="pages-heading"')  # Chart first.


def test_impacts_page_types_and_languages_are_named_in_the_editors_language(client, run):
    client.force_login(make_user("oxucu", "az", permissions=["view_audit_report"]))
    html = client.get(REPORT).content.decode()
    from django.utils import translation

    with translation.override("az"):
        from django.utils.translation import pgettext

        critical = pgettext("accessibility impact", "Critical")
        home_page = str(HomePage._meta.verbose_name)
        english = translation.get_language_info("en")["name_translated"]
    assert critical != "Critical" and f'<th scope="row">{critical}</th>' in html
    assert home_page in html and "home.HomePage" not in html.split('id="pages-heading"')[1]
    assert f'<th scope="row">{english}</th>' in html and english != "English"


def test_one_row_per_page_with_its_viewports_inside(client, reviewer):
    run = make_run({("/en/", "en", "home.HomePage"): [("color-contrast", "serious")]})
    narrow = PageResult.objects.create(
        run=run,
        url="/en/",
        locale="en",
        page_type="home.HomePage",
        viewport="320x640",
        status=PageResult.Status.OK,
    )
    html = client.get(REPORT, {"run": run.pk}).content.decode()
    pages = html[html.index('id="pages-heading"') :]
    assert pages.count('data-page-row="/en/"') == 1
    assert "1280x800</a>: 1" in pages and f"results/{narrow.pk}/" in pages
    assert 'role="region" aria-labelledby="pages-heading" tabindex="0"' in pages


def test_the_list_of_runs_is_filtered_and_paginated(client, reviewer, run):
    for _number in range(25):
        AuditRun.objects.create(trigger="publish", status="passed")
    html = client.get(REPORT).content.decode()
    assert html.count("data-run-status=") == 20
    assert "Older runs" in html
    html = client.get(REPORT, {"runs_page": 2}).content.decode()
    assert html.count("data-run-status=") == 6 and "Newer runs" in html
    html = client.get(REPORT, {"status": "failed"}).content.decode()
    assert html.count("data-run-status=") == 1
    html = client.get(REPORT, {"trigger": "publish", "status": "passed"}).content.decode()
    assert html.count("data-run-status=") == 20


@pytest.mark.parametrize(
    "query", [{"runs_page": "0"}, {"runs_page": "99"}, {"runs_page": "x"}, {"status": "<b>"}]
)
def test_bad_run_list_parameters_are_a_clear_400(client, reviewer, run, query):
    response = client.get(REPORT, query)
    assert response.status_code == 400
    assert b"<b>" not in response.content
