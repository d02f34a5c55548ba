"""Demo news in az, en and ru: categories, the news index and the articles of `demo_content`.

The az pages are the source; en and ru are made through wagtail-localize from translation
tables built by pairing each az string with the same string of the other language.
"""

import uuid

from django.utils.html import escape
from wagtail_localize.strings import StringValue

from core.demo_images import demo_image
from core.demo_translation import translate_instance
from core.slugs import localised_slug
from news.demo_content import ARTICLES, CATEGORIES, NEWS_INDEX
from news.demo_documents import demo_document
from news.models import ArticleViewCount, NewsCategory, NewsIndexPage, NewsPage

TRANSLATED_LANGUAGES = ("en", "ru")
BLOCK_ID_NAMESPACE = uuid.UUID("5b0c7d4e-7a51-4c43-9a7e-3f1f0a0e6b21")


def segment_text(text):
    """`text` as wagtail-localize stores a plain-text segment (HTML-escaped, normalised)."""
    return StringValue.from_plaintext(text).data


def block_id(slug, name):
    """A stable block id, so that reloading the demo keeps the same translation segments."""
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{slug}/{name}"))


def paragraph_html(text):
    return f"<p>{escape(text)}</p>"


def table_value(table):
    first_row = table.rows[0]
    columns = [
        {"type": "number" if isinstance(cell, int) else "text", "heading": heading}
        for heading, cell in zip(table.headings, first_row, strict=True)
    ]
    rows = [{"values": [str(cell) for cell in row]} for row in table.rows]
    return {"caption": table.caption, "columns": columns, "rows": rows}


def article_body(article, text, document):
    """The body StreamField data of `article` in the language of `text`."""
    slug = article.slug
    first, *rest = text.paragraphs
    body = [{"type": "paragraph", "value": paragraph_html(first), "id": block_id(slug, "p0")}]
    if text.heading:
        heading = {"text": text.heading, "level": "h2"}
        body.append({"type": "heading", "value": heading, "id": block_id(slug, "heading")})
    for number, paragraph in enumerate(rest, start=1):
        body.append(
            {
                "type": "paragraph",
                "value": paragraph_html(paragraph),
                "id": block_id(slug, f"p{number}"),
            }
        )
    if text.quote:
        quote = {"text": text.quote[0], "attribution": text.quote[1]}
        body.append({"type": "quote", "value": quote, "id": block_id(slug, "quote")})
    if text.table:
        body.append(
            {"type": "table", "value": table_value(text.table), "id": block_id(slug, "table")}
        )
    if document is not None:
        value = {
            "document": document.pk,
            "link_text": text.document_link_text,
            "language": article.document.language,
        }
        body.append({"type": "document", "value": value, "id": block_id(slug, "document")})
    return body


def text_pairs(source, target):
    """Every (source string, target string) pair of two ArticleTexts of the same shape."""
    yield source.title, target.title
    yield source.summary, target.summary
    yield from zip(source.paragraphs, target.paragraphs, strict=True)
    yield source.heading, target.heading
    yield source.image_alt, target.image_alt
    yield source.image_caption, target.image_caption
    yield from zip(source.quote, target.quote, strict=True)
    yield source.document_link_text, target.document_link_text
    if source.table:
        yield source.table.caption, target.table.caption
        yield from zip(source.table.headings, target.table.headings, strict=True)
        for source_row, target_row in zip(source.table.rows, target.table.rows, strict=True):
            for source_cell, target_cell in zip(source_row, target_row, strict=True):
                if isinstance(source_cell, str):
                    yield source_cell, target_cell


def article_slugs(article):
    """The article's address in each language: English as written, az and ru from the title."""
    return {
        "az": localised_slug(article.text["az"].title, "az"),
        "en": article.slug,
        "ru": localised_slug(article.text["ru"].title, "ru"),
    }


def translation_table(article, language_code):
    slugs = article_slugs(article)
    strings = {"": "", slugs["az"]: slugs[language_code]}
    for source, target in text_pairs(article.text["az"], article.text[language_code]):
        strings[segment_text(source)] = segment_text(target)
    return strings


def build_categories(context):
    """The news categories in az, translated to en and ru; returns them by slug (az)."""
    categories = {}
    for slug, names in CATEGORIES.items():
        category = NewsCategory.objects.filter(locale=context.locales["az"], slug=slug).first()
        category = category or NewsCategory(locale=context.locales["az"], slug=slug)
        category.name = names["az"]
        category.save()
        for code in TRANSLATED_LANGUAGES:
            strings = {segment_text(names["az"]): segment_text(names[code])}
            translate_instance(category, code, strings, context.user)
        categories[slug] = category
    return categories


def build_news_index(context):
    """The az news index under the az home page, translated to en and ru."""
    home = context.homes["az"]
    source = NEWS_INDEX["az"]
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(title=source["title"], slug=source["slug"])
        home.add_child(instance=index)
    index.title, index.slug = source["title"], source["slug"]
    index.intro = paragraph_html(source["intro"])
    index.show_in_menus = True  # The main menu lists News beside the institutional sections.
    index.save_revision(user=context.user).publish(user=context.user)
    indexes = {"az": index}
    for code in TRANSLATED_LANGUAGES:
        target = NEWS_INDEX[code]
        strings = {
            source["title"]: target["title"],
            source["slug"]: target["slug"],
            segment_text(source["intro"]): segment_text(target["intro"]),
        }
        indexes[code] = translate_instance(index, code, strings, context.user)
    return indexes


def article_media(article):
    """The lead image and the attached document of `article` (None where it has none)."""
    image = None
    if article.image_colour:
        image = demo_image(
            f"News: {article.slug}",
            article.image_colour,
            article.image_lines,
            alt_text=article.text["en"].image_alt,
        )
    document = None
    if article.document is not None:
        spec = article.document
        document = demo_document(spec.title, spec.file_name, spec.lines, spec.language)
    return image, document


def build_article(context, index, article, categories):
    """Create or update one az article and its en and ru translations; return all three."""
    text = article.text["az"]
    image, document = article_media(article)
    slug = article_slugs(article)["az"]
    # An article loaded before its slug was localised is renamed: Wagtail redirects the old
    # address once the change is committed.
    page = NewsPage.objects.child_of(index).filter(slug__in=(slug, article.slug)).first()
    is_new = page is None
    page = page or NewsPage()
    page.slug = slug
    page.title, page.summary = text.title, text.summary
    page.publication_date = article.date
    page.lead_image = image
    page.lead_image_alt, page.lead_image_caption = text.image_alt, text.image_caption
    page.body = article_body(article, text, document)
    page.categories = [categories[slug] for slug in article.categories]
    page.tags.set(list(article.tags))
    if is_new:
        index.add_child(instance=page)
    page.save_revision(user=context.user).publish(user=context.user)
    page.refresh_from_db()
    pages = {"az": page}
    for code in TRANSLATED_LANGUAGES:
        table = translation_table(article, code)
        pages[code] = translate_instance(page, code, table, context.user)
    for translated_page in pages.values():
        ArticleViewCount.objects.update_or_create(
            page=translated_page, defaults={"count": article.views}
        )
    return pages


def build_news(context):
    """The news section of the demo site: categories, index and every demo article."""
    categories = build_categories(context)
    indexes = build_news_index(context)
    context.extra["news_indexes"] = indexes
    context.extra["news_articles"] = [
        build_article(context, indexes["az"], article, categories) for article in ARTICLES
    ]
