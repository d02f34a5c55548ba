"""What an audit needs to know of the site beyond its page tree: the site plugs in a subclass.

The app never imports the site. A site with display preferences (a cookie the server reads) or
views that are not pages (search, a preferences form) subclasses `AuditSite` and names the class
in `ACCESSIBILITY_AUDIT["site"]` (a dotted path); the default knows only the 404 page.
"""

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy

NOT_FOUND_PATH = "/{language}/no-such-page-accessibility-audit/"


class AuditSite:
    """The default: no preference variants, and the 404 page as the only view that is not a page."""

    # The label the admin report gives each kind of view that `view_urls` returns.
    view_labels = {"not-found": gettext_lazy("Page not found (404)")}

    def variant_choices(self):
        """{variant name: the choices it stands for}; names are combined with '+' on the command
        line, their choices merged (e.g. {"theme-contrast": {"theme": "contrast"}})."""
        return {}

    def variant_cookies(self, choices):
        """The cookies, ((name, value), ...), a visitor with these merged choices sends."""
        return ()

    def view_urls(self, language):
        """[(kind, path with query, expected HTTP status)]: the views to audit in `language`."""
        return [("not-found", NOT_FOUND_PATH.format(language=language), 404)]


def audit_site():
    """The site's `AuditSite`, from `ACCESSIBILITY_AUDIT["site"]`."""
    from accessibility.config import audit_settings

    dotted_path = audit_settings()["site"]
    try:
        site_class = import_string(dotted_path)
    except ImportError as error:
        raise ImportError(
            f'ACCESSIBILITY_AUDIT["site"] = {dotted_path!r} cannot be imported: {error}'
        ) from error
    return site_class()
