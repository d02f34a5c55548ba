"""Demo content of the home app: the home page in three languages, the hotline, the site."""

from wagtail.models import Page, Site

from core.demo_translation import translate_instance
from home.models import HomePage, Hotline

HOME = {
    "title": "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman)",
    "slug": "az",
    "intro": (
        "<p>Hər kəsin hüquq və azadlıqlarının müdafiəsi bizim işimizdir. Hüquqlarınız pozulubsa, "
        "bizə pulsuz müraciət edin: şikayətinizə baxacaq və sizə kömək edəcəyik.</p>"
    ),
}
HOME_TRANSLATIONS = {
    "en": {
        HOME["title"]: "Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan",
        HOME["slug"]: "en",
        (
            "Hər kəsin hüquq və azadlıqlarının müdafiəsi bizim işimizdir. Hüquqlarınız pozulubsa, "
            "bizə pulsuz müraciət edin: şikayətinizə baxacaq və sizə kömək edəcəyik."
        ): (
            "Protecting everyone's rights and freedoms is our work. If your rights have been "
            "violated, contact us free of charge: we will examine your complaint and help you."
        ),
    },
    "ru": {
        HOME["title"]: "Уполномоченный по правам человека (омбудсман) Азербайджанской Республики",
        HOME["slug"]: "ru",
        (
            "Hər kəsin hüquq və azadlıqlarının müdafiəsi bizim işimizdir. Hüquqlarınız pozulubsa, "
            "bizə pulsuz müraciət edin: şikayətinizə baxacaq və sizə kömək edəcəyik."
        ): (
            "Защита прав и свобод каждого — наша работа. Если ваши права нарушены, обратитесь "
            "к нам бесплатно: мы рассмотрим вашу жалобу и поможем вам."
        ),
    },
}

HOTLINE = {"number": "916", "label": "Çağrı mərkəzi", "hours": "Gecə-gündüz, pulsuz"}
HOTLINE_TRANSLATIONS = {
    "en": {"Çağrı mərkəzi": "Call centre", "Gecə-gündüz, pulsuz": "24 hours a day, free of charge"},
    "ru": {"Çağrı mərkəzi": "Колл-центр", "Gecə-gündüz, pulsuz": "Круглосуточно, бесплатно"},
}

TRANSLATED_LANGUAGES = ("en", "ru")


def build_home(context):
    """Create or update the az home page, its en and ru translations, and point the Site at it."""
    locales = context.locales
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locales["az"], depth=2).first()
    if home is None:
        home = HomePage(title=HOME["title"], slug=HOME["slug"], intro=HOME["intro"])
        root.add_child(instance=home)
    else:
        home.title, home.slug, home.intro = HOME["title"], HOME["slug"], HOME["intro"]
        # Set again, with their translations, by institution.demo.build_navigation.
        home.quick_links = []
    home.save_revision(user=context.user).publish(user=context.user)

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.site_name = "Ombudsman"
    site.save()
    # Wagtail's "Welcome" placeholder page is replaced by ours.
    Page.objects.filter(depth=2, slug="home", locale=locales["az"]).exclude(pk=home.pk).delete()

    context.homes = {"az": home}
    # Whoever sets the home page's quick links translates the whole page again with these.
    context.extra["home_translations"] = HOME_TRANSLATIONS
    for code in TRANSLATED_LANGUAGES:
        context.homes[code] = translate_instance(home, code, HOME_TRANSLATIONS[code], context.user)


def build_hotline(context):
    hotline = Hotline.objects.filter(locale=context.locales["az"]).first() or Hotline(
        locale=context.locales["az"]
    )
    for field, value in HOTLINE.items():
        setattr(hotline, field, value)
    hotline.save()
    for code in TRANSLATED_LANGUAGES:
        translate_instance(hotline, code, HOTLINE_TRANSLATIONS[code], context.user)
