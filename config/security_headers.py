"""Content-Security-Policy and Permissions-Policy on every response, chosen by path.

The public site runs no inline script or style, so it gets the strict policy, enforced. Paths
listed in CONTENT_SECURITY_POLICY_REPORT_ONLY_PATHS (the Wagtail admin, its previews and the
editors' sign-in) rely on Wagtail's inline scripts and styles: there the strict policy is only
reported, and what they do satisfy (no plugins, no foreign <base>, no framing by other sites,
forms posting to the site itself) is enforced.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


def strict_directives():
    return settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]


def report_only_path(request):
    return request.path_info.startswith(tuple(settings.CONTENT_SECURITY_POLICY_REPORT_ONLY_PATHS))


def permissions_policy_value():
    """`camera=(), microphone=(), …`: each feature allowed to the listed origins only."""
    features = settings.PERMISSIONS_POLICY.items()
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in features)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with the per-path choice above, plus Permissions-Policy.

    It must sit outside the page cache (earlier in MIDDLEWARE): a cached page gets its headers
    here on every answer, so a policy change applies to pages cached before it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is None and report_only_path(request):
            parts.config = (
                strict_directives()
                if report_only
                else settings.CONTENT_SECURITY_POLICY_REPORT_ONLY_PATHS_ENFORCED
            )
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault(PERMISSIONS_POLICY_HEADER, permissions_policy_value())
        return response
