"""The self-contained HTML report: styles inline, no scripts, fonts or images from anywhere."""

from django.template.loader import render_to_string
from django.utils import translation

from .summary import summarize


def render_html_report(run, language="en"):
    with translation.override(language):
        return render_to_string(
            "accessibility/report/report.html",
            {"summary": summarize(run), "run": run, "report_language": language},
        )


def write_html_report(run, path, language="en"):
    path.write_text(render_html_report(run, language), encoding="utf-8")
