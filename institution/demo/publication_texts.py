"""Demo text of the publications: two annual reports and a special report."""

from core.az_grammar import ordinal
from institution.demo.specs import Body, T

PUBLICATIONS_TITLE = T("Məruzələr", "Reports", "Доклады")
PUBLICATIONS_SLUG = T("meruzeler", "reports", "doklady")
PUBLICATIONS_INTRO = T(
    "Ombudsmanın Milli Məclisə təqdim etdiyi illik məruzələr və ayrı-ayrı mövzulara dair xüsusi "
    "məruzələr. Hər məruzəni saytda oxuya və ya PDF faylını yükləyə bilərsiniz.",
    "The annual reports the Ombudsman presents to the Milli Majlis, and special reports on "
    "particular subjects. Read each report on the site or download its PDF.",
    "Ежегодные доклады, которые Омбудсман представляет Милли Меджлису, и специальные доклады по "
    "отдельным темам. Каждый доклад можно прочитать на сайте или скачать в PDF.",
)


def annual_report(year):
    """The spec values of the annual report on `year`."""
    return {
        "slug": T(f"illik-meruze-{year}", f"annual-report-{year}", f"ezhegodnyi-doklad-{year}"),
        "title": T(
            f"{ordinal(year)} il üzrə illik məruzə",
            f"Annual report {year}",
            f"Ежегодный доклад за {year} год",
        ),
        "summary": T(
            f"Ombudsmanın {ordinal(year)} ildə gördüyü işlər: daxil olan şikayətlər, bərpa edilən "
            "hüquqlar, azadlıqdan məhrumetmə yerlərinə səfərlər və dövlət orqanlarına tövsiyələr.",
            f"The Ombudsman's work in {year}: the complaints received, the rights restored, the "
            "visits to places of detention and the recommendations to public authorities.",
            f"Работа Омбудсмана в {year} году: поступившие жалобы, восстановленные права, "
            "посещения мест лишения свободы и рекомендации государственным органам.",
        ),
        "body": Body(
            [
                ("h2", T("Giriş", "Introduction", "Введение")),
                (
                    "p",
                    T(
                        "Bu məruzə Konstitusiya Qanununa uyğun olaraq "
                        f"{ordinal(year)} il üzrə Milli Məclisə təqdim edilir.",
                        f"This report on {year} is presented to the Milli Majlis as the "
                        "Constitutional Law requires.",
                        f"Настоящий доклад за {year} год представляется Милли Меджлису в "
                        "соответствии с Конституционным законом.",
                    ),
                ),
                ("h2", T("Şikayətlər", "Complaints", "Жалобы")),
                (
                    "p",
                    T(
                        "Şikayətlərin çoxu sosial müdafiə, əmək hüquqları, mülkiyyət hüququ və "
                        "məhkəmə qərarlarının icrası ilə bağlı olmuşdur.",
                        "Most complaints concerned social protection, labour rights, the right "
                        "to property and the enforcement of court decisions.",
                        "Большинство жалоб касались социальной защиты, трудовых прав, права "
                        "собственности и исполнения судебных решений.",
                    ),
                ),
                ("h2", T("Tövsiyələr", "Recommendations", "Рекомендации")),
                (
                    "p",
                    T(
                        "Ombudsman dövlət orqanlarına müraciətlərə vaxtında cavab verməyi və "
                        "əlilliyi olan şəxslər üçün binaların əlçatanlığını artırmağı tövsiyə "
                        "edir.",
                        "The Ombudsman recommends that public authorities answer requests on "
                        "time and make their buildings accessible to people with disabilities.",
                        "Омбудсман рекомендует государственным органам своевременно отвечать на "
                        "обращения и обеспечить доступность зданий для людей с инвалидностью.",
                    ),
                ),
            ]
        ),
    }


SPECIAL_REPORT = {
    "slug": T(
        "penitensiar-muessiselerde-tibbi-xidmet",
        "health-care-in-places-of-detention",
        "medpomoshch-v-mestakh-lisheniya-svobody",
    ),
    "title": T(
        "Azadlıqdan məhrumetmə yerlərində tibbi xidmət: xüsusi məruzə",
        "Health care in places of detention: special report",
        "Медицинская помощь в местах лишения свободы: специальный доклад",
    ),
    "summary": T(
        "Milli Preventiv Mexanizmin səfərləri əsasında həbsdə saxlanılan şəxslərə göstərilən "
        "tibbi xidmətin vəziyyəti və onun yaxşılaşdırılması üçün tövsiyələr.",
        "Based on the National Preventive Mechanism's visits: the state of health care for "
        "people in detention, and recommendations to improve it.",
        "По итогам посещений Национального превентивного механизма: состояние медицинской "
        "помощи лицам, содержащимся под стражей, и рекомендации по её улучшению.",
    ),
    "body": Body(
        [
            ("h2", T("Səfərlər", "The visits", "Посещения")),
            (
                "p",
                T(
                    "Monitorinq qrupları istintaq təcridxanalarına, cəzaçəkmə müəssisələrinə və "
                    "müvəqqəti saxlama yerlərinə xəbərdarlıq etmədən baş çəkmişdir.",
                    "Monitoring teams made unannounced visits to pre-trial detention centres, "
                    "prisons and temporary holding facilities.",
                    "Мониторинговые группы без предупреждения посетили следственные изоляторы, "
                    "пенитенциарные учреждения и места временного содержания.",
                ),
            ),
            ("h2", T("Tövsiyələr", "Recommendations", "Рекомендации")),
            (
                "p",
                T(
                    "Hər yeni gələn şəxs 24 saat ərzində həkim müayinəsindən keçməli, tibbi "
                    "sənədlər məxfi saxlanılmalıdır.",
                    "Every new arrival should see a doctor within 24 hours, and medical records "
                    "should be kept confidential.",
                    "Каждый вновь прибывший должен быть осмотрен врачом в течение 24 часов, а "
                    "медицинская документация должна храниться конфиденциально.",
                ),
            ),
        ]
    ),
}
