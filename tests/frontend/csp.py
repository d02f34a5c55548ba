"""Recording Content-Security-Policy violations in Chromium, for the browser tests.

A `securitypolicyviolation` listener is installed through the DevTools protocol before any of
the page's own code runs (such scripts are not subject to the page's policy), so every blocked
inline script, style attribute, event handler or foreign resource is recorded, enforced or
report-only alike.
"""

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        disposition: event.disposition,
        sample: event.sample,
        line: event.lineNumber,
    });
});
"""
# Violation events are queued as tasks: let them run before reading the record.
READ_VIOLATIONS = """
const done = arguments[arguments.length - 1];
setTimeout(() => done(window.__cspViolations === undefined ? null : window.__cspViolations), 100);
"""


def violations_on(driver, url):
    driver.get(url)
    recorded = driver.execute_async_script(READ_VIOLATIONS)
    assert recorded is not None, f"{url}: the violation listener was not installed"
    return recorded
