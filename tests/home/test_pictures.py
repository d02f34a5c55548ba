"""Images in WebP with the original format as fallback, in several widths, made when saved."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Filter, Rendition

from core.demo_images import demo_image
from core.renditions import PICTURE_SPECS, all_filter_specs, make_renditions
from news.models import NewsIndexPage, NewsPage
from tests.blocks.test_blocks import render_stream
from tests.translation.conftest import site, superuser  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

SRCSET_TAG = re.compile(r"{% srcset_image \S+ (\S+)( format-webp)? as \w+ %}")


@pytest.fixture
def image():
    return demo_image("Picture test", "#204060", ["Test"], alt_text="A test picture")


def pictures_in(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def test_every_template_asks_for_renditions_made_when_the_image_is_saved():
    """The templates' literal specs and core/renditions.py name the same renditions."""
    used = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for spec, webp in SRCSET_TAG.findall(template.read_text()):
            used.add((spec, bool(webp)))
        assert "{% image " not in template.read_text() or "wagtailadmin" in str(template), (
            f"{template}: use srcset_image (core/renditions.py) so that the rendition is "
            "made in advance and offered in WebP"
        )
    assert used == {(spec, webp) for spec in PICTURE_SPECS.values() for webp in (False, True)}


def test_a_body_image_is_a_picture_with_webp_first_and_the_original_in_img(image):
    html = render_stream([("image", {"image": image.pk, "alt_text": "Staff meet residents"})])
    [picture] = pictures_in(html)
    source = re.search(r"<source [^>]*>", picture).group(0)
    img = re.search(r"<img [^>]*>", picture).group(0)
    assert 'type="image/webp"' in source
    assert widths(re.search(r'srcset="([^"]+)"', source)[1]) == [400, 800, 1200]
    assert all(".webp " in candidate + " " for candidate in source.split(", ")[:-1])
    assert re.search(r'src="[^"]+\.png"', img), "the <img> keeps the original format (PNG)"
    assert widths(re.search(r'srcset="([^"]+)"', img)[1]) == [400, 800, 1200]
    assert 'sizes="' in source and 'sizes="' in img
    # Shown at most 1200 px wide, as before: the largest rendition gives the size.
    assert 'width="1200"' in img
    assert 'alt="Staff meet residents"' in img and 'loading="lazy"' in img


def test_a_decorative_image_keeps_its_empty_alt_and_a_missing_alt_stays_missing(image):
    decorative = render_stream([("image", {"image": image.pk, "decorative": True})])
    assert 'alt=""' in re.search(r"<img [^>]*>", decorative).group(0)
    draft = render_stream([("image", {"image": image.pk, "alt_text": ""})])
    assert "alt=" not in re.search(r"<img [^>]*>", draft).group(0)


def test_saving_an_image_makes_every_rendition_the_templates_use(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        image = demo_image("Fresh upload", "#402060", ["New"], alt_text="New")
    made = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert made == {Filter(spec).spec for spec in all_filter_specs()}
    assert {spec.split("|")[-1] for spec in made} >= {"format-webp"}


def test_a_page_view_writes_no_rendition(site, image):  # noqa: F811
    """With the renditions made when the image was saved, visitors only read them."""
    index = site.add_page(NewsIndexPage(title="Xəbərlər", slug="xeberler"))
    article = site.add_page(
        NewsPage(
            title="Qəbul günü",
            slug="qebul-gunu",
            publication_date=datetime.date(2026, 3, 2),
            summary="Qısa.",
            lead_image=image,
            lead_image_alt="Qəbul otağı",
            body=[("image", {"image": image, "alt_text": "Qəbul", "caption": ""})],
        ),
        parent=index,
    )
    make_renditions(image)
    for path in (article.url, index.url, "/az/"):
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(path)
        assert response.status_code == 200, path
        assert b"<picture>" in response.content, path
        writes = [
            query["sql"]
            for query in queries
            if "rendition" in query["sql"].lower()
            and query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        assert not writes, (path, writes)


def test_make_renditions_completes_images_saved_before(image):
    """An image from before (no rendition yet): the command makes them, once."""
    from django.core.management import call_command

    assert not Rendition.objects.filter(image=image).exists()
    call_command("make_renditions", verbosity=0)
    call_command("make_renditions", verbosity=0)
    assert Rendition.objects.filter(image=image).count() == len(all_filter_specs())
