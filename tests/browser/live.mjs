// Opens a page built by `dossier build --watch` in headless Chromium, prints "ready" once
// its live-reload script has seen the build, then waits for the page to reload by itself
// and prints "reloaded " and the text of its first heading (JSON).
//
//   node live.mjs PAGE.html      (CHROMIUM=/path/to/chromium, default /usr/bin/chromium)
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const args = ["--headless=new", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args,
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(pathToFileURL(process.argv[2]).href, { waitUntil: "load" });
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-built"), {
    timeout: 30000,
  });
  console.log("ready");
  await page.waitForNavigation({ timeout: 60000 });
  const h1 = await page.evaluate(() => document.querySelector("h1")?.textContent ?? "");
  console.log("reloaded " + JSON.stringify(h1));
  if (errors.length) console.log("errors " + JSON.stringify(errors));
} finally {
  await browser.close();
}
