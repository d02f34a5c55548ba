"""Demo news from 2024 to 2026, in az (source), en and ru."""

import datetime

from news.demo_content.types import ArticleText, DemoArticle

CHILDRENS_DAY_DRAWINGS = DemoArticle(
    slug="childrens-day-drawing-competition-2024",
    date=datetime.date(2024, 6, 1),
    categories=("events", "education"),
    tags=("UNICEF",),
    views=356,
    image_colour="#1b5e8c",
    image_lines=("01.06.2024",),
    text={
        "az": ArticleText(
            title="Uşaqların Beynəlxalq Müdafiəsi Günü münasibətilə rəsm müsabiqəsinin "
            "qalibləri mükafatlandırılıb",
            summary="“Mənim hüquqlarım” mövzusunda müsabiqəyə respublikanın 40 rayonundan "
            "600-dən çox rəsm təqdim olunub.",
            paragraphs=(
                "1 iyun – Uşaqların Beynəlxalq Müdafiəsi Günü münasibətilə Müvəkkilin təşkil "
                "etdiyi “Mənim hüquqlarım” rəsm müsabiqəsinin qalibləri mükafatlandırılıb.",
                "Ən yaxşı rəsmlər Aparatın binasında sərgilənib və Müvəkkilin uşaqlar üçün "
                "hazırladığı təqvimdə istifadə olunacaq.",
            ),
            image_alt="Göy fonda ağ rəqəmlərlə “01.06.2024” yazılmış afişa.",
            image_caption="Rəsm müsabiqəsinin mükafatlandırma mərasiminin afişası.",
        ),
        "en": ArticleText(
            title="Winners of the drawing competition for International Children’s Day awarded",
            summary="More than 600 drawings from 40 districts of the country were submitted "
            "to the “My rights” competition.",
            paragraphs=(
                "On 1 June, International Children’s Day, the winners of the “My rights” "
                "drawing competition organized by the Commissioner received their awards.",
                "The best drawings were exhibited at the Office and will be used in the "
                "Commissioner’s calendar for children.",
            ),
            image_alt="Poster with the figures “01.06.2024” in white on blue.",
            image_caption="The poster of the drawing competition’s award ceremony.",
        ),
        "ru": ArticleText(
            title="Награждены победители конкурса рисунков ко Дню защиты детей",
            summary="На конкурс «Мои права» поступило более 600 рисунков из 40 районов страны.",
            paragraphs=(
                "1 июня, в Международный день защиты детей, были награждены победители "
                "конкурса рисунков «Мои права», организованного Уполномоченным.",
                "Лучшие рисунки выставлены в здании Аппарата и войдут в календарь "
                "Уполномоченного для детей.",
            ),
            image_alt="Афиша с цифрами «01.06.2024» белым цветом на синем фоне.",
            image_caption="Афиша церемонии награждения победителей конкурса рисунков.",
        ),
    },
)

GANHRI_MEETING = DemoArticle(
    slug="ganhri-annual-meeting-geneva-2025",
    date=datetime.date(2025, 3, 18),
    categories=("international-cooperation",),
    tags=("GANHRI",),
    views=221,
    text={
        "az": ArticleText(
            title="Müvəkkil Cenevrədə GANHRI-nin illik toplantısında iştirak edib",
            summary="Toplantıda milli insan hüquqları təsisatlarının iqlim dəyişikliyi və "
            "insan hüquqları sahəsində rolu müzakirə olunub.",
            paragraphs=(
                "Müvəkkil Cenevrədə keçirilən Milli İnsan Hüquqları Təsisatlarının Qlobal "
                "Alyansının (GANHRI) illik toplantısında iştirak edib.",
                "Toplantıda iqlim dəyişikliyinin insan hüquqlarına təsiri və milli "
                "təsisatların bu sahədə monitorinq imkanları müzakirə edilib.",
            ),
        ),
        "en": ArticleText(
            title="Commissioner attends the GANHRI annual meeting in Geneva",
            summary="The meeting discussed the role of national human rights institutions in "
            "climate change and human rights.",
            paragraphs=(
                "The Commissioner took part in the annual meeting of the Global Alliance of "
                "National Human Rights Institutions (GANHRI) held in Geneva.",
                "The meeting discussed the impact of climate change on human rights and how "
                "national institutions can monitor it.",
            ),
        ),
        "ru": ArticleText(
            title="Уполномоченный принял участие в ежегодном собрании GANHRI в Женеве",
            summary="На собрании обсуждалась роль национальных правозащитных учреждений в "
            "вопросах изменения климата и прав человека.",
            paragraphs=(
                "Уполномоченный принял участие в ежегодном собрании Глобального альянса "
                "национальных правозащитных учреждений (GANHRI) в Женеве.",
                "На собрании обсуждались влияние изменения климата на права человека и "
                "возможности национальных учреждений вести мониторинг в этой сфере.",
            ),
        ),
    },
)

GANJA_RECEPTION_DAY = DemoArticle(
    slug="open-reception-day-ganja-regional-centre",
    date=datetime.date(2025, 11, 20),
    categories=("events",),
    views=97,
    text={
        "az": ArticleText(
            title="Gəncə Regional Mərkəzində açıq qəbul günü keçirilib",
            summary="Gəncə, Göygöl və Samux sakinlərinin 70-dən çox müraciəti qəbul edilib.",
            paragraphs=(
                "Müvəkkilin Gəncə Regional Mərkəzində vətəndaşlar üçün açıq qəbul günü keçirilib.",
                "Qəbulda Gəncə, Göygöl və Samux sakinlərinin sosial müdafiə, əmək və mənzil "
                "hüquqları ilə bağlı 70-dən çox müraciəti dinlənilib; bir hissəsi yerində "
                "həll olunub.",
            ),
        ),
        "en": ArticleText(
            title="Open reception day held at the Ganja Regional Centre",
            summary="More than 70 requests from residents of Ganja, Goygol and Samukh were "
            "received.",
            paragraphs=(
                "The Commissioner’s Ganja Regional Centre held an open reception day for citizens.",
                "More than 70 requests from residents of Ganja, Goygol and Samukh about social "
                "protection, labour and housing rights were heard; some were resolved on the "
                "spot.",
            ),
        ),
        "ru": ArticleText(
            title="В Гянджинском региональном центре прошёл день открытого приёма",
            summary="Принято более 70 обращений жителей Гянджи, Гёйгёля и Самуха.",
            paragraphs=(
                "В Гянджинском региональном центре Уполномоченного прошёл день открытого "
                "приёма граждан.",
                "На приёме выслушано более 70 обращений жителей Гянджи, Гёйгёля и Самуха по "
                "вопросам социальной защиты, трудовых и жилищных прав; часть из них решена на "
                "месте.",
            ),
        ),
    },
)

PSYCHIATRIC_MONITORING_2026 = DemoArticle(
    slug="monitoring-psychiatric-hospitals-regions-2026",
    date=datetime.date(2026, 2, 13),
    categories=("monitoring",),
    tags=("OPCAT",),
    views=64,
    image_colour="#3c4a5c",
    image_lines=("Quba · Şəki", "2026"),
    text={
        "az": ArticleText(
            title="Quba və Şəkidə psixiatriya xəstəxanalarında monitorinq aparılıb",
            summary="Milli preventiv mexanizmin qrupu pasiyentlərin saxlanma şəraitini və "
            "müalicəyə razılıq prosedurlarını yoxlayıb.",
            paragraphs=(
                "Milli preventiv mexanizmin monitorinq qrupu Quba və Şəki şəhərlərindəki "
                "psixiatriya xəstəxanalarına qəfil baş çəkib.",
                "Qrup pasiyentlərin saxlanma şəraitini, müalicəyə razılığın alınması "
                "qaydasını və xəstəxana işçiləri ilə yanaşı pasiyentlərlə təkbətək "
                "söhbətlərin nəticələrini qiymətləndirib. Tövsiyələr Səhiyyə Nazirliyinə "
                "göndəriləcək.",
            ),
            image_alt="Boz-göy fonda ağ hərflərlə “Quba · Şəki” və “2026” yazılmış afişa.",
        ),
        "en": ArticleText(
            title="Psychiatric hospitals in Guba and Sheki monitored",
            summary="A national preventive mechanism group checked patients’ living "
            "conditions and the procedures for consent to treatment.",
            paragraphs=(
                "A monitoring group of the national preventive mechanism made unannounced "
                "visits to the psychiatric hospitals in Guba and Sheki.",
                "The group assessed the patients’ living conditions, how consent to treatment "
                "is obtained, and the findings of private interviews with patients as well as "
                "staff. Recommendations will be sent to the Ministry of Health.",
            ),
            image_alt="Poster with the words “Quba · Şəki” and “2026” in white on grey-blue.",
        ),
        "ru": ArticleText(
            title="Проведён мониторинг психиатрических больниц в Губе и Шеки",
            summary="Группа национального превентивного механизма проверила условия "
            "содержания пациентов и порядок получения согласия на лечение.",
            paragraphs=(
                "Мониторинговая группа национального превентивного механизма внезапно "
                "посетила психиатрические больницы в Губе и Шеки.",
                "Группа оценила условия содержания пациентов, порядок получения согласия на "
                "лечение и результаты конфиденциальных бесед с пациентами и персоналом. "
                "Рекомендации будут направлены в Министерство здравоохранения.",
            ),
            image_alt="Афиша со словами «Quba · Şəki» и «2026» белым цветом на серо-синем фоне.",
        ),
    },
)

ARTICLES_2024_2026 = [
    CHILDRENS_DAY_DRAWINGS,
    GANHRI_MEETING,
    GANJA_RECEPTION_DAY,
    PSYCHIATRIC_MONITORING_2026,
]
