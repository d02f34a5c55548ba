"""The complaint form as a visitor uses it, in az, en and ru: fields, errors, success, abuse."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from complaints.models import Complaint, ComplaintMessage, MessageKind, MessageStatus
from tests.complaints.conftest import LANGUAGES, VALID_ANSWERS

pytestmark = pytest.mark.django_db

THANKS_TITLES = {
    "az": "2026-000001 nömrəli şikayət qəbul edildi",
    "en": "Complaint 2026-000001 received",
    "ru": "Жалоба № 2026-000001 получена",
}
FIRST_LABELS = {"az": "Adınız və soyadınız", "en": "Your full name", "ru": "Ваши имя и фамилия"}


def form_html(response):
    html = response.content.decode()
    start = html.index('<form class="complaint-form"')
    return html[start : html.index("</form>", start)]


def tag(html, name):
    """The opening tag of the control named `name`."""
    match = re.search(rf'<(?:input|textarea)\b[^>]*\bname="{name}"[^>]*>', html)
    assert match, f"no control named {name}"
    return match.group(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_has_labelled_fields_with_input_purpose_and_limits(
    client, complaint_site, language
):
    response = client.get(complaint_site.url(language))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    form = form_html(response)
    assert FIRST_LABELS[language] in form
    controls = re.findall(r'<(?:input|textarea)\b[^>]*\bid="([^"]+)"', form)
    labelled = set(re.findall(r'<label for="([^"]+)"', form))
    assert set(controls) <= labelled, set(controls) - labelled
    assert 'enctype="multipart/form-data"' in response.content.decode()
    expectations = {
        "name": 'autocomplete="name"',
        "email": 'autocomplete="email"',
        "phone": 'autocomplete="tel"',
        "postal_address": 'autocomplete="street-address"',
    }
    for name, attribute in expectations.items():
        assert attribute in tag(form, name)
    assert 'type="tel"' in tag(form, "phone")
    for name in ("name", "email", "phone", "postal_address", "authority", "what_happened"):
        assert "maxlength=" in tag(form, name), name
    for name in ("when_happened", "outcome_sought"):
        assert "maxlength=" in tag(form, name), name
    # The trap for robots is hidden from people and their assistive technology.
    assert re.search(r'<div class="form-field" hidden>\s*<label for="id_website"', form)
    # Nothing is announced as invalid before the form is sent: Chrome would report an unticked
    # required box or an unchosen required radio as invalid (a failed send says "true").
    for name in ("consent", "court_involvement"):
        assert 'aria-invalid="false"' in tag(form, name), name


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_valid_complaint_is_stored_acknowledged_and_thanked(
    client, complaint_site, language, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(complaint_site.url(language), VALID_ANSWERS)
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert re.fullmatch(r"\d{4}-\d{6}", complaint.reference)
    assert complaint.language == language
    assert complaint.court_involvement == "no"
    assert complaint.what_happened == VALID_ANSWERS["what_happened"]
    # Both e-mails went out after the commit (the immediate task backend in tests).
    kinds = set(ComplaintMessage.objects.values_list("kind", "status"))
    assert kinds == {
        (MessageKind.ACKNOWLEDGEMENT, MessageStatus.SENT),
        (MessageKind.OFFICER_NOTIFICATION, MessageStatus.SENT),
    }
    acknowledgement = next(m for m in mail.outbox if m.to == [VALID_ANSWERS["email"]])
    assert complaint.reference in acknowledgement.subject
    notification = next(m for m in mail.outbox if m.to == ["officers@example.org"])
    # The officers' e-mail names the case, never its content.
    for personal in ("Leyla", "leyla@example.org", "pension", "+994"):
        assert personal not in notification.body + notification.subject

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert thanks["Cache-Control"] == "no-store, private"
    html = thanks.content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    expected_title = THANKS_TITLES[language].replace("2026-000001", complaint.reference)
    assert title.startswith(expected_title), title
    assert f'<strong class="complaint-reference">{complaint.reference}</strong>' in html
    assert f'<html lang="{language}"' in html


def test_the_acknowledgement_is_in_the_visitors_language(
    client, complaint_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(complaint_site.url("ru"), VALID_ANSWERS)
    reference = Complaint.objects.get().reference
    acknowledgement = next(m for m in mail.outbox if m.to == [VALID_ANSWERS["email"]])
    assert acknowledgement.subject == f"Ваша жалоба № {reference} получена"
    assert "Ваша жалоба получена" in acknowledgement.body
    assert complaint_site.url("ru", "check") in acknowledgement.body


def test_court_involvement_is_stored_the_same_in_every_language(client, complaint_site):
    for language in LANGUAGES:
        client.post(complaint_site.url(language), {**VALID_ANSWERS, "court_involvement": "yes"})
    assert list(Complaint.objects.values_list("court_involvement", flat=True)) == ["yes"] * 3
    assert Complaint.objects.values("reference").distinct().count() == 3


def test_a_form_with_mistakes_comes_back_with_a_linked_error_summary(client, complaint_site):
    answers = {**VALID_ANSWERS, "email": "not-an-address", "court_involvement": "maybe"}
    del answers["consent"]
    del answers["authority"]
    response = client.post(complaint_site.url("en"), answers)
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store, private"
    html = response.content.decode()
    assert "<title>Error:" in html
    summary = html[html.index('<div class="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert "autofocus" in summary and 'role="alert"' in summary
    targets = re.findall(r'href="#([^"]+)"', summary)
    assert targets == ["id_email", "id_authority", "id_court_involvement_0", "id_consent"]
    for target in targets:
        assert f'id="{target}"' in html
    email = tag(html, "email")
    assert 'aria-invalid="true"' in email
    assert 'aria-describedby="id_email_helptext id_email_error"' in email
    assert 'id="id_email_error"' in html
    assert 'aria-invalid="true"' in tag(html, "consent")
    assert 'aria-invalid="true"' in tag(html, "court_involvement")
    # What the visitor typed is kept.
    assert 'value="Leyla Məmmədova"' in html
    assert "My pension has not been paid since March." in html
    assert not Complaint.objects.exists()


# What the summary says for an empty form: each field in its own words, in form order.
EMPTY_FORM_SUMMARY = {
    "en": [
        "Enter your full name.",
        "Enter your e-mail address.",
        "Say who the complaint is about: an authority, a municipality or an official.",
        "Describe what happened.",
        "Say when it happened: a date or a period.",
        "Say what outcome you are seeking.",
        "Choose whether a court is dealing with this case: yes, no or I do not know.",
        "Without your consent we cannot examine the complaint.",
    ],
    "az": [
        "Adınızı və soyadınızı yazın.",
        "E-poçt ünvanınızı yazın.",
        "Şikayətin kimə qarşı olduğunu yazın: dövlət orqanı, bələdiyyə və ya vəzifəli şəxs.",
        "Nə baş verdiyini təsvir edin.",
        "Bunun nə vaxt baş verdiyini yazın: tarix və ya dövr.",
        "Hansı nəticəni gözlədiyinizi yazın.",
        "Bu işə məhkəmədə baxılıb-baxılmadığını seçin: «Bəli», «Xeyr» və ya «Bilmirəm».",
        "Razılığınız olmadan şikayətə baxa bilmərik.",
    ],
    "ru": [
        "Укажите ваши имя и фамилию.",
        "Укажите адрес электронной почты.",
        "Укажите, на кого вы жалуетесь: государственный орган, муниципалитет или должностное лицо.",
        "Опишите, что произошло.",
        "Укажите, когда это произошло: дату или период.",
        "Укажите, какого результата вы добиваетесь.",
        "Выберите, рассматривается ли это дело в суде: «Да», «Нет» или «Не знаю».",
        "Без вашего согласия мы не можем рассмотреть жалобу.",
    ],
}


DJANGO_REQUIRED = "This field is required."  # Django's own msgid, kept out of our catalog


def summary_links(html):
    """(target, text) of each link in the error summary."""
    summary = html[html.index('<div class="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)


@pytest.mark.parametrize("language", LANGUAGES)
def test_errors_say_what_to_do_for_each_field_in_the_visitors_language(
    client, complaint_site, language
):
    """No generic "This field is required.", no "What happened?: …" with doubled marks."""
    from django.utils import translation

    response = client.post(complaint_site.url(language), {})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'<html lang="{language}"' in html
    links = summary_links(html)
    assert [text for _target, text in links] == EMPTY_FORM_SUMMARY[language]
    assert [target for target, _text in links] == [
        "id_name",
        "id_email",
        "id_authority",
        "id_what_happened",
        "id_when_happened",
        "id_outcome_sought",
        "id_court_involvement_0",
        "id_consent",
    ]
    with translation.override(language):
        generic = translation.gettext(DJANGO_REQUIRED)
    assert generic not in html and "This field is required" not in html
    # The same message stands next to its field.
    assert f'id="id_what_happened_error">{EMPTY_FORM_SUMMARY[language][3]}</p>' in html


@pytest.mark.parametrize(
    ("language", "answers", "message"),
    [
        ("en", {"email": "leyla@"}, "Enter your e-mail address in the form name@example.org."),
        ("az", {"email": "leyla@"}, "E-poçt ünvanınızı ad@example.org şəklində yazın."),
        ("en", {"name": "y" * 201}, "Your full name can be at most 200 characters long."),
        ("ru", {"name": "y" * 201}, "Имя и фамилия могут содержать не более 200 символов."),
        ("az", {"court_involvement": "maybe"}, EMPTY_FORM_SUMMARY["az"][6]),
        (
            "ru",
            {"what_happened": "x" * 10001},
            "Описание может содержать не более 10000 символов: сократите его или приложите "
            "полный текст документом.",
        ),
    ],
)
def test_wrong_answers_are_explained_field_by_field(
    client, complaint_site, language, answers, message
):
    response = client.post(complaint_site.url(language), {**VALID_ANSWERS, **answers})
    assert response.status_code == 400
    assert [text for _target, text in summary_links(response.content.decode())] == [message]


def test_the_status_check_explains_its_errors_too(client, complaint_site):
    response = client.post(complaint_site.url("en", "check"), {})
    texts = [text for _target, text in summary_links(response.content.decode())]
    assert texts == [
        "Enter the reference number from the acknowledgement e-mail.",
        "Enter your e-mail address.",
    ]


def test_lengths_are_enforced_on_the_server_too(client, complaint_site):
    answers = {**VALID_ANSWERS, "what_happened": "x" * 10001, "name": "y" * 201}
    response = client.post(complaint_site.url("en"), answers)
    assert response.status_code == 400
    assert not Complaint.objects.exists()
    # A text at the limit whose line breaks the browser sends as CRLF is accepted.
    at_limit = ("a" * 99 + "\r\n") * 99 + "a" * 100
    response = client.post(complaint_site.url("en"), {**VALID_ANSWERS, "what_happened": at_limit})
    assert response.status_code == 302
    assert len(Complaint.objects.get().what_happened) == 10000


def test_the_honeypot_refuses_robots_and_keeps_nothing(client, complaint_site):
    response = client.post(complaint_site.url("en"), {**VALID_ANSWERS, "website": "http://spam"})
    assert response.status_code == 400
    assert not Complaint.objects.exists()
    assert not mail.outbox
    html = response.content.decode()
    assert "This form could not be sent." in html
    assert "http://spam" not in html


def test_a_bad_or_expired_thank_you_link_is_a_clear_400(client, complaint_site):
    for query in ("", "?ref=forged", "?ref=" + "a" * 500):
        response = client.get(complaint_site.url("en", "thanks") + query)
        assert response.status_code == 400
        assert "This confirmation link is no longer valid" in response.content.decode()
        assert response["Cache-Control"] == "no-store, private"


def test_the_page_cache_never_keeps_the_error_or_thank_you_pages(client, complaint_site, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    response = client.post(complaint_site.url("en"), VALID_ANSWERS)
    thanks_url = response["Location"]
    anonymous = type(client)()
    first = anonymous.get(thanks_url)
    second = anonymous.get(thanks_url)
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "bypass"
    error = anonymous.post(complaint_site.url("en"), {"name": "Ali"})
    assert error["X-Page-Cache"] == "bypass"
    assert "no-store" in error["Cache-Control"]
    assert anonymous.get(complaint_site.url("en"))["X-Page-Cache"] == "bypass"


def test_files_are_chosen_again_after_an_error(client, complaint_site):
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(complaint_site.url("en"), {"name": "Ali", "attachments": [pdf]})
    assert response.status_code == 400
    assert "Choose your files again" in response.content.decode()


def test_a_form_without_a_valid_security_token_gets_a_page_in_the_visitors_language(
    complaint_site,
):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(complaint_site.url("ru"), VALID_ANSWERS)
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="ru"' in html and "Не удалось отправить форму" in html
    assert response["Cache-Control"] == "no-store, private"
    assert not Complaint.objects.exists()


INVALID_ANSWERS = [
    ("name", "", "id_name"),
    ("email", "leyla@", "id_email"),
    ("phone", "call me", "id_phone"),
    ("postal_address", "x" * 501, "id_postal_address"),
    ("authority", "", "id_authority"),
    ("what_happened", " ", "id_what_happened"),
    ("when_happened", "", "id_when_happened"),
    ("outcome_sought", "", "id_outcome_sought"),
    ("court_involvement", "Xeyr", "id_court_involvement_0"),
    ("consent", "", "id_consent"),
]


def test_every_field_is_validated_linked_from_the_summary_and_kept(client, complaint_site):
    for name, bad_value, target in INVALID_ANSWERS:
        answers = {**VALID_ANSWERS, name: bad_value}
        if not bad_value:
            del answers[name]
        response = client.post(complaint_site.url("en"), answers)
        assert response.status_code == 400, name
        html = response.content.decode()
        summary = html[html.index('<div class="error-summary"') :]
        summary = summary[: summary.index("</div>")]
        assert re.findall(r'href="#([^"]+)"', summary) == [target], name
        assert 'aria-invalid="true"' in tag(html, name), name
        assert f'id="id_{name}_error"' in html, name
        assert "District housing department" in html or name == "authority", name
    assert not Complaint.objects.exists()
