"""The accessibility app is reusable: it imports nothing of this site, and the site's specifics
(preference variants, views, the statement's base and parent) come in through settings."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.test import override_settings
from django.utils import translation
from wagtail.models import Page

from accessibility.admin.report import page_type_label
from accessibility.models.statement import statement_page_base
from accessibility.site import AuditSite  # noqa: F401 - named by its dotted path below
from accessibility.targets import TargetError, parse_variant, view_targets

BASE_DIR = Path(settings.BASE_DIR)
APP_DIR = BASE_DIR / "accessibility"


def site_packages():
    """Every top-level package of this project but the app: what the app must never import."""
    packages = {path.parent.name for path in BASE_DIR.glob("*/__init__.py")}
    return packages - {"accessibility"}


def imported_modules(tree):
    """Modules named by import statements, and by string literals passed to import helpers."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Call) and node.args:
            function = node.func
            name = getattr(function, "attr", getattr(function, "id", ""))
            first = node.args[0]
            is_text = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if name in {"import_module", "import_string", "get_model", "__import__"} and is_text:
                yield first.value


def test_the_app_imports_nothing_of_the_site():
    forbidden = site_packages()
    assert {"home", "tests", "config", "news"} <= forbidden  # The check sees the real site.
    offenders = []
    for path in sorted(APP_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module in imported_modules(tree):
            if module.split(".")[0] in forbidden:
                offenders.append(f"{path.relative_to(BASE_DIR)}: {module}")
    assert offenders == []


def test_the_app_ships_its_templates():
    """Report, statement and editor templates live in the app, not in the site's templates/."""
    assert not (BASE_DIR / "templates" / "accessibility").exists()
    for name in ("statement_page.html", "admin/report.html", "report/report.html"):
        assert (APP_DIR / "templates" / "accessibility" / name).is_file()


@pytest.mark.django_db
def test_without_a_site_plug_in_only_the_default_variant_and_the_404_page_are_audited():
    configured = {**settings.ACCESSIBILITY_AUDIT}
    configured.pop("site")
    with override_settings(ACCESSIBILITY_AUDIT=configured):
        assert parse_variant("default").cookies == ()
        with pytest.raises(TargetError, match="Unknown preference variant 'theme-contrast'"):
            parse_variant("theme-contrast")
        targets = view_targets(["en"])
        assert [(t.page_type, t.url, t.expected_status) for t in targets] == [
            ("not-found", "/en/no-such-page-accessibility-audit/", 404)
        ]
        assert page_type_label("search") == "search"
        with translation.override("en"):
            assert str(page_type_label("not-found")) == "Page not found (404)"


def test_the_site_plug_in_gives_our_cookie_and_views():
    assert parse_variant("text-150+theme-contrast").cookies == (
        (settings.PREFERENCE_COOKIE_NAME, "150.contrast"),
    )
    with translation.override("en"):
        assert str(page_type_label("preferences")) == "Display preferences"


def test_a_site_plug_in_that_cannot_be_imported_is_named_in_the_error():
    configured = {**settings.ACCESSIBILITY_AUDIT, "site": "no_such_package.Audit"}
    with (
        override_settings(ACCESSIBILITY_AUDIT=configured),
        pytest.raises(ImportError, match=r'ACCESSIBILITY_AUDIT\["site"\]'),
    ):
        parse_variant("default")


class BaseWithField(Page):
    """A base the statement cannot take: its field would need a migration of the app's own."""

    subtitle = models.CharField(max_length=10)

    class Meta:
        abstract = True


class BaseWithoutField(Page):
    class Meta:
        abstract = True


@pytest.mark.parametrize(
    ("dotted_path", "message"),
    [
        (f"{__name__}.BaseWithField", r"adds database fields \(subtitle\)"),
        ("wagtail.models.Site", "must be an abstract subclass of wagtail.models.Page"),
        (f"{__name__}.AuditSite", "must be an abstract subclass"),
        ("no_such_package.BasePage", "cannot be imported"),
    ],
)
def test_a_statement_base_the_migrations_cannot_follow_is_refused(dotted_path, message):
    with (
        override_settings(ACCESSIBILITY_STATEMENT_PAGE_BASE=dotted_path),
        pytest.raises(ImproperlyConfigured, match=message),
    ):
        statement_page_base()


def test_a_statement_base_without_fields_is_taken_and_page_is_the_default():
    with override_settings(ACCESSIBILITY_STATEMENT_PAGE_BASE=f"{__name__}.BaseWithoutField"):
        assert statement_page_base() is BaseWithoutField
    with override_settings():
        del settings.ACCESSIBILITY_STATEMENT_PAGE_BASE
        assert statement_page_base() is Page
