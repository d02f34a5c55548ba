"""Demo news from 2022 and 2023, in az (source), en and ru."""

import datetime

from news.demo_content.types import ArticleText, DemoArticle, DemoDocument, TableText

OSCE_MEETING = DemoArticle(
    slug="meeting-with-osce-odihr-delegation",
    date=datetime.date(2022, 3, 9),
    categories=("international-cooperation",),
    tags=("OSCE",),
    views=198,
    text={
        "az": ArticleText(
            title="Müvəkkil ATƏT-in Demokratik Təsisatlar və İnsan Hüquqları Bürosunun "
            "nümayəndə heyəti ilə görüşüb",
            summary="Görüşdə milli insan hüquqları təsisatlarının müstəqilliyi və birgə "
            "təlim proqramları müzakirə olunub.",
            paragraphs=(
                "Müvəkkil ATƏT-in Demokratik Təsisatlar və İnsan Hüquqları Bürosunun (DTİHB) "
                "Bakıya səfər edən nümayəndə heyəti ilə görüşüb.",
                "Tərəflər milli insan hüquqları təsisatlarının müstəqilliyinin təmin "
                "edilməsi, insan hüquqları müdafiəçilərinin təhlükəsizliyi və Aparat "
                "əməkdaşları üçün birgə təlim proqramları barədə fikir mübadiləsi aparıblar.",
            ),
        ),
        "en": ArticleText(
            title="Commissioner meets a delegation of the OSCE Office for Democratic "
            "Institutions and Human Rights",
            summary="The meeting discussed the independence of national human rights "
            "institutions and joint training programmes.",
            paragraphs=(
                "The Commissioner met a delegation of the OSCE Office for Democratic "
                "Institutions and Human Rights (ODIHR) visiting Baku.",
                "The parties exchanged views on safeguarding the independence of national "
                "human rights institutions, the safety of human rights defenders and joint "
                "training programmes for the staff of the Office.",
            ),
        ),
        "ru": ArticleText(
            title="Уполномоченный встретился с делегацией Бюро по демократическим "
            "институтам и правам человека ОБСЕ",
            summary="На встрече обсуждались независимость национальных правозащитных "
            "учреждений и совместные учебные программы.",
            paragraphs=(
                "Уполномоченный встретился с делегацией Бюро по демократическим институтам и "
                "правам человека (БДИПЧ) ОБСЕ, находящейся с визитом в Баку.",
                "Стороны обменялись мнениями об обеспечении независимости национальных "
                "правозащитных учреждений, безопасности правозащитников и совместных учебных "
                "программах для сотрудников Аппарата.",
            ),
        ),
    },
)

ANNUAL_REPORT_2022 = DemoArticle(
    slug="annual-report-2022-presented-to-parliament",
    date=datetime.date(2023, 1, 31),
    categories=("monitoring", "events"),
    views=2310,
    image_colour="#7a3b12",
    image_lines=("2022", "12 418"),
    document=DemoDocument(
        title="Annual report 2022: summary",
        file_name="annual-report-2022-summary.pdf",
        lines=(
            "Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan",
            "Annual report 2022: summary in English",
            "Complaints received: 12,418",
            "Visits to places of detention: 486",
            "Public hearings and awareness events: 212",
        ),
    ),
    text={
        "az": ArticleText(
            title="Müvəkkilin 2022-ci il üzrə illik məruzəsi Milli Məclisdə təqdim olunub",
            summary="Ötən il Müvəkkilə 12 418 müraciət daxil olub; onların ən çoxu sosial "
            "müdafiə və məhkəmə qərarlarının icrası ilə bağlı olub.",
            paragraphs=(
                "Müvəkkil insan hüquq və azadlıqlarının 2022-ci ildə təmin edilməsi və "
                "müdafiəsinin vəziyyətinə dair illik məruzəsini Milli Məclisin plenar "
                "iclasında təqdim edib.",
                "Məruzədə müraciətlərin mövzular üzrə bölgüsü, monitorinqlərin nəticələri və "
                "dövlət orqanlarına verilmiş tövsiyələr əks olunub.",
            ),
            heading="Müraciətlər mövzular üzrə",
            table=TableText(
                caption="2022-ci ildə daxil olan müraciətlərin mövzular üzrə bölgüsü",
                headings=("Mövzu", "Müraciətlərin sayı"),
                rows=(
                    ("Sosial müdafiə", 3412),
                    ("Məhkəmə qərarlarının icrası", 2206),
                    ("Əmək hüquqları", 1874),
                    ("Mənzil və mülkiyyət hüquqları", 1630),
                    ("Digər mövzular", 3296),
                ),
            ),
            quote=(
                "Hər bir müraciət arxasında konkret insanın taleyi dayanır.",
                "İnsan Hüquqları üzrə Müvəkkil",
            ),
            image_alt="Kərpic rəngli fonda ağ rəqəmlərlə “2022” və “12 418” yazılmış afişa.",
            image_caption="2022-ci ildə Müvəkkilə 12 418 müraciət daxil olub.",
            document_link_text="İllik məruzənin xülasəsi",
        ),
        "en": ArticleText(
            title="Commissioner’s annual report for 2022 presented to the Milli Majlis",
            summary="The Commissioner received 12,418 complaints last year, most of them "
            "about social protection and the enforcement of court decisions.",
            paragraphs=(
                "The Commissioner presented the annual report on the observance and "
                "protection of human rights and freedoms in 2022 at a plenary session of the "
                "Milli Majlis, the national parliament.",
                "The report sets out the complaints by subject, the findings of monitoring "
                "visits and the recommendations made to state bodies.",
            ),
            heading="Complaints by subject",
            table=TableText(
                caption="Complaints received in 2022, by subject",
                headings=("Subject", "Number of complaints"),
                rows=(
                    ("Social protection", 3412),
                    ("Enforcement of court decisions", 2206),
                    ("Labour rights", 1874),
                    ("Housing and property rights", 1630),
                    ("Other subjects", 3296),
                ),
            ),
            quote=(
                "Behind every complaint stands the fate of a real person.",
                "Commissioner for Human Rights",
            ),
            image_alt="Poster with the figures “2022” and “12 418” in white on brick red.",
            image_caption="The Commissioner received 12,418 complaints in 2022.",
            document_link_text="Summary of the annual report",
        ),
        "ru": ArticleText(
            title="Ежегодный доклад Уполномоченного за 2022 год представлен в Милли Меджлисе",
            summary="В прошлом году к Уполномоченному поступило 12 418 обращений, больше "
            "всего — о социальной защите и исполнении судебных решений.",
            paragraphs=(
                "Уполномоченный представил на пленарном заседании Милли Меджлиса ежегодный "
                "доклад о положении с обеспечением и защитой прав и свобод человека в 2022 "
                "году.",
                "В докладе приведено распределение обращений по темам, результаты "
                "мониторингов и рекомендации, направленные государственным органам.",
            ),
            heading="Обращения по темам",
            table=TableText(
                caption="Обращения, поступившие в 2022 году, по темам",
                headings=("Тема", "Число обращений"),
                rows=(
                    ("Социальная защита", 3412),
                    ("Исполнение судебных решений", 2206),
                    ("Трудовые права", 1874),
                    ("Жилищные и имущественные права", 1630),
                    ("Другие темы", 3296),
                ),
            ),
            quote=(
                "За каждым обращением стоит судьба конкретного человека.",
                "Уполномоченный по правам человека",
            ),
            image_alt="Афиша с цифрами «2022» и «12 418» белым цветом на кирпично-красном фоне.",
            image_caption="В 2022 году к Уполномоченному поступило 12 418 обращений.",
            document_link_text="Краткое изложение ежегодного доклада",
        ),
    },
)

DIGITAL_ACCESSIBILITY_TRAINING = DemoArticle(
    slug="digital-accessibility-training-for-staff",
    date=datetime.date(2023, 9, 15),
    categories=("education",),
    tags=("WCAG",),
    views=143,
    text={
        "az": ArticleText(
            title="Aparat əməkdaşları üçün rəqəmsal əlçatanlıq üzrə təlim keçirilib",
            summary="Təlimdə əlilliyi olan şəxslərin internet resurslarından maneəsiz "
            "istifadəsi üçün WCAG standartları öyrənilib.",
            paragraphs=(
                "Ombudsman Aparatının əməkdaşları üçün rəqəmsal əlçatanlıq mövzusunda "
                "iki günlük təlim təşkil olunub.",
                "İştirakçılar ekran oxuyucularının necə işlədiyini, şəkillərə alternativ mətn "
                "yazmağı və sənədləri hamı üçün oxunaqlı hazırlamağı öyrəniblər.",
            ),
            quote=(
                "Əlçatanlıq güzəşt deyil, hüquqdur.",
                "Təlimçi, əlilliyi olan şəxslərin təşkilatı",
            ),
        ),
        "en": ArticleText(
            title="Digital accessibility training held for the staff of the Office",
            summary="The training covered the WCAG standards that let people with "
            "disabilities use websites without barriers.",
            paragraphs=(
                "A two-day training on digital accessibility was organized for the staff of "
                "the Ombudsman Office.",
                "Participants learned how screen readers work, how to write alternative text "
                "for images and how to prepare documents that everyone can read.",
            ),
            quote=(
                "Accessibility is not a favour, it is a right.",
                "Trainer, organization of persons with disabilities",
            ),
        ),
        "ru": ArticleText(
            title="Для сотрудников Аппарата проведён тренинг по цифровой доступности",
            summary="На тренинге изучили стандарты WCAG, позволяющие людям с инвалидностью "
            "пользоваться сайтами без барьеров.",
            paragraphs=(
                "Для сотрудников Аппарата Омбудсмана организован двухдневный тренинг по "
                "цифровой доступности.",
                "Участники узнали, как работают программы экранного доступа, как писать "
                "альтернативный текст к изображениям и готовить документы, доступные каждому.",
            ),
            quote=(
                "Доступность — не уступка, а право.",
                "Тренер, организация людей с инвалидностью",
            ),
        ),
    },
)

ARTICLES_2022_2023 = [OSCE_MEETING, ANNUAL_REPORT_2022, DIGITAL_ACCESSIBILITY_TRAINING]
