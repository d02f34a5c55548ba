"""The editors' built-in accessibility checker, configured like the audit command.

Wagtail's `ContentCheckerItem` runs axe-core in the userbar and in the preview panel. This
subclass takes its axe `runOnly` tags and its disabled rules from `accessibility.config`, so that
an editor's check and the audit command apply the same rules.
"""

from wagtail.admin.userbar import ContentCheckerItem

from accessibility.config import audit_settings


class SiteContentCheckerItem(ContentCheckerItem):
    """The content checker with the site's one axe configuration."""

    def get_axe_run_only(self, request):
        return {"type": "tag", "values": audit_settings()["tags"]}

    def get_axe_rules(self, request):
        rules = dict(super().get_axe_rules(request))
        for rule_id in audit_settings()["disabled_rules"]:
            rules[rule_id] = {"enabled": False}
        return rules

    def get_axe_custom_rules(self, request):
        # Wagtail's own rules (alt-text quality, meta description) are best practices and SEO,
        # outside the configured WCAG tags; keep them registered but only when their tag is run.
        tags = set(audit_settings()["tags"])
        return [
            {**rule, "enabled": bool(tags.intersection(rule.get("tags", [])))}
            for rule in super().get_axe_custom_rules(request)
        ]


def use_site_checker(items):
    """Replace Wagtail's checker item(s) in a userbar item list with ours, in place."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, SiteContentCheckerItem):
            items[position] = SiteContentCheckerItem(in_editor=getattr(item, "in_editor", False))
