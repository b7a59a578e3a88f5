// npm run bench: renders the same seeded incident with <attack-timeline>, vis-timeline and
// TimelineJS3 at 100 to 100,000 events in headless Chromium, one fresh page per case, and
// prints render time (median of 3), DOM nodes, retained heap and each script's gzip size.
// Measures on this machine; compare rows, not absolute numbers. BENCH_SIZES=100,1000 to limit.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath, INSTALL_HINT } from './browsers.mjs';
import { serve } from './serve.mjs';

const executablePath = chromiumPath();
if (!executablePath) {
  console.error(`No Chromium found. Install it: ${INSTALL_HINT}`);
  process.exit(1);
}
const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000,100000').split(',').map(Number);
const libs = [
  ['attack', '<attack-timeline>', ['dist/attack-timeline.min.js']],
  ['vis', 'vis-timeline 8.5', ['node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js']],
  ['timelinejs', 'TimelineJS3 3.9', ['node_modules/@knight-lab/timelinejs/dist/js/timeline.js', 'node_modules/@knight-lab/timelinejs/dist/css/timeline.css']],
];
const TIMEOUT = 60_000;
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

const server = await serve(8650, 20, { csp: false });
const base = `http://127.0.0.1:${server.address().port}/bench/page.html`;
const browser = await puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });

async function run(lib, n) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  try {
    await page.goto(`${base}?lib=${lib}&n=${n}`);
    // eslint-disable-next-line no-undef -- runs in the page, where window is defined
    await page.waitForFunction(() => window.__result, { timeout: TIMEOUT, polling: 100 });
    // eslint-disable-next-line no-undef -- runs in the page
    return await page.evaluate(() => window.__result);
  } catch {
    return { lib, n, error: `no render within ${TIMEOUT / 1000} s` };
  } finally {
    await page.close();
  }
}

console.log('library             | events  | render (median of 3) | DOM nodes | heap      | script (gzip)');
console.log('--------------------|---------|----------------------|-----------|-----------|--------------');
try {
  for (const [lib, name, files] of libs) {
    const size = files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
    let gaveUp = false;
    for (const n of sizes) {
      if (gaveUp) {
        console.log(`${name.padEnd(19)} | ${String(n).padStart(7)} | skipped (smaller size timed out)`);
        continue;
      }
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const r = await run(lib, n);
        runs.push(r);
        if (r.error) break;
      }
      const failed = runs.find((r) => r.error);
      if (failed) {
        gaveUp = true;
        console.log(`${name.padEnd(19)} | ${String(n).padStart(7)} | ${failed.error}`);
        continue;
      }
      const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1];
      const last = runs[runs.length - 1];
      console.log(
        `${name.padEnd(19)} | ${String(n).padStart(7)} | ${`${ms.toFixed(0)} ms`.padStart(20)} | ${String(last.nodes).padStart(9)} | ${kb(last.heap).padStart(9)} | ${kb(size)}`,
      );
    }
  }
} finally {
  await browser.close();
  server.close();
}
