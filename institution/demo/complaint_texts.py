"""Demo text of the complaint form: its introduction, fields and thank-you message."""

from institution.demo.specs import Rich, T

COMPLAINT_TITLE = T("Şikayət göndərin", "Make a complaint", "Подать жалобу")
COMPLAINT_SLUG = T("sikayet", "complaint", "zhaloba")
COMPLAINT_INTRO = Rich(
    [
        T(
            "Hüququnuzu dövlət orqanı, bələdiyyə və ya vəzifəli şəxs pozubsa, bu formu doldurun. "
            "Şikayətə baxılması pulsuzdur. Anonim şikayətlərə baxılmır.",
            "If a public authority, a municipality or an official has violated your rights, fill "
            "in this form. Complaints are examined free of charge. Anonymous complaints are not "
            "examined.",
            "Если ваши права нарушил государственный орган, муниципалитет или должностное лицо, "
            "заполните эту форму. Жалобы рассматриваются бесплатно. Анонимные жалобы не "
            "рассматриваются.",
        )
    ]
)
COMPLAINT_THANKS = Rich(
    [
        T(
            "Şikayətiniz qeydə alındı. Ona 10 iş günü ərzində baxılmağa başlanacaq və cavabı "
            "göstərdiyiniz e-poçt ünvanına göndəriləcək.",
            "Your complaint has been registered. We will start examining it within 10 working "
            "days and send our answer to the email address you gave.",
            "Ваша жалоба зарегистрирована. Мы начнём её рассмотрение в течение 10 рабочих дней и "
            "направим ответ на указанный вами адрес электронной почты.",
        )
    ]
)

# (clean name, field type, required, label, help text, choices)
COMPLAINT_FIELDS = [
    (
        "full_name",
        "singleline",
        True,
        T("Adınız və soyadınız", "Your full name", "Ваше имя и фамилия"),
        None,
        None,
    ),
    (
        "email",
        "email",
        True,
        T("E-poçt ünvanınız", "Your email address", "Ваш адрес электронной почты"),
        T(
            "Cavabımızı bu ünvana göndərəcəyik.",
            "We will send our answer to this address.",
            "Мы отправим ответ на этот адрес.",
        ),
        None,
    ),
    (
        "phone",
        "singleline",
        False,
        T("Telefon nömrəniz", "Your phone number", "Ваш номер телефона"),
        None,
        None,
    ),
    (
        "authority",
        "singleline",
        True,
        T("Şikayət kimə qarşıdır?", "Who is the complaint about?", "На кого жалоба?"),
        T(
            "Dövlət orqanı, bələdiyyə və ya vəzifəli şəxs.",
            "A public authority, a municipality or an official.",
            "Государственный орган, муниципалитет или должностное лицо.",
        ),
        None,
    ),
    (
        "what_happened",
        "multiline",
        True,
        T("Nə baş verdi?", "What happened?", "Что произошло?"),
        T(
            "Nə vaxt, harada və hansı hüququnuzun pozulduğunu yazın.",
            "Say when and where it happened, and which of your rights was violated.",
            "Укажите, когда и где это произошло и какое ваше право было нарушено.",
        ),
        None,
    ),
    (
        "in_court",
        "radio",
        True,
        T(
            "Bu iş məhkəmədə baxılırmı?",
            "Is a court examining the case?",
            "Рассматривается ли дело в суде?",
        ),
        None,
        T("Xeyr\nBəli", "No\nYes", "Нет\nДа"),
    ),
]
