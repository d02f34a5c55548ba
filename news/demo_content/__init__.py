"""The demo news in az, en and ru: categories, the news index and the articles."""

from news.demo_content.articles_2019_2021 import ARTICLES_2019_2021
from news.demo_content.articles_2022_2023 import ARTICLES_2022_2023
from news.demo_content.articles_2024_2026 import ARTICLES_2024_2026
from news.demo_content.seed import SEED_ARTICLE

ARTICLES = [*ARTICLES_2019_2021, SEED_ARTICLE, *ARTICLES_2022_2023, *ARTICLES_2024_2026]

# slug -> name per language; the slug is shared by the three languages.
CATEGORIES = {
    "events": {"az": "Tədbirlər", "en": "Events", "ru": "Мероприятия"},
    "monitoring": {"az": "Monitorinq", "en": "Monitoring", "ru": "Мониторинг"},
    "international-cooperation": {
        "az": "Beynəlxalq əməkdaşlıq",
        "en": "International cooperation",
        "ru": "Международное сотрудничество",
    },
    "education": {"az": "Hüquqi maarifləndirmə", "en": "Education", "ru": "Правовое просвещение"},
}

NEWS_INDEX = {
    "az": {
        "title": "Xəbərlər",
        "slug": "xeberler",
        "intro": (
            "Müvəkkilin və Aparatın fəaliyyəti, monitorinqləri və tədbirləri haqqında xəbərlər."
        ),
    },
    "en": {
        "title": "News",
        "slug": "news",
        "intro": (
            "News of the Commissioner and the Office: their work, monitoring visits and events."
        ),
    },
    "ru": {
        "title": "Новости",
        "slug": "novosti",
        "intro": "Новости о деятельности Уполномоченного и Аппарата, мониторингах и мероприятиях.",
    },
}
