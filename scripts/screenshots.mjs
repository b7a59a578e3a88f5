// Headless screenshots of the example pages at phone and desktop widths, light and dark,
// into screenshots/. Reports console errors and CSP violations it sees on the way.
// Usage: npm run screenshots [-- examples/index.html ...]
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath, INSTALL_HINT } from './browsers.mjs';
import { serve } from './serve.mjs';

const executablePath = chromiumPath();
if (!executablePath) {
  console.error(`No Chromium found. Install it: ${INSTALL_HINT}`);
  process.exit(1);
}
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['examples/index.html'];
mkdirSync('screenshots', { recursive: true });
const server = await serve(8600);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
let problems = 0;
try {
  for (const path of pages) {
    for (const width of [375, 1280]) {
      for (const scheme of ['light', 'dark']) {
        const page = await browser.newPage();
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warn') {
            problems++;
            console.log(`  console.${m.type()}: ${m.text()}`);
          }
        });
        page.on('pageerror', (e) => {
          problems++;
          console.log(`  page error: ${e.message}`);
        });
        await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(base + path, { waitUntil: 'networkidle0' });
        // eslint-disable-next-line no-undef -- runs in the page, where document is defined
        await page.evaluate(() => document.fonts.ready);
        // Wait until every element has drawn (or shows a message), then for a quiet frame.
        const drawn = await page
          .waitForFunction(
            () => {
              const drawn = (el) =>
                el.shadowRoot?.querySelector('svg.plot[role], [role="alert"], [role="status"]') ||
                ([...(el.shadowRoot?.querySelectorAll('attack-timeline, attack-map') ?? [])].every(drawn) && el.shadowRoot?.querySelector('attack-timeline'));
              // eslint-disable-next-line no-undef -- runs in the page
              return [...document.querySelectorAll('attack-timeline, attack-map, attack-story')].every(drawn);
            },
            { timeout: 10_000 },
          )
          .then(
            () => true,
            () => false,
          );
        if (!drawn) {
          problems++;
          console.log(`  ${path} at ${width} px (${scheme}): not every element drew within 10 s`);
        }
        await new Promise((r) => setTimeout(r, 300));
        const name = `screenshots/${path.replace(/[/.]/g, '_')}-${width}-${scheme}.png`;
        await page.screenshot({ path: name, fullPage: true });
        console.log(name);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (problems) console.log(`${problems} console problems`);
