"""Fixtures of the minimal second site's tests (run with its own settings module)."""

import datetime

import pytest
from wagtail.models import Page, Site

from accessibility.models import AccessibilityStatementPage
from tests.minimal_site.pages.models import ArticleIndexPage, ArticlePage, HomePage


@pytest.fixture
def page_tree(transactional_db):
    """Home, an article index with two articles and the statement, committed: the audit's
    server is another process and reads them from the shared database file."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Minimal home", intro="<p>Welcome.</p>"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()  # Wagtail's welcome page.
    index = home.add_child(instance=ArticleIndexPage(title="Articles", slug="articles"))
    for number in (1, 2):
        index.add_child(
            instance=ArticlePage(
                title=f"Article {number}",
                slug=f"article-{number}",
                body=f"<p>The text of article {number}.</p>",
            )
        )
    statement = home.add_child(
        instance=AccessibilityStatementPage(
            title="Accessibility statement",
            slug="accessibility",
            commitment="<p>We want this minimal site to be usable by everyone.</p>",
            feedback="<p>Write to us.</p>",
            feedback_email="access@example.org",
            enforcement_procedure="<p>Ask the enforcement body.</p>",
            manual_review_on=datetime.date.today(),
        )
    )
    return {"home": home, "index": index, "statement": statement}
