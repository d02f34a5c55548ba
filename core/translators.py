"""Translator groups: one per language, whose members edit and publish only that language.

Pages are restricted by Wagtail's own page permissions on the language's home page. Wagtail's
snippet permissions are per model, not per language, so `locale_denied_response` (wired up in
`core/wagtail_hooks.py`) refuses a translator the admin's create, edit and delete views of a
snippet in another language.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.admin.auth import permission_denied
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    TranslatableMixin,
)
from wagtail.snippets.models import get_snippet_models

# Group names are what administrators see in Settings > Groups; the language is named in English
# so that every administrator can read every group's name.
TRANSLATOR_GROUP_NAMES = {
    "az": "Translators (Azerbaijani)",
    "en": "Translators (English)",
    "ru": "Translators (Russian)",
}
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
SNIPPET_ACTIONS = ("add", "change", "delete", "publish")
COLLECTION_PERMISSIONS = (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"))
# Only the source language's translators send content out for translation: wagtail-localize's
# "Translate this page" lets its user create pages in any language.
SOURCE_LANGUAGE_PERMISSIONS = (("wagtail_localize", "submit_translation"),)


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def snippet_permissions():
    """Add, change, delete (and publish, where the model has drafts) on translatable snippets."""
    codenames = [
        f"{action}_{model._meta.model_name}"
        for model in translatable_snippet_models()
        for action in SNIPPET_ACTIONS
    ]
    app_labels = {model._meta.app_label for model in translatable_snippet_models()}
    return Permission.objects.filter(content_type__app_label__in=app_labels, codename__in=codenames)


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def language_root(locale):
    """The language's home page: the top of the tree its translators may edit."""
    return Page.objects.filter(depth=2, locale=locale).first()


@transaction.atomic
def setup_translator_groups():
    """Create or refresh one group per site language; return {language code: group}."""
    default_language = Locale.get_default().language_code
    groups = {}
    for locale in Locale.objects.filter(language_code__in=TRANSLATOR_GROUP_NAMES):
        code = locale.language_code
        group, _created = Group.objects.get_or_create(name=TRANSLATOR_GROUP_NAMES[code])
        model_permissions = [permission("wagtailadmin", "access_admin"), *snippet_permissions()]
        if code == default_language:
            model_permissions += [permission(*name) for name in SOURCE_LANGUAGE_PERMISSIONS]
        group.permissions.set(model_permissions)

        GroupPagePermission.objects.filter(group=group).delete()
        root = language_root(locale)
        if root is not None:
            for codename in PAGE_PERMISSIONS:
                GroupPagePermission.objects.create(
                    group=group, page=root, permission=permission("wagtailcore", codename)
                )

        GroupCollectionPermission.objects.filter(group=group).delete()
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=Collection.get_first_root_node(),
                permission=permission(app_label, codename),
            )
        groups[code] = group
    return groups


def translator_language_codes(user):
    """The languages a translator may work in, or None for anyone who is not only a translator."""
    if user.is_superuser:
        return None
    names = set(user.groups.values_list("name", flat=True))
    codes = {code for code, name in TRANSLATOR_GROUP_NAMES.items() if name in names}
    # Members of other groups (editors, moderators) keep what those groups give them.
    if not codes or names - set(TRANSLATOR_GROUP_NAMES.values()):
        return None
    return codes


def locale_denied_response(request, locale_codes):
    """The admin's "no permission" answer when a translator reaches into another language."""
    allowed = translator_language_codes(request.user)
    if allowed is None or set(locale_codes) <= allowed:
        return None
    return permission_denied(request)


def build_translator_groups(context):
    """Demo builder: the translator groups, after the language trees exist."""
    setup_translator_groups()
