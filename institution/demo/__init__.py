"""Demo content of the institution: institutional pages, offices, reports, menus and footer.

Written in Azerbaijani and translated to English and Russian through wagtail-localize, as an
editor would. Every builder finds what an earlier run made and updates it (idempotent).
"""

from wagtail.models import Page

from complaints.models import ComplaintPage
from core.demo_translation import translate_instance
from core.site_snippets import footer_text_model
from institution.demo import institutional_texts as texts
from institution.demo.complaint_texts import (
    COMPLAINT_INTRO,
    COMPLAINT_SLUG,
    COMPLAINT_THANKS,
    COMPLAINT_TITLE,
)
from institution.demo.documents import demo_pdf
from institution.demo.office_texts import (
    OFFICES,
    OFFICES_INTRO,
    OFFICES_SLUG,
    OFFICES_TITLE,
    WEEKDAY_HOURS,
)
from institution.demo.publication_texts import (
    PUBLICATIONS_INTRO,
    PUBLICATIONS_SLUG,
    PUBLICATIONS_TITLE,
    SPECIAL_REPORT,
    annual_report,
)
from institution.demo.specs import (
    TRANSLATED_LANGUAGES,
    PageSpec,
    T,
    translation_table,
)
from institution.models import (
    ContactPage,
    FaqPage,
    OfficeIndexPage,
    OfficePage,
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
    StandardPage,
)

ANNUAL_REPORT_YEARS = (2023, 2024)


def _pages(context):
    return context.extra.setdefault("institution", {})


def upsert_page(parent, spec, context, prepare=None):
    """Create or update the az page of `spec` under `parent`, publish it, translate it."""
    values = spec.source_values()
    page = spec.model.objects.child_of(parent).filter(slug=values["slug"]).first()
    if page is None:
        page = spec.model(**values)
        page.show_in_menus = spec.show_in_menus
        if prepare:
            prepare(page)
        parent.add_child(instance=page)
    else:
        for name, value in values.items():
            setattr(page, name, value)
        page.show_in_menus = spec.show_in_menus
        if prepare:
            prepare(page)
    page.save_revision(user=context.user).publish(user=context.user)
    page.refresh_from_db()
    for code in TRANSLATED_LANGUAGES:
        translate_instance(page, code, translation_table(spec.texts(), code), context.user)
    _pages(context)[spec.key] = page
    for child in spec.children:
        upsert_page(page, child, context)
    return page


def build_institution_pages(context):
    """About, in the menu, with the mandate, legislation and FAQ pages below it."""
    about = PageSpec(
        "about",
        StandardPage,
        T("haqqimizda", "about", "o-nas"),
        texts.ABOUT_TITLE,
        {"intro": texts.ABOUT_INTRO, "body": texts.ABOUT_BODY},
        show_in_menus=True,
        children=[
            PageSpec(
                "mandate",
                StandardPage,
                T("mandat", "mandate", "mandat"),
                texts.MANDATE_TITLE,
                {"intro": texts.MANDATE_INTRO, "body": texts.MANDATE_BODY},
            ),
            PageSpec(
                "legislation",
                StandardPage,
                T("qanunvericilik", "legislation", "zakonodatelstvo"),
                texts.LEGISLATION_TITLE,
                {"intro": texts.LEGISLATION_INTRO, "body": texts.LEGISLATION_BODY},
            ),
            PageSpec(
                "faq",
                FaqPage,
                T("suallar", "faq", "voprosy"),
                texts.FAQ_TITLE,
                {"intro": texts.FAQ_INTRO, "questions": texts.FAQ_QUESTIONS},
            ),
        ],
    )
    upsert_page(context.homes["az"], about, context)


def build_contact(context):
    """The contact page, last in the menu."""
    contact = PageSpec(
        "contact",
        ContactPage,
        T("elaqe", "contact", "kontakty"),
        texts.CONTACT_TITLE,
        {
            "intro": texts.CONTACT_INTRO,
            "postal_address": texts.CONTACT_ADDRESS,
            "phone": "+994 12 498 23 77",
            "email": "ombudsman@ombudsman.gov.az",
            "body": texts.CONTACT_BODY,
        },
        show_in_menus=True,
    )
    upsert_page(context.homes["az"], contact, context)


def build_offices(context):
    """The office list and the five offices, head office first."""
    children = [
        PageSpec(
            f"office-{slug.en}",
            OfficePage,
            slug,
            title,
            {
                "address": address,
                "phone": phone,
                "email": email,
                "reception_hours": WEEKDAY_HOURS,
                "area_served": area,
                "is_head_office": is_head_office,
            },
        )
        for slug, title, address, phone, email, area, is_head_office in OFFICES
    ]
    index = PageSpec(
        "offices",
        OfficeIndexPage,
        OFFICES_SLUG,
        OFFICES_TITLE,
        {"intro": OFFICES_INTRO},
        show_in_menus=True,
        children=children,
    )
    upsert_page(context.homes["az"], index, context)


def _report_files(values, languages):
    """PublicationFiles for a report: one tagged PDF per language in `languages`."""
    files = []
    for code in languages:
        document = demo_pdf(values, code, f"{values['slug'].en}-{code}.pdf")
        files.append(PublicationFile(document=document, language=code))
    return files


def report_specs():
    """(values, type, year, languages of its PDFs) of each demo report."""
    reports = [
        (annual_report(year), PublicationType.ANNUAL, year, ("az", "en", "ru"))
        for year in ANNUAL_REPORT_YEARS
    ]
    reports.append((SPECIAL_REPORT, PublicationType.SPECIAL, 2022, ("az", "en")))
    return reports


def build_publications(context):
    """The report list, the 2023 and 2024 annual reports and a special report, with PDFs."""
    index = upsert_page(
        context.homes["az"],
        PageSpec(
            "publications",
            PublicationIndexPage,
            PUBLICATIONS_SLUG,
            PUBLICATIONS_TITLE,
            {"intro": PUBLICATIONS_INTRO},
            show_in_menus=True,
        ),
        context,
    )
    for values, publication_type, year, languages in report_specs():
        spec = PageSpec(
            f"report-{values['slug'].en}",
            PublicationPage,
            values["slug"],
            values["title"],
            {
                "summary": values["summary"],
                "body": values["body"],
                "publication_type": publication_type,
                "year": year,
            },
        )
        files = _report_files(values, languages)

        def attach_files(page, files=files):
            page.files = files

        upsert_page(index, spec, context, prepare=attach_files)


QUICK_LINKS = [
    (
        "complaint",
        T("Şikayət edin", "Make a complaint", "Подать жалобу"),
        T(
            "Hüququnuz pozulubsa, bizə yazın, zəng edin və ya ofisimizə gəlin.",
            "If your rights have been violated, write to us, call us or visit an office.",
            "Если ваши права нарушены, напишите, позвоните или приходите в наш офис.",
        ),
    ),
    (
        "publications",
        T("Məruzələr", "Reports", "Доклады"),
        T(
            "İllik və xüsusi məruzələri oxuyun.",
            "Read the annual and special reports.",
            "Читайте ежегодные и специальные доклады.",
        ),
    ),
    (
        "offices",
        T("Ofislər və qəbul saatları", "Offices and reception hours", "Офисы и часы приёма"),
        T(
            "Bakı, Gəncə, Cəlilabad, Şəki və Quba.",
            "Baku, Ganja, Jalilabad, Sheki and Guba.",
            "Баку, Гянджа, Джалилабад, Шеки и Губа.",
        ),
    ),
]
FOOTER_LINK_KEYS = ("contact", "faq", "offices")


def build_navigation(context):
    """The home page's quick links and the footer text with its links, in three languages."""

    pages = _pages(context)
    home = Page.objects.get(pk=context.homes["az"].pk).specific
    home.quick_links = [
        ("link", {"page": pages[key], "title": title.az, "description": description.az})
        for key, title, description in QUICK_LINKS
    ]
    home.save_revision(user=context.user).publish(user=context.user)
    link_texts = [text for _key, title, description in QUICK_LINKS for text in (title, description)]
    for code in TRANSLATED_LANGUAGES:
        table = {**context.extra["home_translations"][code], **translation_table(link_texts, code)}
        context.homes[code] = translate_instance(home, code, table, context.user)

    FooterText = footer_text_model()
    footer = FooterText.objects.filter(locale=context.locales["az"]).first() or FooterText(
        locale=context.locales["az"]
    )
    footer.text = texts.FOOTER_TEXT.source()
    footer.links = [("link", {"page": pages[key], "title": ""}) for key in FOOTER_LINK_KEYS]
    footer.save()
    for code in TRANSLATED_LANGUAGES:
        table = translation_table(texts.FOOTER_TEXT.texts(), code)
        translate_instance(footer, code, table, context.user)


def build_complaint_page(context):
    """The complaint page, in three languages; complaints go to the officers' admin."""
    spec = PageSpec(
        "complaint",
        ComplaintPage,
        COMPLAINT_SLUG,
        COMPLAINT_TITLE,
        {"intro": COMPLAINT_INTRO, "thank_you_text": COMPLAINT_THANKS},
    )
    upsert_page(context.homes["az"], spec, context)
