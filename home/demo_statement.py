"""Demo content: our accessibility statement in az, en and ru, linked from every page's footer.

The statement page type is the accessibility app's; its texts here are the site's. Its figures
and known problems are not demo text: the page reads them from the latest audit when shown.
"""

import datetime

from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from accessibility.models import AccessibilityStatementPage
from core.demo_translation import translate_instance
from home.models import FooterText, HomePage

TRANSLATED_LANGUAGES = ("en", "ru")

# Each entry: the Azerbaijani source, then its English and Russian translations. Rich text is
# segmented per paragraph, so every paragraph is one entry.
TITLE = (
    "Əlçatanlıq bəyanatı",
    "Accessibility statement",
    "Заявление о доступности",
)
SLUG = ("elcatanliq", "accessibility", "dostupnost")
COMMITMENT = [
    (
        "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman) bu saytı "
        "hər kəs üçün, o cümlədən əlilliyi olan insanlar üçün əlçatan etməyə çalışır.",
        "The Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan is "
        "committed to making this website accessible to everyone, including people with "
        "disabilities.",
        "Уполномоченный по правам человека (омбудсман) Азербайджанской Республики стремится "
        "сделать этот сайт доступным для всех, в том числе для людей с инвалидностью.",
    ),
    (
        "Bu bəyanat saytın Veb məzmunun əlçatanlığı üzrə təlimatların (WCAG) 2.2 "
        "versiyasının AA səviyyəsinə uyğunluğunu təsvir edir.",
        "This statement describes how the website meets level AA of the Web Content "
        "Accessibility Guidelines (WCAG) 2.2.",
        "Это заявление описывает соответствие сайта уровню AA Руководства по доступности "
        "веб-контента (WCAG) 2.2.",
    ),
]
NON_ACCESSIBLE = [
    (
        "2015-ci ildən əvvəl dərc olunmuş bəzi PDF hesabatları skan edilmiş şəkillərdir və "
        "ekran oxuyucuları ilə oxuna bilmir. Tələb etsəniz, onları əlçatan formatda göndərəcəyik.",
        "Some PDF reports published before 2015 are scanned images that screen readers cannot "
        "read. We will send them to you in an accessible format on request.",
        "Некоторые PDF-доклады, опубликованные до 2015 года, являются отсканированными "
        "изображениями и недоступны для программ экранного доступа. По запросу мы пришлём их в "
        "доступном формате.",
    ),
]
FEEDBACK = [
    (
        "Saytda əlçatan olmayan bir şeylə qarşılaşsanız və ya məzmunu başqa formatda "
        "istəsəniz, bizə yazın və ya zəng edin. Beş iş günü ərzində cavab veririk.",
        "If you find something on this website that is not accessible, or need content in "
        "another format, write to us or call us. We reply within five working days.",
        "Если вы обнаружили на сайте что-то недоступное или вам нужен материал в другом "
        "формате, напишите или позвоните нам. Мы отвечаем в течение пяти рабочих дней.",
    ),
]
ENFORCEMENT = [
    (
        "Cavabımız sizi qane etmirsə, Əmək və Əhalinin Sosial Müdafiəsi Nazirliyinə və ya "
        "məhkəməyə müraciət edə bilərsiniz.",
        "If our answer does not satisfy you, you may turn to the Ministry of Labour and Social "
        "Protection of the Population or to a court.",
        "Если наш ответ вас не устраивает, вы можете обратиться в Министерство труда и "
        "социальной защиты населения или в суд.",
    ),
]
FEEDBACK_EMAIL = "ombudsman@ombudsman.gov.az"
FEEDBACK_PHONE = "916"
PREPARED_ON = datetime.date(2026, 11, 1)


def _paragraphs(entries):
    return "".join(f"<p>{az}</p>" for az, _en, _ru in entries)


def _table(code):
    column = {"en": 1, "ru": 2}[code]
    entries = [TITLE, SLUG, *COMMITMENT, *NON_ACCESSIBLE, *FEEDBACK, *ENFORCEMENT]
    return {entry[0]: entry[column] for entry in entries}


def build_statement(context):
    """Create or update the az statement under the az home page and translate it."""
    home = HomePage.objects.get(pk=context.homes["az"].pk)
    page = AccessibilityStatementPage.objects.child_of(home).first()
    values = {
        "title": TITLE[0],
        "slug": SLUG[0],
        "commitment": _paragraphs(COMMITMENT),
        "non_accessible_content": _paragraphs(NON_ACCESSIBLE),
        "feedback": _paragraphs(FEEDBACK),
        "enforcement_procedure": _paragraphs(ENFORCEMENT),
        "feedback_email": FEEDBACK_EMAIL,
        "feedback_phone": FEEDBACK_PHONE,
        "prepared_on": PREPARED_ON,
    }
    if page is None:
        page = AccessibilityStatementPage(**values)
        home.add_child(instance=page)
    else:
        for name, value in values.items():
            setattr(page, name, value)
    page.save_revision(user=context.user).publish(user=context.user)
    pages = {"az": page}
    for code in TRANSLATED_LANGUAGES:
        pages[code] = translate_instance(page, code, _table(code), context.user)
    context.extra["accessibility_statement"] = pages
    link_from_footer(page, context)


def link_from_footer(statement, context):
    """Add the statement to the footer's links (once), keeping the footer's translations."""
    footer = FooterText.objects.filter(locale=context.locales["az"]).first()
    if footer is None:
        return
    if any(getattr(link.value.get("page"), "pk", None) == statement.pk for link in footer.links):
        return
    known = {code: _existing_translations(footer, code) for code in TRANSLATED_LANGUAGES}
    footer.links.append(("link", {"page": statement, "title": ""}))
    footer.save()
    for code in TRANSLATED_LANGUAGES:
        translate_instance(footer, code, known[code], context.user)


def _existing_translations(instance, code):
    """Source text -> the translation already made in `code`, for every segment of `instance`."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return {}
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    table = {}
    for segment in segments:
        translation = StringTranslation.objects.filter(
            translation_of=segment.string, locale__language_code=code, context=segment.context
        ).first()
        if translation is not None:
            table[segment.string.data] = translation.data
    return table
