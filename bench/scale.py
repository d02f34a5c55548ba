"""Bulk generation of thousands of live news articles, for the scale benchmark.

Publishing 10,000 articles one by one takes a quarter of an hour; this writes the same rows an
editor's publishing leaves behind for a public page (the page tree row, the article row, its
category) in batches, in a few seconds. No revisions are written: no public page reads them.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from bench.content import article_fields, batched, ensure_categories, lead_image_for


def child_page_row(index_page, step, title, slug, content_type, now):
    """One unsaved, live `Page` row: child number `step` of `index_page`, for bulk creation."""
    from wagtail.models import Page

    return Page(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=Page._get_path(index_page.path, index_page.depth + 1, step),
        depth=index_page.depth + 1,
        numchild=0,
        url_path=f"{index_page.url_path}{slug}/",
        locale_id=index_page.locale_id,
        translation_key=uuid.uuid4(),
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )


def tree_rows(index_page, numbers, first_step, content_type, first_date):
    """Unsaved `Page` rows for articles `numbers`, placed after the index's existing children."""
    now = timezone.now()
    rows = []
    for offset, number in enumerate(numbers):
        fields = article_fields(number, first_date)
        step = first_step + offset
        rows.append(
            child_page_row(index_page, step, fields["title"], fields["slug"], content_type, now)
        )
    return rows


def article_rows(pages, numbers, pictures, first_date, date_of=None):
    from news.models import NewsPage

    rows = []
    for page, number in zip(pages, numbers, strict=True):
        fields = article_fields(number, first_date)
        if date_of:
            fields["publication_date"] = date_of(number)
        picture = pictures[number % len(pictures)]
        rows.append(
            NewsPage(
                page_ptr_id=page.pk,
                publication_date=fields["publication_date"],
                summary=fields["summary"],
                body=fields["body"],
                lead_image=picture,
                lead_image_alt=picture.description,
            )
        )
    return rows


def bulk_create_articles(index_page, count, start=0, batch_size=500, first_date=None, date_of=None):
    """Add `count` live articles under `index_page`, numbered from `start`; `date_of(number)`,
    when given, dates each one (else `first_date` minus `number` days)."""
    from wagtail.models import Page

    from news.models import NewsPage

    first_date = first_date or datetime.date(2026, 11, 1)
    content_type = ContentType.objects.get_for_model(NewsPage)
    categories = ensure_categories(index_page.locale)
    pictures = [lead_image_for(number) for number in range(3)]
    category_link = NewsPage.categories.through
    index_page.refresh_from_db()
    last_child = index_page.get_children().order_by("-path").first()
    next_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1

    for numbers in batched(range(start, start + count), batch_size):
        with transaction.atomic():
            pages = Page.objects.bulk_create(
                tree_rows(index_page, numbers, next_step, content_type, first_date)
            )
            articles = article_rows(pages, numbers, pictures, first_date, date_of)
            # Multi-table inheritance: the page rows exist, so only the article table is written.
            local_fields = NewsPage._meta.local_concrete_fields
            NewsPage._base_manager._insert(articles, fields=local_fields, using="default")
            category_link.objects.bulk_create(
                category_link(newspage_id=page.pk, newscategory_id=categories[number % 3].pk)
                for page, number in zip(pages, numbers, strict=True)
            )
            Page.objects.filter(pk=index_page.pk).update(numchild=F("numchild") + len(pages))
        next_step += len(numbers)
