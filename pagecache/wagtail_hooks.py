"""Wagtail hooks of the page cache: remember which page a request served."""

from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """The cache stores the page's id and type with its HTML, so a hit can still be counted."""
    request.served_page = page
    request.served_page_id = page.pk
    request.served_page_type = page._meta.label_lower
