"""The Wagtail admin in az and ru: one catalog per language merged from ours and the packages'.

Wagtail and wagtail-localize ship their Azerbaijani as `az_AZ`, which Django never loads for the
language `az`; their catalogs are also small, and their Russian lacks some strings.
`build_admin_catalogs` merges, for each language and gettext domain, our reviewed admin
translations (`locale/admin/<language>/<domain>.po`, which win) with every installed app's
catalog of that language, and writes `<output>/<language>/LC_MESSAGES/<domain>.mo`. Settings
put that folder in LOCALE_PATHS after `locale/`, so the site's own catalog still wins over it.
"""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings

ADMIN_LANGUAGE = "az"
# The admin languages we complete: the name the packages ship each under, its plural rule.
ADMIN_LANGUAGES = {
    "az": ("az_AZ", "nplurals=2; plural=(n != 1);"),
    "ru": (
        "ru",
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    ),
}
DOMAINS = ("django", "djangojs")


def reviewed_catalog_path(domain, language=ADMIN_LANGUAGE):
    return Path(settings.BASE_DIR) / "locale" / "admin" / language / f"{domain}.po"


def vendor_catalog_paths(domain, language=ADMIN_LANGUAGE):
    """The installed apps' catalogs of `language`, in INSTALLED_APPS order."""
    vendor_locale_name = ADMIN_LANGUAGES[language][0]
    found = []
    for app_config in apps.get_app_configs():
        path = Path(app_config.path) / "locale" / vendor_locale_name / "LC_MESSAGES"
        if (path / f"{domain}.mo").exists():
            found.append(path / f"{domain}.mo")
    return found


def merged_catalog(domain, language=ADMIN_LANGUAGE):
    """Our reviewed entries first, then each vendor entry not already translated."""
    merged = polib.POFile()
    merged.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": language,
        "Plural-Forms": ADMIN_LANGUAGES[language][1],
    }
    seen = set()
    sources = []
    if reviewed_catalog_path(domain, language).exists():
        sources.append(polib.pofile(str(reviewed_catalog_path(domain, language))))
    sources += [polib.mofile(str(path)) for path in vendor_catalog_paths(domain, language)]
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
    """Write the merged catalogs under `output_dir`; return {"language/domain": entries}."""
    counts = {}
    for language in ADMIN_LANGUAGES:
        target = Path(output_dir) / language / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        for domain in DOMAINS:
            catalog = merged_catalog(domain, language)
            catalog.save_as_mofile(str(target / f"{domain}.mo"))
            counts[f"{language}/{domain}"] = len(catalog)
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
