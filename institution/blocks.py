"""Blocks that belong to the institution's own page types (the shared body blocks live in home)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class QuestionAnswerBlock(blocks.StructBlock):
    """One question of a FAQ page and its answer, shown as a disclosure (details/summary)."""

    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(
        label=_("answer"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "institution/blocks/question_answer.html"
