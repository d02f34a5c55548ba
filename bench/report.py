"""The bench table: every figure beside Wagtail's demo site and the issue's target."""

import json

# (label, demo site's figure, our target, how to read ours from the results, target test)
DEMO_AND_TARGETS = [
    ("article render, median", "36 ms", "<= 12 ms", ("render", "newspage", "render", "median_ms"),
     lambda value: value <= 12),
    ("article render, SQL queries", "22", "<= 10", ("render", "newspage", "render", "queries"),
     lambda value: value <= 10),
    ("home render, median", "83 ms", "<= 25 ms", ("render", "homepage", "render", "median_ms"),
     lambda value: value <= 25),
    ("home render, SQL queries", "43", "<= 12", ("render", "homepage", "render", "queries"),
     lambda value: value <= 12),
    ("search results render, median", "70 ms", "<= 25 ms",
     ("render", "search", "render", "median_ms"), lambda value: value <= 25),
    ("throughput, article uncached", "37 req/s", ">= 110 req/s",
     ("throughput", "article (uncached)", "requests_per_second"), lambda value: value >= 110),
    ("throughput, article cached", "-", ">= 500 req/s",
     ("throughput", "article (cached)", "requests_per_second"), lambda value: value >= 500),
    ("throughput, home uncached", "19 req/s", ">= 60 req/s",
     ("throughput", "home (uncached)", "requests_per_second"), lambda value: value >= 60),
]  # fmt: skip


def dig(results, path):
    value = results
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def target_rows(results):
    rows = []
    for label, demo, target, path, is_met in DEMO_AND_TARGETS:
        value = dig(results, path)
        met = "-" if value is None else ("yes" if is_met(value) else "NO")
        rows.append((label, demo, "n/a" if value is None else str(value), target, met))
    weight_kb = dig(results, ("page_weight", "total_kb"))
    if weight_kb is None:
        rows.append(
            (
                "home HTML+CSS+JS+fonts",
                "194 KB",
                summarise(results.get("page_weight")),
                "<= 60 KB",
                "-",
            )
        )
    else:
        rows.append(("home HTML+CSS+JS+fonts", "194 KB", f"{weight_kb} KB", "<= 60 KB",
                     "yes" if weight_kb <= 60 else "NO"))  # fmt: skip
    return rows


def render_rows(results):
    rows = []
    for page_type, figures in results.get("render", {}).items():
        render, cold, warm = figures["render"], figures["cold"], figures["warm"]
        rows.append(
            (
                f"render {page_type} ({figures['url']})",
                "",
                f"render {render['median_ms']}/{render['p95_ms']} ms, {render['queries']} q; "
                f"after publish {cold['median_ms']}/{cold['p95_ms']} ms, {cold['queries']} q; "
                f"cached {warm['median_ms']}/{warm['p95_ms']} ms, {warm['queries']} q",
                "median/p95",
                "",
            )
        )
    return rows


def throughput_rows(results):
    rows = []
    for name, figures in results.get("throughput", {}).items():
        rows.append(
            (
                f"gunicorn 2 workers: {name}",
                "",
                f"{figures.get('requests_per_second')} req/s; p50 {figures.get('p50_ms')} ms, "
                f"p90 {figures.get('p90_ms')} ms, p99 {figures.get('p99_ms')} ms; "
                f"non-2xx {figures.get('non_2xx')}",
                figures.get("tool", ""),
                "",
            )
        )
    return rows


def scale_rows(results):
    scale = results.get("scale", {})
    sizes = sorted(scale, key=int)
    if not sizes:
        return []
    rows = []
    for name in scale[sizes[0]]:
        for state, label in (("render", "render"), ("cold", "after publish")):
            cells = []
            for size in sizes:
                figures = scale[size].get(name, {}).get(state, {})
                cells.append(f"{size}: {figures.get('median_ms')} ms, {figures.get('queries')} q")
            rows.append((f"scale: {name}, {label}", "", " -> ".join(cells), "median", ""))
    return rows


def audit_rows(results):
    audit = results.get("audit_speed")
    if audit is None:
        return []
    if "results" not in audit:
        return [("audit pages per minute", "", summarise(audit), "", "")]
    return [
        (
            f"audit, {run['workers']} worker(s)",
            "",
            f"{run['pages_per_minute']} pages/min ({run['page_views']} page views)",
            "",
            "",
        )
        for run in audit["results"]
    ]


def summarise(value):
    if not value:
        return "n/a"
    text = json.dumps(value, separators=(",", ":"))
    return text if len(text) <= 80 else text[:77] + "..."


def print_table(results):
    header = ("figure", "demo site", "ours", "target", "met")
    rows = target_rows(results) + render_rows(results) + throughput_rows(results)
    rows += audit_rows(results) + scale_rows(results)
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    machine = results.get("machine", {})
    print(
        f"{machine.get('cpus')} CPUs, load average {machine.get('load_average_at_start')} at the "
        f"start and {machine.get('load_average_at_end')} at the end; database "
        f"{results.get('database')}; render times are in-process (test client). 'render' is a "
        "page-cache miss between two publishes; 'after publish' the first render of a new "
        "content generation, when nothing at all is cached."
    )
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
