"""JUnit XML: a test case per page, viewport and variant; a failure per failing violation.

Violations accepted by the baseline or below the failing impact are listed in the test case's
system-out, so CI shows them without failing; a page that could not be audited is an error, a
non-HTML address a skipped case. A check beyond axe that raised on a page is an error of that
case; its needs-review findings are listed in system-out, never failing. `failures` counts failed
test cases (not violations), as JUnit readers expect; expired baseline entries are listed in the
suite's system-out.
"""

from xml.etree import ElementTree

from django.utils import translation

from .summary import summarize


def junit_tree(run, language="en"):
    with translation.override(language):
        return _junit_tree(run)


def _junit_tree(run):
    summary = summarize(run)
    suite = ElementTree.Element(
        "testsuite",
        name="accessibility",
        tests=str(len(summary.page_results)),
        # Test cases with a failure; each case holds one <failure> per failing violation.
        failures=str(summary.failed_cases),
        errors=str(len(summary.errors) + len(summary.check_errors)),
        skipped=str(len(summary.skipped)),
        time=f"{sum(r.duration_seconds for r in summary.page_results):.3f}",
        timestamp=run.started_at.replace(microsecond=0).isoformat(),
    )
    for result in summary.page_results:
        case = ElementTree.SubElement(
            suite,
            "testcase",
            classname=f"accessibility.{result.locale or 'site'}",
            name=f"{result.path} [{result.viewport}, {result.variant}]",
            time=f"{result.duration_seconds:.3f}",
        )
        if result.status == "error":
            ElementTree.SubElement(
                case, "error", message=result.error_message, type="PageNotAudited"
            ).text = result.error_message
        if result.status == "skipped":
            ElementTree.SubElement(
                case, "skipped", message=f"{result.content_type or 'unknown type'}: not HTML"
            )
        for error in result.check_errors or []:
            message = f"check {error['check']} could not run: {error['error']}"
            ElementTree.SubElement(case, "error", message=message, type="CheckError").text = message
        other_lines = []
        for violation in result.violations.all():
            line = f"{violation.rule_id} ({violation.impact}) at {violation.target}"
            if summary.is_failing(violation):
                message = f"{line}: {violation.help_text}"
                failure = ElementTree.SubElement(
                    case, "failure", message=message, type=violation.rule_id
                )
                failure.text = "\n".join(
                    (violation.failure_summary, violation.html, violation.help_url)
                )
            else:
                reason = "accepted by the baseline" if violation.accepted else "below threshold"
                other_lines.append(f"{line} [{reason}] fingerprint {violation.fingerprint}")
        for finding in result.review_findings:
            other_lines.append(
                f"{finding.rule_id} ({finding.impact}, WCAG {finding.criterion}) at "
                f"{finding.target} [needs review, never failing]: {finding.help_text} "
                f"{finding.failure_summary}".rstrip()
            )
        if other_lines:
            ElementTree.SubElement(case, "system-out").text = "\n".join(other_lines)
    if summary.expired_entries:
        ElementTree.SubElement(suite, "system-out").text = "\n".join(
            f"Expired baseline entry: {e.rule} at {e.target} on {e.page}, expired {e.expires}"
            f"{' (still found)' if e.found_in_run else ''}: {e.reason}"
            for e in summary.expired_entries
        )
    root = ElementTree.Element(
        "testsuites",
        name="axe-core accessibility audit",
        tests=suite.get("tests"),
        failures=suite.get("failures"),
        errors=suite.get("errors"),
        time=suite.get("time"),
    )
    root.append(suite)
    return ElementTree.ElementTree(root)


def write_junit_report(run, path, language="en"):
    tree = junit_tree(run, language)
    ElementTree.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
