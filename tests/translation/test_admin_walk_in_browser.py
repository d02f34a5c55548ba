"""An Azerbaijani editor walks the admin in Chromium and reads no English.

The screens an editor uses, rendered with their scripts (the sidebar, the StreamField editor,
the translation editor and the dialogs are drawn by JavaScript): every visible text and label
is compared with the msgids of Wagtail's and wagtail-localize's catalogs; one that the
Azerbaijani catalog translates differently is English left on the screen.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import trans_real
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from core.admin_translations import admin_msgids
from staff.testing import set_up_two_factor_in_browser

pytestmark = pytest.mark.browser

EDITOR = "az-editor"
PASSWORD = "walk-the-admin-2026"

# Run in the demo server's database: an Azerbaijani editor, and the objects the walk opens.
SETUP_SCRIPT = f"""
import json
from django.contrib.auth import get_user_model
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from institution.models import StandardPage
from news.models import NewsPage

User = get_user_model()
user = User.objects.filter(username="{EDITOR}").first()
if user is None:
    user = User.objects.create_superuser("{EDITOR}", "az-editor@example.org", "{PASSWORD}")
profile = UserProfile.get_for_user(user)
profile.preferred_language = "az"
profile.save()
az = Locale.objects.get(language_code="az")
en = Locale.objects.get(language_code="en")
article = NewsPage.objects.filter(locale=az).live().first()
article.save_revision(user=user)  # a second revision, to compare
revisions = list(article.revisions.order_by("pk").values_list("pk", flat=True))
section = StandardPage.objects.filter(locale=az, numchild__gt=0).first()
Redirect.objects.get_or_create(old_path="/kohne-unvan", defaults={{"redirect_page": article}})
print("WALK " + json.dumps({{
    "home": Page.objects.get(depth=2, locale=az).pk,
    "section": section.pk,
    "article": article.pk,
    "translation": article.get_translation(en).pk,
    "first": revisions[0],
    "last": revisions[-1],
    "image": get_image_model().objects.first().pk,
    "document": get_document_model().objects.first().pk,
    # Content, not interface: an English page may be called "Reports".
    "content": sorted(
        set(Page.objects.values_list("title", flat=True))
        | set(get_image_model().objects.values_list("title", flat=True))
        | set(get_document_model().objects.values_list("title", flat=True))
    ),
}}))
"""

# (what to click, what then shows) for the screens read after a few clicks.
STATUS_PANEL = [('[data-side-panel-toggle="status"]', '[data-side-panel="status"]')]
PRIVACY_DIALOG = [('[data-a11y-dialog-show="set-privacy"]', "#set-privacy input[type=radio]")]
SCHEDULE_DIALOG = [
    ('[data-a11y-dialog-show="schedule-publishing-dialog"]', "#schedule-publishing-dialog input")
]
ACTIONS_MENU = [("footer .w-dropdown__toggle", "footer .w-dropdown__content button")]

SCREENS = [
    ("dashboard", "/admin/"),
    ("page explorer", "/admin/pages/{home}/"),
    ("section", "/admin/pages/{section}/"),
    ("page search", "/admin/pages/search/?q=Ombudsman"),
    ("editor", "/admin/pages/{article}/edit/"),
    # Dialogs and menus drawn on demand: what each click shows is read in turn.
    ("status panel", "/admin/pages/{article}/edit/", STATUS_PANEL),
    ("privacy", "/admin/pages/{article}/edit/", STATUS_PANEL + PRIVACY_DIALOG),
    ("scheduling", "/admin/pages/{article}/edit/", STATUS_PANEL + SCHEDULE_DIALOG),
    ("publishing actions", "/admin/pages/{article}/edit/", ACTIONS_MENU),
    ("add a page", "/admin/pages/{section}/add_subpage/"),
    ("unpublish", "/admin/pages/{article}/unpublish/"),
    ("delete", "/admin/pages/{article}/delete/"),
    ("history", "/admin/pages/{article}/history/"),
    (
        "revisions compared",
        "/admin/pages/{article}/revisions/compare/{first}...{last}/",
    ),
    ("translation editor", "/admin/pages/{translation}/edit/"),
    ("forms", "/admin/forms/"),
    ("images", "/admin/images/"),
    ("an image", "/admin/images/{image}/"),
    ("documents", "/admin/documents/"),
    ("a document", "/admin/documents/edit/{document}/"),
    ("snippets", "/admin/snippets/"),
    ("hotline snippets", "/admin/snippets/home/hotline/"),
    ("redirects", "/admin/redirects/"),
    ("locked pages", "/admin/reports/locked/"),
    ("site history", "/admin/reports/site-history/"),
    ("aging pages", "/admin/reports/aging-pages/"),
    ("workflows", "/admin/workflows/list/"),
]

# The text a person reads or hears on the screen as drawn: visible text nodes, and the labels
# of visible elements (an icon button's aria-label, a field's placeholder, an image's alt).
VISIBLE_TEXTS = """
const texts = [];
const shown = (element) => element && element.checkVisibility({visibilityProperty: true});
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || ["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"].includes(parent.tagName)) continue;
    if (node.textContent.trim() && shown(parent)) texts.push(node.textContent);
}
const labelled = "[aria-label], [title], [placeholder], img[alt]";
for (const element of document.body.querySelectorAll(labelled)) {
    if (!shown(element)) continue;
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value && value.trim()) texts.push(value);
    }
}
return texts.map((text) => text.replace(/\\s+/g, " ").trim());
"""


def english_msgids():
    """{msgid: its Azerbaijani} of the admin packages' catalogs, where the two differ."""
    found = {}
    for domain in ("django", "djangojs"):
        catalog = trans_real.DjangoTranslation("az", domain=domain)
        for _context, msgid, _plural in admin_msgids(domain):
            translated = catalog.gettext(msgid)
            if translated != msgid and any(letter.isalpha() for letter in msgid):
                found[msgid] = translated
    return found


def english_left(texts, english, content=()):
    """The texts that are an admin msgid Azerbaijani translates, other than content titles."""
    return sorted({text for text in texts if text in english and text not in content})


def visible(driver, selector):
    """The first element matching `selector` that is shown, else None."""
    for element in driver.find_elements(By.CSS_SELECTOR, selector):
        if element.is_displayed():
            return element
    return None


def show(driver, target, shown):
    """Click `target` until `shown` is visible; the editor remembers an open side panel, so a
    click is made only when `shown` is not on the screen yet."""
    wait = WebDriverWait(driver, 20)
    if not visible(driver, shown):
        element = wait.until(lambda driver: visible(driver, target), target)
        # A script's click: a side panel still sliding in cannot intercept it.
        driver.execute_script("arguments[0].click()", element)
    wait.until(lambda driver: visible(driver, shown), shown)


@pytest.fixture(scope="module")
def walk(demo_server):
    result = subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "shell", "-c", SETUP_SCRIPT],
        env=demo_server.env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("WALK "))
    return json.loads(line.removeprefix("WALK "))


@pytest.fixture
def az_editor(browser, demo_server, walk):
    browser.delete_all_cookies()
    browser.get(f"{demo_server.base_url}/admin/login/")
    browser.find_element(By.NAME, "username").send_keys(EDITOR)
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(browser, 20).until(lambda driver: "/login/" not in driver.current_url)
    set_up_two_factor_in_browser(browser)
    yield browser
    browser.delete_all_cookies()


def test_the_screens_an_editor_uses_show_no_english_in_the_browser(az_editor, demo_server, walk):
    english = english_msgids()
    found = {}
    for name, path, *clicks in SCREENS:
        az_editor.get(demo_server.base_url + path.format(**walk))
        WebDriverWait(az_editor, 20).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete"
        )
        for target, shown in clicks[0] if clicks else ():
            show(az_editor, target, shown)
        assert az_editor.find_element(By.TAG_NAME, "html").get_attribute("lang") == "az", name
        assert "/login/" not in az_editor.current_url, name
        left = english_left(az_editor.execute_script(VISIBLE_TEXTS), english, walk["content"])
        if left:
            found[name] = left
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_the_check_sees_english_drawn_by_a_script(az_editor, demo_server):
    """The check itself: a label a script adds in English is found; an Azerbaijani one is not."""
    az_editor.get(demo_server.base_url + "/admin/")
    az_editor.execute_script(
        "const button = document.createElement('button');"
        "button.setAttribute('aria-label', 'Preview mode'); button.textContent = 'Actions';"
        "document.body.prepend(button);"
        "const hidden = document.createElement('p'); hidden.hidden = true;"
        "hidden.textContent = 'Delete'; document.body.prepend(hidden);"
    )
    left = english_left(az_editor.execute_script(VISIBLE_TEXTS), english_msgids())
    assert "Actions" in left and "Preview mode" in left
    assert "Delete" not in left
