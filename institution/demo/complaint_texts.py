"""Demo text of the complaint page: its introduction and thank-you message (the form's fields
are fixed and translated in the .po files)."""

from institution.demo.specs import Rich, T

COMPLAINT_TITLE = T("Şikayət göndərin", "Make a complaint", "Подать жалобу")
COMPLAINT_SLUG = T("sikayet", "complaint", "zhaloba")
COMPLAINT_INTRO = Rich(
    [
        T(
            "Hüququnuzu dövlət orqanı, bələdiyyə və ya vəzifəli şəxs pozubsa, bu formanı doldurun. "
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
