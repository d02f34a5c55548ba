"""The display-preferences form: a visitor chooses text size and contrast, the server applies it."""

import re

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

# Most tests need no page tree: the preferences page itself shows the <html> classes.

COOKIE = settings.PREFERENCE_COOKIE_NAME


def html_class(response):
    return re.search(r'<html\b[^>]*\bclass="([^"]*)"', response.content.decode()).group(1).split()


def post_preferences(client, language="en", **data):
    return client.post(f"/{language}/preferences/", data)


def test_every_page_links_to_the_preferences_page_with_the_way_back(demo_content):
    html = Client().get("/en/").content.decode()
    assert 'href="/en/preferences/?next=/en/"' in html
    assert "Display settings" in html


def test_preferences_page_shows_the_current_choices_in_the_visitors_language(db):
    client = Client()
    client.cookies[COOKIE] = "150.contrast"
    response = client.get("/ru/preferences/?next=/ru/")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'value="150" id="[^"]+" checked', html)
    assert re.search(r'value="contrast" id="[^"]+" checked', html)
    assert '<html lang="ru"' in html
    assert "no-store" in response["Cache-Control"]


def test_saving_sets_the_cookie_and_returns_to_the_same_page(db):
    client = Client()
    response = post_preferences(client, text_size="200", theme="contrast", next="/en/?page=2")
    assert response.status_code == 302
    assert response["Location"] == "/en/?page=2"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "200.contrast"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert html_class(client.get("/en/preferences/")) == ["text-200", "theme-contrast"]


def test_without_a_cookie_the_page_has_the_standard_display(db):
    assert html_class(Client().get("/az/preferences/")) == ["text-100", "theme-default"]


def test_reset_removes_the_cookie(db):
    client = Client()
    post_preferences(client, text_size="125", theme="default", next="/en/")
    response = post_preferences(client, action="reset", next="/en/")
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == ""
    assert html_class(client.get("/en/preferences/")) == ["text-100", "theme-default"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text_size": "999", "theme": "default"}, "Choose one of the text sizes in the list."),
        ({"text_size": "125", "theme": "neon"}, "Choose one of the colour options in the list."),
        ({"theme": "default"}, "Choose a text size."),
        ({"text_size": "125", "theme": "default", "action": "delete"}, "unknown action"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(db, data, message):
    client = Client()
    response = post_preferences(client, next="/en/", **data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'class="error-summary"' in html
    assert COOKIE not in response.cookies


def test_errors_link_to_the_field_in_error(db):
    html = post_preferences(Client(), text_size="7", theme="default").content.decode()
    assert 'href="#field-text_size"' in html
    assert 'id="field-text_size"' in html
    assert 'aria-describedby="text_size-error"' in html


@pytest.mark.parametrize(
    "unsafe_next",
    [
        "https://evil.example/",
        "//evil.example/path",
        "/\\evil.example",
        "javascript:alert(1)",
        "/en/\r\nSet-Cookie: x=1",
        "",
    ],
)
def test_unsafe_return_addresses_are_ignored(db, unsafe_next):
    response = post_preferences(Client(), "ru", text_size="125", theme="default", next=unsafe_next)
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_a_forged_cookie_is_ignored(db):
    client = Client()
    client.cookies[COOKIE] = "<script>.contrast"
    response = client.get("/en/preferences/")
    assert response.status_code == 200
    assert html_class(response) == ["text-100", "theme-default"]


def test_the_form_requires_a_csrf_token_but_the_pages_linking_to_it_carry_none(demo_content):
    client = Client(enforce_csrf_checks=True)
    assert "csrfmiddlewaretoken" not in client.get("/en/").content.decode()
    refused = client.post("/en/preferences/", {"text_size": "150", "theme": "default"})
    assert refused.status_code == 403
    form_page = client.get("/en/preferences/?next=/en/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)
    accepted = client.post(
        "/en/preferences/",
        {"text_size": "150", "theme": "default", "next": "/en/", "csrfmiddlewaretoken": token},
    )
    assert accepted.status_code == 302


def test_other_methods_are_refused(db):
    assert Client().put("/en/preferences/").status_code == 405


def test_switching_language_on_the_preferences_page_keeps_the_way_back_in_that_language(
    demo_content,
):
    """From the Azerbaijani news page's preferences, English leads back to the English news."""
    from news.models import NewsIndexPage

    news = {page.locale.language_code: page.url for page in NewsIndexPage.objects.live()}
    html = Client().get(f"/az/preferences/?next={news['az']}?page=2").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]

    assert f'href="/en/preferences/?next={news["en"]}"' in switcher
    assert f'href="/ru/preferences/?next={news["ru"]}"' in switcher
    assert f'href="/az/preferences/?next={news["az"]}%3Fpage%3D2"' in switcher


def test_the_way_back_from_a_view_that_is_not_a_page_keeps_its_query(db):
    html = Client().get("/en/preferences/?next=/en/search/?q=report").content.decode()

    assert 'href="/ru/preferences/?next=/ru/search/%3Fq%3Dreport"' in html
