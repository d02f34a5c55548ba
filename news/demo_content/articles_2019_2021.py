"""Demo news from 2019 to 2021, in az (source), en and ru."""

import datetime

from news.demo_content.types import ArticleText, DemoArticle, DemoDocument

CHILDRENS_RIGHTS_LESSON = DemoArticle(
    slug="childrens-rights-lesson-baku-school",
    date=datetime.date(2019, 3, 15),
    categories=("education",),
    tags=("UNICEF",),
    views=214,
    text={
        "az": ArticleText(
            title="Bakı məktəbində uşaq hüquqlarına dair açıq dərs keçirilib",
            summary="Aparatın əməkdaşları 8-ci sinif şagirdlərinə uşaq hüquqları və "
            "Müvəkkilə necə müraciət etmək barədə danışıblar.",
            paragraphs=(
                "Ombudsman Aparatının əməkdaşları Bakının Nəsimi rayonundakı 132 nömrəli "
                "məktəbdə 8-ci sinif şagirdləri üçün “Uşaq hüquqları və onların müdafiəsi” "
                "mövzusunda açıq dərs keçiriblər.",
                "Şagirdlərə BMT-nin Uşaq Hüquqları haqqında Konvensiyası, təhsil və sağlamlıq "
                "hüququ, habelə hüquqları pozulduqda 916 çağrı mərkəzinə pulsuz zəng etmək "
                "imkanı barədə məlumat verilib. Dərsin sonunda şagirdlərin sualları "
                "cavablandırılıb.",
            ),
        ),
        "en": ArticleText(
            title="Open lesson on children’s rights held at a Baku school",
            summary="Office staff told eighth-grade pupils about children’s rights and how to "
            "contact the Commissioner.",
            paragraphs=(
                "Staff of the Ombudsman Office held an open lesson on “Children’s rights and "
                "their protection” for eighth-grade pupils of School No. 132 in the Nasimi "
                "district of Baku.",
                "The pupils learned about the UN Convention on the Rights of the Child, the "
                "rights to education and health, and that they can call the 916 call centre "
                "free of charge when their rights are violated. At the end of the lesson the "
                "pupils’ questions were answered.",
            ),
        ),
        "ru": ArticleText(
            title="В бакинской школе прошёл открытый урок о правах ребёнка",
            summary="Сотрудники Аппарата рассказали восьмиклассникам о правах ребёнка и о "
            "том, как обратиться к Уполномоченному.",
            paragraphs=(
                "Сотрудники Аппарата Омбудсмана провели открытый урок на тему «Права ребёнка "
                "и их защита» для учеников восьмых классов школы № 132 Насиминского района "
                "Баку.",
                "Школьникам рассказали о Конвенции ООН о правах ребёнка, о праве на "
                "образование и здоровье, а также о том, что при нарушении их прав можно "
                "бесплатно позвонить в колл-центр 916. В конце урока сотрудники ответили на "
                "вопросы учеников.",
            ),
        ),
    },
)

TORTURE_VICTIMS_DAY = DemoArticle(
    slug="day-in-support-of-victims-of-torture-2019",
    date=datetime.date(2019, 6, 26),
    categories=("monitoring",),
    tags=("OPCAT",),
    views=389,
    image_colour="#6b2d5c",
    image_lines=("26.06.2019", "OPCAT"),
    text={
        "az": ArticleText(
            title="Müvəkkil işgəncə qurbanlarına dəstək günü ilə bağlı bəyanat verib",
            summary="Milli preventiv mexanizm olaraq Ombudsman ilin ilk yarısında "
            "azadlıqdan məhrumetmə yerlərinə 120-dən çox dəfə baş çəkib.",
            paragraphs=(
                "26 iyun – Beynəlxalq İşgəncə Qurbanlarına Dəstək Günü münasibətilə Müvəkkil "
                "bəyanat verib. Bəyanatda işgəncənin mütləq qadağan olunduğu və heç bir "
                "halda bəraət qazandırıla bilməyəcəyi xatırladılıb.",
                "Milli preventiv mexanizm qismində Ombudsman Aparatının monitorinq qrupları "
                "ilin ilk yarısında istintaq təcridxanalarına, cəzaçəkmə müəssisələrinə, "
                "polis şöbələrinə və psixiatriya xəstəxanalarına 120-dən çox dəfə qəfil "
                "baş çəkiblər. Aşkar edilən çatışmazlıqlar barədə aidiyyəti orqanlara tövsiyələr "
                "göndərilib.",
            ),
            quote=(
                "İşgəncənin qarşısını almağın ən etibarlı yolu qapalı müəssisələrin "
                "qapılarını müstəqil müşahidəçilər üçün açıq saxlamaqdır.",
                "İnsan Hüquqları üzrə Müvəkkil",
            ),
            image_alt="Bənövşəyi fonda ağ hərflərlə “26.06.2019” və “OPCAT” yazılmış afişa.",
            image_caption="26 iyun – Beynəlxalq İşgəncə Qurbanlarına Dəstək Günü.",
        ),
        "en": ArticleText(
            title="Commissioner issues a statement on the Day in Support of Victims of Torture",
            summary="As national preventive mechanism, the Ombudsman made over 120 visits to "
            "places of detention in the first half of the year.",
            paragraphs=(
                "On 26 June, the International Day in Support of Victims of Torture, the "
                "Commissioner issued a statement recalling that torture is absolutely "
                "prohibited and can never be justified.",
                "As national preventive mechanism, the monitoring groups of the Ombudsman "
                "Office made over 120 unannounced visits to pre-trial detention centres, "
                "prisons, police stations and psychiatric hospitals in the first half of the "
                "year. Recommendations on the shortcomings found were sent to the "
                "authorities concerned.",
            ),
            quote=(
                "The surest way to prevent torture is to keep the doors of closed "
                "institutions open to independent observers.",
                "Commissioner for Human Rights",
            ),
            image_alt="Poster with the words “26.06.2019” and “OPCAT” in white on purple.",
            image_caption="26 June, the International Day in Support of Victims of Torture.",
        ),
        "ru": ArticleText(
            title="Уполномоченный выступил с заявлением в День поддержки жертв пыток",
            summary="Как национальный превентивный механизм Омбудсман за первое полугодие "
            "провёл более 120 посещений мест лишения свободы.",
            paragraphs=(
                "26 июня, в Международный день в поддержку жертв пыток, Уполномоченный "
                "выступил с заявлением, напомнив, что пытки абсолютно запрещены и ничем не "
                "могут быть оправданы.",
                "В качестве национального превентивного механизма мониторинговые группы "
                "Аппарата Омбудсмана в первом полугодии провели более 120 внезапных "
                "посещений следственных изоляторов, пенитенциарных учреждений, отделов "
                "полиции и психиатрических больниц. Рекомендации по выявленным недостаткам "
                "направлены в соответствующие органы.",
            ),
            quote=(
                "Самый надёжный способ предотвратить пытки — держать двери закрытых "
                "учреждений открытыми для независимых наблюдателей.",
                "Уполномоченный по правам человека",
            ),
            image_alt="Афиша со словами «26.06.2019» и «OPCAT» белым цветом на фиолетовом фоне.",
            image_caption="26 июня — Международный день в поддержку жертв пыток.",
        ),
    },
)

HUMAN_RIGHTS_DAY_2019 = DemoArticle(
    slug="human-rights-day-conference-2019",
    date=datetime.date(2019, 12, 10),
    categories=("events",),
    views=512,
    image_colour="#0f5c4d",
    image_lines=("10.12.2019",),
    text={
        "az": ArticleText(
            title="İnsan Hüquqları Günü münasibətilə beynəlxalq konfrans keçirilib",
            summary="Konfransda dövlət orqanlarının, vətəndaş cəmiyyətinin və beynəlxalq "
            "təşkilatların 150-dən çox nümayəndəsi iştirak edib.",
            paragraphs=(
                "Ümumdünya İnsan Hüquqları Bəyannaməsinin qəbul edilməsinin 71-ci ildönümü "
                "münasibətilə Müvəkkil “İnsan hüquqları hamı üçün: gənclərin səsi” "
                "mövzusunda beynəlxalq konfrans təşkil edib.",
                "Konfransda gənclərin ictimai həyatda iştirakı, ayrı-seçkiliyə qarşı mübarizə "
                "və əlilliyi olan şəxslərin hüquqları müzakirə olunub. İştirakçılar "
                "Müvəkkilin illik fəaliyyəti barədə məlumatla tanış olublar.",
            ),
            heading="Konfransın nəticələri",
            image_alt="Tünd yaşıl fonda ağ hərflərlə “10.12.2019” yazılmış afişa.",
            image_caption="İnsan Hüquqları Günü konfransının afişası.",
        ),
        "en": ArticleText(
            title="International conference held on Human Rights Day",
            summary="More than 150 representatives of state bodies, civil society and "
            "international organizations took part in the conference.",
            paragraphs=(
                "On the 71st anniversary of the adoption of the Universal Declaration of Human "
                "Rights, the Commissioner organized an international conference on “Human "
                "rights for all: the voice of young people”.",
                "The conference discussed young people’s participation in public life, the "
                "fight against discrimination and the rights of persons with disabilities. "
                "Participants were briefed on the Commissioner’s work during the year.",
            ),
            heading="Outcomes of the conference",
            image_alt="Poster with the words “10.12.2019” in white on dark green.",
            image_caption="The poster of the Human Rights Day conference.",
        ),
        "ru": ArticleText(
            title="В День прав человека прошла международная конференция",
            summary="В конференции приняли участие более 150 представителей государственных "
            "органов, гражданского общества и международных организаций.",
            paragraphs=(
                "По случаю 71-й годовщины принятия Всеобщей декларации прав человека "
                "Уполномоченный организовал международную конференцию «Права человека для "
                "всех: голос молодёжи».",
                "На конференции обсуждались участие молодёжи в общественной жизни, борьба с "
                "дискриминацией и права лиц с инвалидностью. Участников ознакомили с "
                "деятельностью Уполномоченного за год.",
            ),
            heading="Итоги конференции",
            image_alt="Афиша со словами «10.12.2019» белым цветом на тёмно-зелёном фоне.",
            image_caption="Афиша конференции ко Дню прав человека.",
        ),
    },
)

COVID_MONITORING = DemoArticle(
    slug="monitoring-quarantine-facilities-covid-19",
    date=datetime.date(2020, 4, 7),
    categories=("monitoring",),
    tags=("COVID-19",),
    views=1043,
    text={
        "az": ArticleText(
            title="Karantin rejimində xüsusi karantin yerlərinin monitorinqi aparılıb",
            summary="Monitorinq qrupları xüsusi karantin yerlərində saxlanılan şəxslərin "
            "şəraitini və hüquqlarının təmin olunmasını yoxlayıb.",
            paragraphs=(
                "COVID-19 pandemiyası ilə əlaqədar xüsusi karantin rejimi dövründə Ombudsman "
                "Aparatının monitorinq qrupları xüsusi karantin yerlərinə baş çəkərək "
                "saxlanılan şəxslərin yaşayış şəraiti, qidalanma və tibbi xidmətlə təmin "
                "olunması ilə maraqlanıblar.",
                "Müvəkkilin 916 çağrı mərkəzi karantin dövründə də gecə-gündüz işləyir. "
                "Vətəndaşlar müraciətlərini həmçinin elektron poçt vasitəsilə göndərə bilərlər.",
            ),
        ),
        "en": ArticleText(
            title="Special quarantine facilities monitored during the lockdown",
            summary="Monitoring groups checked the conditions of people held in special "
            "quarantine facilities and whether their rights were respected.",
            paragraphs=(
                "During the special quarantine regime introduced because of the COVID-19 "
                "pandemic, monitoring groups of the Ombudsman Office visited special "
                "quarantine facilities and looked into the living conditions, food and medical "
                "care of the people held there.",
                "The Commissioner’s 916 call centre keeps working 24 hours a day during the "
                "quarantine. Citizens can also send their complaints by email.",
            ),
        ),
        "ru": ArticleText(
            title="В период карантина проведён мониторинг специальных карантинных учреждений",
            summary="Мониторинговые группы проверили условия содержания людей в специальных "
            "карантинных учреждениях и соблюдение их прав.",
            paragraphs=(
                "В период особого карантинного режима, введённого в связи с пандемией "
                "COVID-19, мониторинговые группы Аппарата Омбудсмана посетили специальные "
                "карантинные учреждения и ознакомились с условиями проживания, питанием и "
                "медицинским обслуживанием находящихся там людей.",
                "Колл-центр Уполномоченного 916 и во время карантина работает круглосуточно. "
                "Граждане также могут направлять обращения по электронной почте.",
            ),
        ),
    },
)

SUMMER_SCHOOL_2021 = DemoArticle(
    slug="human-rights-summer-school-2021",
    date=datetime.date(2021, 5, 20),
    categories=("education",),
    views=278,
    document=DemoDocument(
        title="Human Rights Summer School 2021: programme",
        file_name="summer-school-2021-programme.pdf",
        lines=(
            "Human Rights Summer School 2021, Baku",
            "Day 1: The Ombudsman institution and its mandate",
            "Day 2: Rights of the child and of persons with disabilities",
            "Day 3: Monitoring places of detention",
            "Day 4: Writing a complaint; visit to the 916 call centre",
            "Day 5: Presentations by participants",
        ),
    ),
    text={
        "az": ArticleText(
            title="Tələbələr üçün İnsan Hüquqları Yay Məktəbinə qeydiyyat başlayıb",
            summary="Beş günlük yay məktəbində hüquq, jurnalistika və sosial elmlər üzrə "
            "təhsil alan 30 tələbə iştirak edəcək.",
            paragraphs=(
                "Müvəkkil ali məktəb tələbələri üçün İnsan Hüquqları Yay Məktəbinə "
                "qeydiyyata başlayıb. Məktəb iyul ayında Bakıda keçiriləcək.",
                "Proqrama Ombudsman təsisatının mandatı, uşaq hüquqları, azadlıqdan "
                "məhrumetmə yerlərinin monitorinqi və şikayətin yazılması üzrə məşğələlər "
                "daxildir.",
            ),
            document_link_text="Yay məktəbinin proqramı",
        ),
        "en": ArticleText(
            title="Registration opens for the Human Rights Summer School for students",
            summary="Thirty students of law, journalism and social sciences will take part in "
            "the five-day summer school.",
            paragraphs=(
                "The Commissioner has opened registration for the Human Rights Summer School "
                "for university students. The school will be held in Baku in July.",
                "The programme includes sessions on the mandate of the Ombudsman institution, "
                "children’s rights, the monitoring of places of detention and writing a "
                "complaint.",
            ),
            document_link_text="The summer school programme",
        ),
        "ru": ArticleText(
            title="Открыта регистрация в Летнюю школу по правам человека для студентов",
            summary="В пятидневной летней школе примут участие 30 студентов юридических, "
            "журналистских и социальных специальностей.",
            paragraphs=(
                "Уполномоченный открыл регистрацию в Летнюю школу по правам человека для "
                "студентов вузов. Школа пройдёт в Баку в июле.",
                "Программа включает занятия о мандате института Омбудсмана, правах ребёнка, "
                "мониторинге мест лишения свободы и о том, как написать жалобу.",
            ),
            document_link_text="Программа летней школы",
        ),
    },
)

OLDER_PERSONS_DAY = DemoArticle(
    slug="international-day-of-older-persons-2021",
    date=datetime.date(2021, 10, 1),
    categories=("events", "monitoring"),
    views=167,
    text={
        "az": ArticleText(
            title="Beynəlxalq Yaşlılar Günündə ahıllar evinə baş çəkilib",
            summary="Müvəkkil ahıllar üçün sosial xidmət müəssisəsində sakinlərlə görüşüb və "
            "onların müraciətlərini dinləyib.",
            paragraphs=(
                "1 oktyabr – Beynəlxalq Yaşlılar Günü münasibətilə Müvəkkil Bakıdakı ahıllar "
                "üçün sosial xidmət müəssisəsinə baş çəkib, sakinlərin yaşayış şəraiti ilə "
                "tanış olub.",
                "Görüşdə sakinlərin pensiya, tibbi xidmət və qohumları ilə əlaqə saxlamaq "
                "imkanları ilə bağlı müraciətləri dinlənilib və aidiyyəti üzrə "
                "göndərilib.",
            ),
        ),
        "en": ArticleText(
            title="Care home visited on the International Day of Older Persons",
            summary="The Commissioner met residents of a social care home for older people "
            "and heard their complaints.",
            paragraphs=(
                "On 1 October, the International Day of Older Persons, the Commissioner "
                "visited a social care home for older people in Baku and saw the residents’ "
                "living conditions.",
                "At the meeting the residents’ requests about pensions, medical care and "
                "keeping in touch with their relatives were heard and forwarded to the "
                "authorities concerned.",
            ),
        ),
        "ru": ArticleText(
            title="В Международный день пожилых людей посещён дом престарелых",
            summary="Уполномоченный встретился с жителями учреждения социального "
            "обслуживания для пожилых людей и выслушал их обращения.",
            paragraphs=(
                "1 октября, в Международный день пожилых людей, Уполномоченный посетил "
                "учреждение социального обслуживания для пожилых людей в Баку и ознакомился "
                "с условиями проживания.",
                "На встрече были выслушаны обращения жителей о пенсиях, медицинском "
                "обслуживании и возможности поддерживать связь с родственниками; они "
                "направлены в соответствующие органы.",
            ),
        ),
    },
)

ARTICLES_2019_2021 = [
    CHILDRENS_RIGHTS_LESSON,
    TORTURE_VICTIMS_DAY,
    HUMAN_RIGHTS_DAY_2019,
    COVID_MONITORING,
    SUMMER_SCHOOL_2021,
    OLDER_PERSONS_DAY,
]
