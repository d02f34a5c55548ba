"""A short Markdown summary for CI job pages (GitHub/GitLab step summaries)."""

from django.template.loader import render_to_string
from django.utils import translation

from .summary import summarize


def render_markdown_report(run, language="en"):
    with translation.override(language):
        return render_to_string(
            "accessibility/report/summary.md", {"summary": summarize(run), "run": run}
        )


def write_markdown_report(run, path, language="en"):
    path.write_text(render_markdown_report(run, language), encoding="utf-8")
