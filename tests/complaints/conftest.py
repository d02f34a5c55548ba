"""Fixtures of the complaint tests: a trilingual complaint page, officers and other staff."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

from complaints.groups import OFFICER_GROUP_NAME, setup_officer_group
from complaints.models import ComplaintPage
from core.demo_translation import translate_instance
from tests.translation.conftest import TrilingualSite

LANGUAGES = ("az", "en", "ru")
PAGE_TEXTS = {
    "Şikayət": {"en": "Complaint", "ru": "Жалоба"},
    "sikayet": {"en": "complaint", "ru": "zhaloba"},
    "Hüququnuz pozulubsa, bu formanı doldurun.": {
        "en": "If your rights were violated, fill in this form.",
        "ru": "Если ваши права нарушены, заполните эту форму.",
    },
    "10 iş günü ərzində cavab veririk.": {
        "en": "We answer within 10 working days.",
        "ru": "Мы отвечаем в течение 10 рабочих дней.",
    },
}

VALID_ANSWERS = {
    "name": "Leyla Məmmədova",
    "email": "leyla@example.org",
    "phone": "+994 50 123 45 67",
    "postal_address": "Bakı, Nizami küçəsi 1",
    "authority": "District housing department",
    "what_happened": "My pension has not been paid since March.",
    "when_happened": "March 2026",
    "outcome_sought": "Payment of the pension.",
    "court_involvement": "no",
    "consent": "on",
}


class ComplaintSite(TrilingualSite):
    """The trilingual site with a complaint page in az, en and ru."""

    def __init__(self, user):
        super().__init__(user)
        page = self.add_page(
            ComplaintPage(
                title="Şikayət",
                slug="sikayet",
                intro="<p>Hüququnuz pozulubsa, bu formanı doldurun.</p>",
                thank_you_text="<p>10 iş günü ərzində cavab veririk.</p>",
            )
        )
        self.pages = {"az": page}
        for code in ("en", "ru"):
            table = {source: texts[code] for source, texts in PAGE_TEXTS.items()}
            translate_instance(page, code, table, user)
            self.pages[code] = page.get_translation(self.locales[code]).specific

    def url(self, language, route=""):
        page = self.pages[language]
        return page.url + (page.reverse_subpage(route) if route else "")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")


@pytest.fixture
def complaint_site(superuser):
    return ComplaintSite(superuser)


def make_user(username, groups=(), permissions=(), **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **extra)
    for group in groups:
        user.groups.add(group)
    for app_label, codename in permissions:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def speaks_english_in_the_admin(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def officer(db):
    setup_officer_group()
    officer = make_user("officer", groups=[Group.objects.get(name=OFFICER_GROUP_NAME)])
    return speaks_english_in_the_admin(officer)


@pytest.fixture
def officer_client(officer):
    return client_for(officer)
