"""The seed article (13 February 2020): English original in ../shared/seed/, az and ru versions.

The az version is the source page; en and ru are its wagtail-localize translations.
"""

import datetime

from news.demo_content.types import ArticleText, DemoArticle

SEED_AZ = ArticleText(
    title=(
        "Ombudsman Aparatının nümayəndəsi ENNHRI-nin Yüksək Səviyyəli "
        "Məsləhətləşmə Görüşündə iştirak edib"
    ),
    summary=(
        "Aparatın əməkdaşı Sevinc Şener Brüsseldə Avropa Şurasının milli insan hüquqları "
        "təsisatları haqqında Tövsiyəsinin yenilənməsinə həsr olunmuş görüşdə çıxış edib."
    ),
    paragraphs=(
        "Azərbaycan Ombudsman Aparatının əməkdaşı Sevinc Şener Belçikanın Brüssel şəhərində "
        "keçirilən Milli İnsan Hüquqları Təsisatlarının Avropa Şəbəkəsinin (ENNHRI) “Avropa "
        "Şurasının (AŞ) milli insan hüquqları təsisatları haqqında Tövsiyəsi və Avropa "
        "İttifaqının (Aİ) Qanunun Aliliyi Mexanizmi” mövzusunda Yüksək Səviyyəli Məsləhətləşmə "
        "Görüşündə iştirak edib. Məsləhətləşmənin məqsədi AŞ Nazirlər Komitəsinin müstəqil "
        "milli insan hüquqları təsisatlarının yaradılması haqqında R (97) 14 saylı Tövsiyəsini "
        "yeniləmək olub.",
        "Görüşə hər iki regional hökumətlərarası təşkilatın 20-dən çox milli insan hüquqları "
        "təsisatı (MİHT), habelə BMT, AŞ və Aİ-nin ixtisaslaşmış qurumlarının və beynəlxalq "
        "qeyri-hökumət təşkilatlarının nümayəndələri qatılıb.",
        "İki günlük müzakirələr zamanı S. Şener MİHT-lərin milli və regional səviyyələrdə "
        "fəaliyyətinin gücləndirilməsinə dair bir sıra təkliflər irəli sürüb. O, həmçinin "
        "“Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman) haqqında” "
        "Azərbaycan Respublikasının Konstitusiya Qanununa əsasən "
        "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkilinin (Ombudsmanın) geniş "
        "mandatı barədə məlumat verib: bu qanun Ombudsmanı həm MİHT və ombudsman təsisatı, həm "
        "də milli preventiv mexanizm kimi müəyyən edir. Aparatın nümayəndəsi Müvəkkilin vətəndaş "
        "cəmiyyəti institutları ilə sıx işindən, “Azərbaycan Respublikasında insan hüquq və "
        "azadlıqlarının müdafiəsinin səmərəliliyinin artırılmasına dair Milli Fəaliyyət "
        "Proqramı”nın (2011) icrasına nəzarət məqsədilə dövlət orqanları, bələdiyyələr və "
        "vətəndaş cəmiyyəti institutları ilə birgə keçirilən ictimai dinləmələrdən danışıb. O "
        "əlavə edib ki, həmin dinləmələrdə irəli sürülən bütün təkliflər səlahiyyətli orqanlara "
        "təqdim olunub, kitab şəklində nəşr edilib və sənədin icrası üçün zəruri tədbirlər "
        "görülür.",
        "S. Şener vurğulayıb ki, Müvəkkil milli preventiv mexanizm kimi azadlıqdan məhrumetmə "
        "yerlərində planlı və qəfil monitorinqlər də aparır. Təsisatın beynəlxalq və regional "
        "təşkilatlarla, xüsusilə AŞ ilə əməkdaşlığını diqqətə çatdıran nümayəndə qarşılıqlı "
        "əməkdaşlığın gücləndirilməsinin zəruriliyini qeyd edib: Tvinninq layihəsi və TAIEX "
        "proqramlarında iştirakla yanaşı, Azərbaycan Ombudsmanı bu yaxınlarda “Şərq "
        "Tərəfdaşlığı ölkələrində ayrı-seçkilik, nifrət cinayətləri və nifrət nitqinin "
        "qurbanları üçün qeyri-məhkəmə hüquqi müdafiə mexanizmləri vasitəsilə ədalət "
        "mühakiməsinə çıxışın gücləndirilməsi” Layihəsi çərçivəsində Aİ və AŞ ilə birgə "
        "“Azərbaycan Ombudsman Aparatının sahə əməkdaşları üçün praktikada ayrı-seçkiliyə qarşı "
        "mübarizə” mövzusunda təlim-seminara start verib.",
    ),
    image_alt="Tünd göy fonda ağ hərflərlə “ENNHRI” və “13.02.2020” yazılmış afişa.",
    image_caption="ENNHRI-nin Brüsseldə keçirilən Yüksək Səviyyəli Məsləhətləşmə Görüşü.",
)

SEED_EN = ArticleText(
    title=(
        "Representative of the Ombudsman Office participated in the ENNHRI High-Level "
        "Consultation Meeting"
    ),
    summary=(
        "Office staff member Sevinj Shener spoke in Brussels at a meeting on updating the "
        "Council of Europe Recommendation on national human rights institutions."
    ),
    paragraphs=(
        "The staff member of the Azerbaijan Ombudsman Office, Sevinj Shener, took part in the "
        "European Network of National Human Rights Institutions (ENNHRI) High-Level "
        "Consultation Meeting on “Council of Europe (CoE) Recommendation on NHRIs and European "
        "Union (EU) Rule of Law Mechanism” held in Brussels, Belgium. The aim of the "
        "consultation was to update the CoE Committee of Ministers Recommendation No. R (97) 14 "
        "on the establishment of independent NHRIs.",
        "The meeting brought together over 20 national human rights institutions (NHRIs) of "
        "both regional intergovernmental organizations, as well as members of the UN, CoE and "
        "EU specialized institutions and international NGOs.",
        "During two-day discussions S. Shener put forward some proposals with regard to "
        "strengthening NHRIs’ activities at national and regional levels. She also gave "
        "information about the broad mandate of the Commissioner for Human Rights (Ombudsman) "
        "of Azerbaijan under the Constitutional Law of the Republic of Azerbaijan “On the "
        "Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan”, which "
        "designated the Ombudsman "
        "as both NHRI and ombudsman institution, and also as national preventive mechanism. The "
        "representative of the Office informed about the close work of the Commissioner with "
        "civil society institutions and the public hearings held jointly with state bodies, "
        "municipalities and civil society institutions in order to control the implementation "
        "of the National Program for Action to Raise Effectiveness of the Protection of Human "
        "Rights and Freedoms in the Republic of Azerbaijan (2011). She added that all proposals "
        "made during those hearings have been submitted to the competent bodies, published as a "
        "book, and necessary actions are taken for the implementation of that document.",
        "S. Shener emphasized that the Commissioner also conducts planned and ad-hoc monitoring "
        "in places of detention as a national preventive mechanism. Highlighting the cooperation "
        "of the institution with international and regional organizations, especially with the "
        "CoE, she stressed the necessity of strengthening mutual cooperation: besides the "
        "participation in the Twinning project and TAIEX programmes, the Azerbaijani Ombudsman "
        "just recently launched a joint training seminar with the EU and CoE on the topic "
        "“Anti-discrimination in practice for the field officers of the Ombudsman Office of "
        "Azerbaijan” in the frame of the Project on “Strengthening access to justice through "
        "non-judiciary redress mechanisms for victims of discrimination, hate crime and hate "
        "speech in Eastern Partnership countries”.",
    ),
    image_alt="Poster with the words “ENNHRI” and “13.02.2020” in white on dark blue.",
    image_caption="The ENNHRI High-Level Consultation Meeting in Brussels.",
)

SEED_RU = ArticleText(
    title=(
        "Представитель Аппарата Омбудсмана принял участие в Консультативной встрече "
        "высокого уровня ENNHRI"
    ),
    summary=(
        "Сотрудник Аппарата Севиндж Шенер выступила в Брюсселе на встрече, посвящённой "
        "обновлению Рекомендации Совета Европы о национальных правозащитных учреждениях."
    ),
    paragraphs=(
        "Сотрудник Аппарата Омбудсмана Азербайджана Севиндж Шенер приняла участие в "
        "Консультативной встрече высокого уровня Европейской сети национальных правозащитных "
        "учреждений (ENNHRI) на тему «Рекомендация Совета Европы (СЕ) о НПУ и механизм "
        "верховенства права Европейского союза (ЕС)», прошедшей в Брюсселе (Бельгия). Целью "
        "консультаций было обновление Рекомендации Комитета министров СЕ № R (97) 14 о создании "
        "независимых НПУ.",
        "Встреча собрала более 20 национальных правозащитных учреждений (НПУ) обеих "
        "региональных межправительственных организаций, а также представителей "
        "специализированных учреждений ООН, СЕ и ЕС и международных НПО.",
        "В ходе двухдневных обсуждений С. Шенер выдвинула ряд предложений по укреплению "
        "деятельности НПУ на национальном и региональном уровнях. Она также рассказала о "
        "широком мандате Уполномоченного по правам человека (омбудсмана) Азербайджана согласно "
        "Конституционному закону Азербайджанской Республики «Об Уполномоченном по правам "
        "человека (омбудсмане) Азербайджанской Республики», который определил Омбудсмана "
        "одновременно как "
        "НПУ и институт омбудсмана, а также как национальный превентивный механизм. "
        "Представитель Аппарата сообщила о тесной работе Уполномоченного с институтами "
        "гражданского общества и о публичных слушаниях, проводимых совместно с государственными "
        "органами, муниципалитетами и институтами гражданского общества для контроля за "
        "исполнением Национальной программы действий по повышению эффективности защиты прав и "
        "свобод человека в Азербайджанской Республике (2011). Она добавила, что все предложения, "
        "высказанные на этих слушаниях, направлены в компетентные органы, изданы отдельной "
        "книгой, и принимаются необходимые меры для исполнения этого документа.",
        "С. Шенер подчеркнула, что Уполномоченный как национальный превентивный механизм также "
        "проводит плановый и внеплановый мониторинг мест лишения свободы. Отметив сотрудничество "
        "института с международными и региональными организациями, особенно с СЕ, она "
        "подчеркнула необходимость укрепления взаимного сотрудничества: помимо участия в проекте "
        "Твиннинг и программах TAIEX, Омбудсман Азербайджана недавно начал совместно с ЕС и СЕ "
        "учебный семинар на тему «Противодействие дискриминации на практике для сотрудников "
        "Аппарата Омбудсмана Азербайджана» в рамках проекта «Укрепление доступа к правосудию "
        "через внесудебные механизмы защиты для жертв дискриминации, преступлений и высказываний "
        "на почве ненависти в странах Восточного партнёрства».",
    ),
    image_alt="Афиша со словами «ENNHRI» и «13.02.2020» белым цветом на тёмно-синем фоне.",
    image_caption="Консультативная встреча высокого уровня ENNHRI в Брюсселе.",
)

SEED_ARTICLE = DemoArticle(
    slug="ennhri-high-level-consultation-meeting",
    date=datetime.date(2020, 2, 13),
    categories=("international-cooperation",),
    tags=("ENNHRI",),
    text={"az": SEED_AZ, "en": SEED_EN, "ru": SEED_RU},
    image_colour="#1d3f6e",
    image_lines=("ENNHRI", "13.02.2020"),
    views=601,
)
