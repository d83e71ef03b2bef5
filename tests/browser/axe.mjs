// Runs axe-core over HTML pages in headless Chromium and prints one JSON object per page:
// {"page": FILE, "violations": [{"id", "impact", "help", "targets"}]}.
//
//   node axe.mjs PAGE.html…        (CHROMIUM=/path/to/chromium, default /usr/bin/chromium)
//
// The editions forbid scripts (Content-Security-Policy): the page is opened with CSP
// bypassed so that axe can be injected; nothing of the page itself runs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const pages = process.argv.slice(2);
const args = ["--headless=new", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args,
});
try {
  for (const file of pages) {
    const page = await browser.newPage();
    await page.setBypassCSP(true);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
    });
    console.log(JSON.stringify({ page: file, violations: result }));
    await page.close();
  }
} finally {
  await browser.close();
}
