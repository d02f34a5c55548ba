"""URL routes: admin and documents unprefixed; every public page under /az/, /en/ or /ru/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import routing
from core import sitemap as sitemap_views
from core import views as core_views


def serve_page(request, path):
    """Wagtail's page view, the page found in two queries (core/routing.py) unless the site's
    optimisations are off (SITE_OPTIMISATIONS, config/settings/stock.py): then Wagtail walks."""
    if settings.SITE_OPTIMISATIONS:
        return routing.serve(request, path)
    return wagtail_views.serve(request, path)


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_views.sitemap, name="sitemap"),
    path("robots.txt", sitemap_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.DEBUG or settings.SERVE_MEDIA_FILES:
    # Development and the browser tests' local server; production serves media from its
    # web server or object storage.
    from django.views.static import serve as serve_media

    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        re_path(
            rf"^{media_prefix}/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}
        )
    ]

urlpatterns += i18n_patterns(
    path("preferences/", core_views.display_preferences, name="display_preferences"),
    path("", include("search.urls")),
    # Wagtail's catch-all page route comes last, found in two queries (core/routing.py).
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = core_views.page_not_found
handler500 = core_views.server_error
