// The workspace in a real browser: Debian's Chromium driven by puppeteer-core over the
// DevTools protocol. Run by tests/cli/workspace_browser.rs with the URL `dossier serve`
// printed and the project's directory:
//
//   node tests/browser/workspace.mjs URL PROJECT_DIR [SHOTS_DIR]
//
// Prints one line per step and exits non-zero at the first failure.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const [url, project, shots] = process.argv.slice(2);
if (!url || !project) {
  console.error('usage: node workspace.mjs URL PROJECT_DIR [SHOTS_DIR]');
  process.exit(2);
}
const fr = path.join(project, 'locales/fr/doc.ftl');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p) => fs.existsSync(p));
if (!chromium) {
  console.error('Debian\'s chromium is needed (apt-get install chromium; .ci/run installs it)');
  process.exit(2);
}

const step = (s) => console.log(`step: ${s}`);
function check(cond, what) {
  if (!cond) throw new Error(`failed: ${what}`);
}
async function until(what, fn, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/// axe-core over the page: no serious or critical violation.
async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) throw new Error(`axe on ${name}: ${JSON.stringify(bad)}`);
  step(`axe: no serious violation on ${name} (${result.length} minor)`);
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  // The printed URL sets the cookie and lands on the home page.
  await page.goto(url, { waitUntil: 'load' });
  check(!page.url().includes('token='), 'the token leaves the address bar');
  check(await page.$eval('h1', (h) => h.textContent) === 'Translation workspace', 'the home page');
  if (shots) await page.screenshot({ path: path.join(shots, 'workspace-home.png'), fullPage: true });
  await axe(page, 'the home page');
  step('home page');

  // Pick French.
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('a[href="/l/fr"]')]);
  check(await page.$('#queue a[data-id="title-p1"]'), 'the missing message is in the queue');
  await axe(page, 'the queue');
  step('queue');

  // A missing message: type its translation and save with the keyboard.
  await page.click('#queue a[data-id="title-p1"]');
  await page.waitForSelector('#translation');
  await page.focus('#translation');
  await page.keyboard.type('Premier paragraphe sur 2001.');
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await until('the state changes to translated', () =>
    page.$eval('#editor h2 .badge', (b) => b.textContent).then((t) => t === 'translated'));
  await until('the file on disk has it', () =>
    fs.readFileSync(fr, 'utf8').includes('# en: First paragraph about 2001.\ntitle-p1 = Premier paragraphe sur 2001.'));
  step('saved a missing message with Ctrl+Enter');
  if (shots) await page.screenshot({ path: path.join(shots, 'workspace-editor.png'), fullPage: true });
  await axe(page, 'the editor');

  // A stale one, fixed from its diff.
  await page.click('#queue a[data-id="title-p2"]');
  await until('the stale message opens', () =>
    page.$eval('#editor h2 code', (c) => c.textContent).then((t) => t === 'title-p2'));
  const diff = await page.$eval('.english', (e) => e.innerHTML);
  check(diff.includes('<del>') || diff.includes('<ins>'), `the word diff is shown: ${diff}`);
  await page.click('#translation', { clickCount: 3 });
  await page.evaluate(() => { document.getElementById('translation').value = ''; });
  await page.type('#translation', 'Le deuxième long paragraphe.');
  await page.click('#save');
  await until('the stale message is translated', () =>
    page.$eval('#editor h2 .badge', (b) => b.textContent).then((t) => t === 'translated'));
  check(fs.readFileSync(fr, 'utf8').includes("# a translator's note\n# en: Second long paragraph.\ntitle-p2 = Le deuxième long paragraphe."),
    'stamped with the current English, the translator\'s note kept');
  step('fixed a stale message from its diff');

  // Checks as you type: `<script>` brings a markup diagnostic.
  await page.click('#queue a[data-id="title-p3"]');
  await until('title-p3 opens', () =>
    page.$eval('#editor h2 code', (c) => c.textContent).then((t) => t === 'title-p3'));
  await page.type('#translation', 'Troisième <script>alert(1)</script>');
  await until('a markup diagnostic appears', () =>
    page.$('#diagnostics li[data-code="markup"]'));
  const preview = await page.$eval('#preview', (p) => p.innerHTML);
  check(!preview.includes('<script'), `the preview is inert: ${preview}`);
  step('a diagnostic appears while typing');

  // Approve the saved one (no longer in the queue of work: opened by its address).
  await page.evaluate(() => { location.hash = '#title-p1'; });
  await until('title-p1 opens', () =>
    page.$eval('#editor h2 code', (c) => c.textContent).then((t) => t === 'title-p1'));
  await page.click('#approve');
  await until('approved', () =>
    page.$eval('#editor h2 .badge', (b) => b.textContent).then((t) => t === 'reviewed'));
  check(fs.readFileSync(fr, 'utf8').includes('# review: approved by Anna Petrova on '), 'the review line');
  step('approved a message');

  // An edit of the file outside the browser shows up in the open page.
  const text = fs.readFileSync(fr, 'utf8');
  fs.writeFileSync(fr, text.replace('title-p1 = Premier paragraphe sur 2001.', 'title-p1 = Premier paragraphe, sur 2001.'));
  await until('the external edit shows', () =>
    page.$eval('#translation', (t) => t.value).then((v) => v === 'Premier paragraphe, sur 2001.'), 15000);
  step('an external edit shows up in the open page');

  // Keyboard only: Alt+↓ goes to the next message, every control has a label.
  await page.keyboard.down('Alt');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.up('Alt');
  await until('the next message opens', () =>
    page.$eval('#editor h2 code', (c) => c.textContent).then((t) => t !== 'title-p1'));
  const unlabelled = await page.evaluate(() => Array.from(document.querySelectorAll('input:not([type=hidden]), textarea, select, button'))
    .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
    .map((e) => e.outerHTML));
  check(unlabelled.length === 0, `every control has a label: ${unlabelled.join(' ')}`);
  step('keyboard navigation and labels');

  check(errors.length === 0, `no script error: ${errors.join('; ')}`);
} catch (e) {
  console.error(e.message || e);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
