// Lighthouse's SEO category for each URL given, in one headless Chromium started once.
//
// Usage: node scripts/lighthouse_seo.mjs URL... (CHROME_PATH names the browser; CHROMIUM_FLAGS,
// space-separated, its flags). Prints one JSON line per URL:
// {"url", "score", "failures": [{"id", "title", "items"}]}, then exits 0; a URL Lighthouse could
// not load is a line with "error" and exits 2.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const urls = process.argv.slice(2);
const chromeFlags = (process.env.CHROMIUM_FLAGS || "--headless=new --no-sandbox")
  .split(" ")
  .filter(Boolean);

// The SEO audits read the served document, its links and robots.txt: they need neither a
// throttled phone nor the waits for a quiet network and CPU that timing audits need, so the
// page is loaded as a desktop browser loads it and read once its load event has fired.
const flags = { output: "json", logLevel: process.env.LIGHTHOUSE_LOG_LEVEL || "error" };
const config = {
  extends: "lighthouse:default",
  settings: {
    onlyCategories: ["seo"],
    formFactor: "desktop",
    screenEmulation: { disabled: true },
    throttlingMethod: "provided",
    disableFullPageScreenshot: true,
    skipAboutBlank: true,
    pauseAfterFcpMs: 0,
    pauseAfterLoadMs: 0,
    networkQuietThresholdMs: 0,
    cpuQuietThresholdMs: 0,
  },
};

function failuresOf(result) {
  return result.categories.seo.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => result.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      items: (audit.details?.items || []).slice(0, 5),
    }));
}

const chrome = await chromeLauncher.launch({ chromeFlags });
// A cancelled run (CI job, Ctrl-C, a test's timeout) leaves no browser behind.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    chrome.kill();
    process.exit(130);
  });
}
let failed = false;
try {
  for (const url of urls) {
    try {
      const runner = await lighthouse(url, { ...flags, port: chrome.port }, config);
      const result = runner.lhr;
      if (result.runtimeError) {
        failed = true;
        console.log(JSON.stringify({ url, error: result.runtimeError.message }));
        continue;
      }
      const score = result.categories.seo.score;
      console.log(JSON.stringify({ url, score, failures: failuresOf(result) }));
    } catch (error) {
      failed = true;
      console.log(JSON.stringify({ url, error: String(error) }));
    }
  }
} finally {
  await chrome.kill();
}
process.exit(failed ? 2 : 0);
