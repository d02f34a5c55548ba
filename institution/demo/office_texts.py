"""Demo text of the offices: the Baku head office and the four regional centres."""

from institution.demo.specs import Rich, T

OFFICES_TITLE = T("Ofislərimiz", "Our offices", "Наши офисы")
OFFICES_SLUG = T("ofisler", "offices", "ofisy")
OFFICES_INTRO = Rich(
    [
        T(
            "Şikayətinizi ən yaxın ofisimizdə şəxsən verə bilərsiniz. Qəbul pulsuzdur; "
            "şəxsiyyət vəsiqənizi və şikayətə aid sənədləri özünüzlə gətirin.",
            "You can bring your complaint in person to the office nearest to you. Reception is "
            "free; bring your identity card and the documents about your complaint.",
            "Вы можете лично подать жалобу в ближайшем к вам офисе. Приём бесплатный; возьмите "
            "с собой удостоверение личности и документы, относящиеся к жалобе.",
        )
    ]
)

WEEKDAY_HOURS = T(
    "Bazar ertəsi – cümə: 09:00–18:00\nNahar fasiləsi: 13:00–14:00",
    "Monday to Friday: 09:00–18:00\nLunch break: 13:00–14:00",
    "Понедельник – пятница: 09:00–18:00\nОбеденный перерыв: 13:00–14:00",
)

# (slug, title, address, phone, email, area served, is head office)
OFFICES = [
    (
        T("bas-ofis", "head-office", "glavnyi-ofis"),
        T("Baş ofis (Bakı)", "Head office (Baku)", "Главный офис (Баку)"),
        T(
            "Üzeyir Hacıbəyov küçəsi 40\nBakı, AZ1000",
            "40 Uzeyir Hajibeyov Street\nBaku AZ1000",
            "ул. Узеира Гаджибекова, 40\nБаку, AZ1000",
        ),
        "+994 12 498 23 77",
        "ombudsman@ombudsman.gov.az",
        T(
            "Bakı, Sumqayıt, Abşeron və bütün ölkə",
            "Baku, Sumgayit, Absheron and the whole country",
            "Баку, Сумгайыт, Абшерон и вся страна",
        ),
        True,
    ),
    (
        T("gence", "ganja", "gyandzha"),
        T("Gəncə regional mərkəzi", "Ganja regional centre", "Гянджинский региональный центр"),
        T(
            "Atatürk prospekti 25\nGəncə, AZ2000",
            "25 Ataturk Avenue\nGanja AZ2000",
            "проспект Ататюрка, 25\nГянджа, AZ2000",
        ),
        "+994 22 256 52 41",
        "ganja@ombudsman.gov.az",
        T(
            "Gəncə, Naftalan, Goranboy, Göygöl, Samux, Şəmkir, Daşkəsən",
            "Ganja, Naftalan, Goranboy, Goygol, Samukh, Shamkir, Dashkasan",
            "Гянджа, Нафталан, Геранбой, Гёйгёль, Самух, Шамкир, Дашкесан",
        ),
        False,
    ),
    (
        T("celilabad", "jalilabad", "dzhalilabad"),
        T(
            "Cəlilabad regional mərkəzi",
            "Jalilabad regional centre",
            "Джалилабадский региональный центр",
        ),
        T(
            "Heydər Əliyev prospekti 12\nCəlilabad, AZ1200",
            "12 Heydar Aliyev Avenue\nJalilabad AZ1200",
            "проспект Гейдара Алиева, 12\nДжалилабад, AZ1200",
        ),
        "+994 25 524 13 05",
        "jalilabad@ombudsman.gov.az",
        T(
            "Cəlilabad, Masallı, Lənkəran, Astara, Lerik, Yardımlı, Biləsuvar",
            "Jalilabad, Masally, Lankaran, Astara, Lerik, Yardimli, Bilasuvar",
            "Джалилабад, Масаллы, Ленкорань, Астара, Лерик, Ярдымлы, Билясувар",
        ),
        False,
    ),
    (
        T("seki", "sheki", "sheki"),
        T("Şəki regional mərkəzi", "Sheki regional centre", "Шекинский региональный центр"),
        T(
            "M. F. Axundzadə prospekti 30\nŞəki, AZ5500",
            "30 M. F. Akhundzadeh Avenue\nSheki AZ5500",
            "проспект М. Ф. Ахундзаде, 30\nШеки, AZ5500",
        ),
        "+994 24 244 61 20",
        "sheki@ombudsman.gov.az",
        T(
            "Şəki, Oğuz, Qəbələ, Qax, Zaqatala, Balakən",
            "Sheki, Oguz, Gabala, Gakh, Zagatala, Balakan",
            "Шеки, Огуз, Габала, Гах, Загатала, Балакен",
        ),
        False,
    ),
    (
        T("quba", "guba", "guba"),
        T("Quba regional mərkəzi", "Guba regional centre", "Губинский региональный центр"),
        T(
            "Heydər Əliyev prospekti 95\nQuba, AZ4000",
            "95 Heydar Aliyev Avenue\nGuba AZ4000",
            "проспект Гейдара Алиева, 95\nГуба, AZ4000",
        ),
        "+994 23 335 47 18",
        "guba@ombudsman.gov.az",
        T(
            "Quba, Qusar, Xaçmaz, Şabran, Siyəzən",
            "Guba, Gusar, Khachmaz, Shabran, Siyazan",
            "Губа, Гусар, Хачмаз, Шабран, Сиазань",
        ),
        False,
    ),
]
