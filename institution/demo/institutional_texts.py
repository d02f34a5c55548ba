"""Demo text of the institutional pages: about, mandate, legislation, FAQ and contact."""

from institution.demo.specs import Body, Questions, Rich, T

ABOUT_TITLE = T("Ombudsman haqqında", "About the Ombudsman", "Об Омбудсмане")
ABOUT_INTRO = T(
    "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman) insan hüquq və "
    "azadlıqlarının dövlət orqanları tərəfindən pozulmasının qarşısını almaq və pozulmuş "
    "hüquqları bərpa etmək üçün yaradılmış müstəqil institutdur.",
    "The Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan is an "
    "independent institution that prevents violations of human rights and freedoms by public "
    "authorities and helps to restore rights that have been violated.",
    "Уполномоченный по правам человека (омбудсман) Азербайджанской Республики — независимый "
    "институт, который предупреждает нарушения прав и свобод человека государственными органами "
    "и содействует восстановлению нарушенных прав.",
)
ABOUT_BODY = Body(
    [
        ("h2", T("Təsisatın tarixi", "Our history", "История института")),
        (
            "p",
            T(
                "Ombudsman təsisatı 28 dekabr 2001-ci il tarixli «Azərbaycan Respublikasının "
                "İnsan Hüquqları üzrə Müvəkkili (Ombudsman) haqqında» Konstitusiya Qanunu ilə "
                "yaradılmış və 2002-ci ildən fəaliyyət göstərir.",
                "The office was established by the Constitutional Law “On the Commissioner for "
                "Human Rights (Ombudsman) of the Republic of Azerbaijan” of 28 December 2001 "
                "and has been working since 2002.",
                "Институт Омбудсмана учреждён Конституционным законом «Об Уполномоченном по "
                "правам человека (омбудсмане) Азербайджанской Республики» от 28 декабря 2001 "
                "года и действует с 2002 года.",
            ),
        ),
        ("h2", T("Müstəqillik", "Independence", "Независимость")),
        (
            "p",
            T(
                "Ombudsman öz səlahiyyətlərini müstəqil həyata keçirir və heç bir dövlət "
                "orqanına və vəzifəli şəxsə tabe deyil. Ombudsmanın fəaliyyətinə müdaxilə "
                "qanunla qadağandır.",
                "The Ombudsman exercises the mandate independently and is subordinate to no "
                "public authority or official. Interfering with the Ombudsman's work is "
                "prohibited by law.",
                "Омбудсман осуществляет свои полномочия независимо и не подчиняется никакому "
                "государственному органу или должностному лицу. Вмешательство в деятельность "
                "Омбудсмана запрещено законом.",
            ),
        ),
        ("h2", T("Ofislərimiz", "Our offices", "Наши офисы")),
        (
            "p",
            T(
                "Bakıdakı baş ofisdən əlavə, Gəncə, Cəlilabad, Şəki və Quba regional mərkəzləri "
                "yaxın rayonların sakinlərini yerində qəbul edir.",
                "Besides the head office in Baku, the regional centres in Ganja, Jalilabad, "
                "Sheki and Guba receive residents of the nearby districts in person.",
                "Помимо главного офиса в Баку, региональные центры в Гяндже, Джалилабаде, Шеки "
                "и Губе принимают жителей близлежащих районов.",
            ),
        ),
    ]
)

MANDATE_TITLE = T("Mandat", "Mandate", "Мандат")
MANDATE_INTRO = T(
    "Ombudsmanın səlahiyyətləri Konstitusiya Qanunu ilə müəyyən edilir.",
    "The Ombudsman's powers are set by the Constitutional Law.",
    "Полномочия Омбудсмана определены Конституционным законом.",
)
MANDATE_BODY = Body(
    [
        ("h2", T("Şikayətlərə baxılması", "Examining complaints", "Рассмотрение жалоб")),
        (
            "p",
            T(
                "Ombudsman dövlət orqanlarının, bələdiyyələrin və vəzifəli şəxslərin insan "
                "hüquqlarını pozan hərəkət və ya hərəkətsizliyinə dair şikayətlərə baxır.",
                "The Ombudsman examines complaints about acts or omissions of public "
                "authorities, municipalities and officials that violate human rights.",
                "Омбудсман рассматривает жалобы на действия или бездействие государственных "
                "органов, муниципалитетов и должностных лиц, нарушающие права человека.",
            ),
        ),
        (
            "p",
            T(
                "Şikayət hüququn pozulduğu barədə məlum olduğu gündən bir il ərzində verilə "
                "bilər. Məhkəmədə baxılan işlər üzrə şikayətlərə baxılmır.",
                "A complaint can be made within one year of learning of the violation. "
                "Complaints about cases before a court are not examined.",
                "Жалоба может быть подана в течение одного года со дня, когда стало известно о "
                "нарушении. Жалобы по делам, рассматриваемым в суде, не рассматриваются.",
            ),
        ),
        (
            "h2",
            T(
                "İşgəncələrin qarşısının alınması",
                "Preventing torture",
                "Предупреждение пыток",
            ),
        ),
        (
            "p",
            T(
                "Ombudsman BMT-nin İşgəncələrə qarşı Konvensiyasının Fakultativ Protokolu üzrə "
                "Milli Preventiv Mexanizm kimi azadlıqdan məhrumetmə yerlərinə xəbərdarlıq "
                "etmədən baş çəkir.",
                "As the National Preventive Mechanism under the Optional Protocol to the UN "
                "Convention against Torture, the Ombudsman visits places of detention without "
                "notice.",
                "В качестве Национального превентивного механизма по Факультативному протоколу "
                "к Конвенции ООН против пыток Омбудсман посещает места лишения свободы без "
                "предупреждения.",
            ),
        ),
        ("h2", T("Hüquq maarifi", "Human-rights education", "Правовое просвещение")),
        (
            "p",
            T(
                "Ombudsman insan hüquqları üzrə maarifləndirmə aparır, qanunvericiliyin "
                "təkmilləşdirilməsi üçün təkliflər verir və hər il Milli Məclisə məruzə təqdim "
                "edir.",
                "The Ombudsman raises awareness of human rights, proposes improvements to the "
                "law and presents an annual report to the Milli Majlis (parliament).",
                "Омбудсман ведёт просвещение в области прав человека, вносит предложения по "
                "совершенствованию законодательства и ежегодно представляет доклад Милли "
                "Меджлису (парламенту).",
            ),
        ),
    ]
)

LEGISLATION_TITLE = T("Qanunvericilik", "Legislation", "Законодательство")
LEGISLATION_INTRO = T(
    "Ombudsmanın fəaliyyətini tənzimləyən əsas hüquqi aktlar.",
    "The main legal acts that govern the Ombudsman's work.",
    "Основные правовые акты, регулирующие деятельность Омбудсмана.",
)
LEGISLATION_BODY = Body(
    [
        ("h2", T("Konstitusiya", "The Constitution", "Конституция")),
        (
            "p",
            T(
                "Azərbaycan Respublikasının Konstitusiyası hər kəsin hüquq və azadlıqlarını "
                "təmin edir; Ombudsman onların müdafiəsinin təminatlarından biridir.",
                "The Constitution of the Republic of Azerbaijan guarantees everyone's rights "
                "and freedoms; the Ombudsman is one of the safeguards of their protection.",
                "Конституция Азербайджанской Республики гарантирует права и свободы каждого; "
                "Омбудсман — одна из гарантий их защиты.",
            ),
        ),
        ("h2", T("Konstitusiya Qanunu", "The Constitutional Law", "Конституционный закон")),
        (
            "p",
            T(
                "28 dekabr 2001-ci il tarixli Konstitusiya Qanunu Ombudsmanın seçilməsi "
                "qaydasını, səlahiyyətlərini, şikayətlərə baxılma qaydasını və illik məruzəni "
                "müəyyən edir.",
                "The Constitutional Law of 28 December 2001 sets how the Ombudsman is elected, "
                "the Ombudsman's powers, how complaints are examined, and the annual report.",
                "Конституционный закон от 28 декабря 2001 года определяет порядок избрания "
                "Омбудсмана, его полномочия, порядок рассмотрения жалоб и ежегодный доклад.",
            ),
        ),
        ("h2", T("Beynəlxalq sənədlər", "International instruments", "Международные акты")),
        (
            "p",
            T(
                "Ombudsman Azərbaycanın tərəfdar çıxdığı beynəlxalq müqavilələrə, o cümlədən "
                "BMT-nin insan hüquqları konvensiyalarına və Avropa İnsan Hüquqları "
                "Konvensiyasına əsaslanır.",
                "The Ombudsman also relies on the international treaties Azerbaijan has joined, "
                "among them the UN human-rights conventions and the European Convention on "
                "Human Rights.",
                "Омбудсман опирается также на международные договоры, участником которых "
                "является Азербайджан, в том числе на конвенции ООН по правам человека и "
                "Европейскую конвенцию о защите прав человека.",
            ),
        ),
    ]
)

FAQ_TITLE = T("Tez-tez verilən suallar", "Frequently asked questions", "Часто задаваемые вопросы")
FAQ_INTRO = Rich(
    [
        T(
            "Ombudsmana müraciət barədə ən çox soruşulan suallar və cavablar.",
            "The questions people ask most often about contacting the Ombudsman.",
            "Вопросы, которые чаще всего задают об обращении к Омбудсману.",
        )
    ]
)
FAQ_QUESTIONS = Questions(
    [
        (
            T(
                "Ombudsmana müraciət pulludurmu?",
                "Does it cost anything to contact the Ombudsman?",
                "Платно ли обращение к Омбудсману?",
            ),
            [
                T(
                    "Xeyr. Şikayətlərə baxılması və 916 çağrı mərkəzinə zənglər pulsuzdur.",
                    "No. Complaints are examined free of charge, and calls to the 916 call "
                    "centre are free.",
                    "Нет. Жалобы рассматриваются бесплатно, звонки в колл-центр 916 бесплатны.",
                )
            ],
        ),
        (
            T(
                "Şikayəti necə verə bilərəm?",
                "How can I make a complaint?",
                "Как подать жалобу?",
            ),
            [
                T(
                    "Şikayəti yazılı şəkildə poçtla, elektron poçtla, ofislərimizdə şəxsən və "
                    "ya 916 çağrı mərkəzinə zəng edərək verə bilərsiniz.",
                    "You can write to us by post or email, come to one of our offices in "
                    "person, or call the 916 call centre.",
                    "Вы можете написать нам по почте или по электронной почте, прийти в один из "
                    "наших офисов или позвонить в колл-центр 916.",
                )
            ],
        ),
        (
            T(
                "Şikayəti nə vaxta qədər verməliyəm?",
                "Is there a time limit?",
                "Есть ли срок подачи жалобы?",
            ),
            [
                T(
                    "Bəli: hüququn pozulduğu barədə məlum olduğu gündən bir il ərzində.",
                    "Yes: within one year of learning that your right was violated.",
                    "Да: в течение одного года с того дня, когда вам стало известно о нарушении.",
                )
            ],
        ),
        (
            T(
                "Ombudsman hansı şikayətlərə baxmır?",
                "Which complaints can the Ombudsman not examine?",
                "Какие жалобы Омбудсман не рассматривает?",
            ),
            [
                T(
                    "Anonim şikayətlərə və məhkəmədə baxılan işlərə dair şikayətlərə baxılmır.",
                    "Anonymous complaints and complaints about cases before a court.",
                    "Анонимные жалобы и жалобы по делам, которые рассматриваются в суде.",
                )
            ],
        ),
    ]
)

CONTACT_TITLE = T("Əlaqə", "Contact", "Контакты")
CONTACT_INTRO = Rich(
    [
        T(
            "Bizə gecə-gündüz 916 çağrı mərkəzi ilə, həmçinin yazılı və ya şəxsən müraciət edə "
            "bilərsiniz.",
            "You can reach us day and night on the 916 call centre, in writing or in person.",
            "Вы можете связаться с нами круглосуточно через колл-центр 916, письменно или лично.",
        )
    ]
)
CONTACT_ADDRESS = T(
    "Üzeyir Hacıbəyov küçəsi 40\nBakı, AZ1000\nAzərbaycan",
    "40 Uzeyir Hajibeyov Street\nBaku AZ1000\nAzerbaijan",
    "ул. Узеира Гаджибекова, 40\nБаку, AZ1000\nАзербайджан",
)
CONTACT_BODY = Rich(
    [
        T(
            "Yazılı şikayətdə adınızı, ünvanınızı, hansı hüququnuzun kim tərəfindən və nə vaxt "
            "pozulduğunu göstərin və əlinizdə olan sənədlərin surətlərini əlavə edin.",
            "In a written complaint, give your name and address, say which right was violated, "
            "by whom and when, and attach copies of the documents you have.",
            "В письменной жалобе укажите имя и адрес, какое право, кем и когда было нарушено, и "
            "приложите копии имеющихся документов.",
        )
    ]
)

FOOTER_TEXT = Rich(
    [
        T(
            "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman) Aparatı. "
            "Üzeyir Hacıbəyov küçəsi 40, Bakı, AZ1000.",
            "Office of the Commissioner for Human Rights (Ombudsman) of the Republic of "
            "Azerbaijan. 40 Uzeyir Hajibeyov Street, Baku AZ1000.",
            "Аппарат Уполномоченного по правам человека (омбудсмана) Азербайджанской "
            "Республики. ул. Узеира Гаджибекова, 40, Баку, AZ1000.",
        )
    ]
)
