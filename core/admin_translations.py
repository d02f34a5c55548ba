"""Azerbaijani for the Wagtail admin: one catalog merged from our own and the packages' ones.

Wagtail and wagtail-localize ship their Azerbaijani as `az_AZ`, which Django never loads for the
language `az`; their catalogs are also small. `build_admin_catalogs` merges, for each gettext
domain, our reviewed admin translations (`locale/admin/az/<domain>.po`, which win) with every
installed app's `az_AZ` catalog, and writes `<output>/az/LC_MESSAGES/<domain>.mo`. Settings put
that folder in LOCALE_PATHS after `locale/`, so the site's own catalog still wins over it.
"""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings

ADMIN_LANGUAGE = "az"
VENDOR_LOCALE_NAME = "az_AZ"
DOMAINS = ("django", "djangojs")


def reviewed_catalog_path(domain):
    return Path(settings.BASE_DIR) / "locale" / "admin" / ADMIN_LANGUAGE / f"{domain}.po"


def vendor_catalog_paths(domain):
    """The `az_AZ` catalogs of the installed apps, in INSTALLED_APPS order."""
    found = []
    for app_config in apps.get_app_configs():
        path = Path(app_config.path) / "locale" / VENDOR_LOCALE_NAME / "LC_MESSAGES"
        if (path / f"{domain}.mo").exists():
            found.append(path / f"{domain}.mo")
    return found


def merged_catalog(domain):
    """Our reviewed entries first, then each vendor entry not already translated."""
    merged = polib.POFile()
    merged.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": ADMIN_LANGUAGE,
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    seen = set()
    sources = []
    if reviewed_catalog_path(domain).exists():
        sources.append(polib.pofile(str(reviewed_catalog_path(domain))))
    sources += [polib.mofile(str(path)) for path in vendor_catalog_paths(domain)]
    for catalog in sources:
        for entry in catalog.translated_entries():
            key = (entry.msgctxt, entry.msgid)
            if key in seen or "fuzzy" in entry.flags:
                continue
            seen.add(key)
            merged.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgstr=entry.msgstr,
                    msgstr_plural=dict(entry.msgstr_plural),
                )
            )
    return merged


def build_admin_catalogs(output_dir):
    """Write the merged catalogs under `output_dir`; return {domain: number of entries}."""
    target = Path(output_dir) / ADMIN_LANGUAGE / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    counts = {}
    for domain in DOMAINS:
        catalog = merged_catalog(domain)
        catalog.save_as_mofile(str(target / f"{domain}.mo"))
        counts[domain] = len(catalog)
    return counts


ADMIN_PACKAGE_PREFIXES = ("wagtail", "wagtail_localize")


def admin_msgids(domain):
    """{(msgctxt, msgid, msgid_plural): first source file} of every admin package we ship.

    Read from each Wagtail and wagtail-localize app's English catalog, which lists every
    string the package marks for translation.
    """
    found = {}
    for app_config in apps.get_app_configs():
        if not app_config.name.startswith(ADMIN_PACKAGE_PREFIXES):
            continue
        path = Path(app_config.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            where = entry.occurrences[0][0] if entry.occurrences else ""
            key = (entry.msgctxt, entry.msgid, entry.msgid_plural or None)
            found.setdefault(key, f"{app_config.name}: {where}")
    return found


def untranslated_admin_msgids(domain="django", language=ADMIN_LANGUAGE):
    """The admin packages' msgids that `language`'s loaded catalogs do not translate."""
    from django.utils.translation import trans_real

    catalog = trans_real.DjangoTranslation(language, domain=domain)._catalog
    missing = {}
    for (context, msgid, plural), where in admin_msgids(domain).items():
        key = f"{context}\x04{msgid}" if context else msgid
        try:
            catalog[(key, 0) if plural else key]
        except KeyError:
            missing[msgid] = where
    return missing
