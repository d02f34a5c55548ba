"""The browser tests' server serves the images the demo loader uploaded (no broken images)."""

import re
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def test_demo_images_are_served_to_browsers(demo_server):
    with urllib.request.urlopen(f"{demo_server.base_url}/en/") as response:
        html = response.read().decode()
    sources = re.findall(r'<img[^>]+src="(/media/[^"]+)"', html)
    assert sources, "the demo home page shows at least one uploaded image"
    with urllib.request.urlopen(demo_server.base_url + sources[0]) as image:
        assert image.status == 200
        assert image.headers["Content-Type"].startswith("image/")
