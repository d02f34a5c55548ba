"""Error pages speak the visitor's language, keep the look and never need the database."""

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Something went wrong on our side"), ("az", "<h1>"), ("ru", "<h1>")],
)
def test_server_error_page_is_in_the_visitors_language_without_touching_the_database(
    language, heading
):
    request = RequestFactory().get(f"/{language}/news/")
    with translation.override(language), CaptureQueriesContext(connection) as queries:
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}"' in html
    assert heading in html and html.count("<h1>") == 1
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert f'href="/{language}/"' in html
    assert len(queries) == 0


def test_not_found_page_keeps_the_language_and_links_home(demo_content):
    for language in ("az", "en", "ru"):
        response = Client().get(f"/{language}/no-such-page/?page=abc")
        html = response.content.decode()
        assert response.status_code == 404
        assert f'<html lang="{language}"' in html
        assert html.count("<h1>") == 1
        assert f'href="/{language}/">' in html
        assert 'class="hotline__number" href="tel:916"' in html
