"""Reports of a stored audit run: raw JSON, JUnit XML, a self-contained HTML page and Markdown.

`write_reports(run, output_dir, formats)` writes the chosen ones and returns their paths.
"""

from pathlib import Path

from .html import write_html_report
from .json_report import write_json_report
from .junit import write_junit_report
from .markdown import write_markdown_report

WRITERS = {
    "json": ("audit.json", write_json_report),
    "junit": ("junit.xml", write_junit_report),
    "html": ("report.html", write_html_report),
    "markdown": ("summary.md", write_markdown_report),
}


def write_reports(run, output_dir, formats, language="en"):
    """Write each report in `formats` into `output_dir`; return {format: path}."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for report_format in formats:
        file_name, writer = WRITERS[report_format]
        path = output_dir / file_name
        writer(run, path, language=language)
        written[report_format] = path
    return written
