"""The accessibility audit's plug-in for this site (`ACCESSIBILITY_AUDIT["site"]`).

Our display preferences (text size, high contrast) as audit variants, and the views that are not
pages: search results with and without hits and the preferences form, besides the 404 page.
"""

import re
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from accessibility.site import AuditSite
from core import preferences

# A query that finds nothing in any of our languages.
NO_RESULTS_QUERY = "zqxjv"


class SiteAudit(AuditSite):
    view_labels = {
        **AuditSite.view_labels,
        "search": gettext_lazy("Search results"),
        "search-no-results": gettext_lazy("Search without results"),
        "preferences": gettext_lazy("Display preferences"),
    }

    def variant_choices(self):
        """'theme-<theme>' and 'text-<size>', e.g. 'text-200+theme-contrast' combined."""
        names = {f"theme-{theme}": {"theme": theme} for theme in preferences.THEMES}
        names.update({f"text-{size}": {"text_size": size} for size in preferences.TEXT_SIZES})
        return names

    def variant_cookies(self, choices):
        value = preferences.Preferences(**choices).cookie_value
        return ((preferences.cookie_name(), value),)

    def view_urls(self, language):
        views = []
        for kind, url_name, query in (
            ("search", "search", {"q": search_word(language)}),
            ("search-no-results", "search", {"q": NO_RESULTS_QUERY}),
            ("preferences", "display_preferences", {}),
        ):
            try:
                path = reverse(url_name)
            except NoReverseMatch:
                continue  # The view is not part of this configuration.
            views.append((kind, path + (f"?{urlencode(query)}" if query else ""), 200))
        return views + super().view_urls(language)


def search_word(language):
    """A word that finds something: the first word of the language's home page title."""
    home = Page.objects.live().filter(depth=2, locale__language_code=language).first()
    words = re.findall(r"\w{3,}", home.title if home else "")
    return words[0] if words else "a"
