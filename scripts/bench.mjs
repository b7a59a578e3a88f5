// npm run bench: renders the same events with <attack-timeline>, vis-timeline and TimelineJS3
// in headless Chromium, one fresh page per case: the AIIMS story's own events, then seeded
// events at 1,000 to 100,000. For each it prints the render time until painted (median of 3),
// the longest main-thread task, the zoom step's 95th percentile, DOM nodes, retained heap and
// the script loaded before the first paint (gzip), and our render time as a ratio of
// vis-timeline's. Then the cheap-phone profile: the example article and the demo at 375 px
// with the CPU slowed 4× (as Lighthouse's mobile profile does): time until the story is
// drawn (counted from navigation; the page is scrolled to the story once loaded, as a reader
// would), the longest task and the total blocking time, with the embed and without it.
// Measures on this machine; compare rows, not absolute numbers.
// BENCH_SIZES=aiims,1000 limits the sizes (none: the phone profile alone), BENCH_LIBS=attack,vis the libraries; BENCH_PHONE=0
// skips the phone profile.
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
const sizes = (process.env.BENCH_SIZES ?? 'aiims,1000,10000,100000')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s && s !== 'none');
const only = process.env.BENCH_LIBS?.split(',').map((s) => s.trim());
const libs = [
  ['attack', '<attack-timeline>'],
  ['vis', 'vis-timeline 8.5'],
  ['timelinejs', 'TimelineJS3 3.9'],
].filter(([id]) => !only || only.includes(id));
const TIMEOUT = 60_000;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n == null ? '—' : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(8650, 20, { csp: false });
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });

/** Gzip size of the scripts at `urls`, read from our server's files. */
function scriptBytes(urls) {
  return urls.filter((u) => u.endsWith('.js') && u.startsWith(origin)).reduce((sum, u) => sum + gzipSync(readFileSync(new URL(u).pathname.slice(1))).length, 0);
}

async function run(lib, n) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  try {
    await page.goto(`${origin}bench/page.html?lib=${lib}&n=${n}`);
    // eslint-disable-next-line no-undef -- runs in the page, where window is defined
    await page.waitForFunction(() => window.__result, { timeout: TIMEOUT, polling: 100 });
    // eslint-disable-next-line no-undef -- runs in the page
    const result = await page.evaluate(() => window.__result);
    // The library's scripts the page had fetched by its first paint (the page lists them).
    return { ...result, script: result.scripts ? scriptBytes(result.scripts) : 0 };
  } catch {
    return { lib, n, error: `no render within ${TIMEOUT / 1000} s` };
  } finally {
    await page.close();
  }
}

const rows = new Map();
console.log('library             | events  | render (median of 3) | longest task | zoom step p95 | DOM nodes | heap      | script (gzip) | render vs vis');
console.log('--------------------|---------|----------------------|--------------|---------------|-----------|-----------|---------------|--------------');
try {
  for (const [lib, name] of libs) {
    let gaveUp = false;
    for (const n of sizes) {
      if (gaveUp) {
        console.log(`${name.padEnd(19)} | ${n.padStart(7)} | skipped (smaller size timed out)`);
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
        console.log(`${name.padEnd(19)} | ${n.padStart(7)} | ${failed.error}`);
        continue;
      }
      const row = {
        n: runs[0].n,
        ms: median(runs.map((r) => r.ms)),
        longest: median(runs.map((r) => r.longest)),
        zoom: runs.every((r) => r.zoom != null) ? median(runs.map((r) => r.zoom)) : null,
        nodes: runs.at(-1).nodes,
        heap: median(runs.map((r) => r.heap)),
        script: runs.at(-1).script,
      };
      rows.set(`${lib}:${n}`, row);
      const vis = rows.get(`vis:${n}`);
      const ratio = lib === 'attack' ? '(after vis)' : lib === 'vis' ? '1.00×' : vis ? `${(row.ms / vis.ms).toFixed(2)}×` : '—';
      console.log(
        `${name.padEnd(19)} | ${String(row.n).padStart(7)} | ${ms(row.ms).padStart(20)} | ${ms(row.longest).padStart(12)} | ${ms(row.zoom).padStart(13)} | ${String(row.nodes).padStart(9)} | ${kb(row.heap).padStart(9)} | ${kb(row.script).padStart(13)} | ${ratio}`,
      );
    }
  }
  console.log('\nOurs against vis-timeline, same run:');
  for (const n of sizes) {
    const ours = rows.get(`attack:${n}`);
    const vis = rows.get(`vis:${n}`);
    if (!ours) continue;
    console.log(
      `  ${n.padStart(7)} events: render ${ms(ours.ms)} vs ${vis ? ms(vis.ms) : only && !only.includes('vis') ? 'not run' : 'no render'}${vis ? ` (${(ours.ms / vis.ms).toFixed(2)}×)` : ''}; zoom step p95 ${ms(ours.zoom)} vs ${vis ? ms(vis.zoom) : '—'}; longest task ${ms(ours.longest)}`,
    );
  }

  if (process.env.BENCH_PHONE !== '0') {
    console.log('\nCheap phone: 375 px, CPU slowed 4× (median of 3)');
    console.log('page                    | embed   | story drawn | longest task | total blocking time');
    console.log('------------------------|---------|-------------|--------------|--------------------');
    for (const path of ['examples/article.html', 'examples/index.html']) {
      for (const embed of [true, false]) {
        const runs = [];
        for (let i = 0; i < 3; i++) runs.push(await phone(path, embed));
        const drawn = runs.every((r) => r.drawn != null) ? median(runs.map((r) => r.drawn)) : null;
        console.log(
          `${path.padEnd(23)} | ${(embed ? 'with' : 'without').padEnd(7)} | ${(embed ? ms(drawn) : '—').padStart(11)} | ${ms(median(runs.map((r) => r.longest))).padStart(12)} | ${ms(median(runs.map((r) => r.tbt)))}`,
        );
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

/**
 * One load of an example page on the throttled profile. Long tasks are collected from the
 * start of navigation until two quiet seconds after the story (or the page) is drawn; the
 * total blocking time is the sum of each task's time beyond 50 ms. `embed: false` blocks
 * our bundle, for the page's own baseline.
 */
async function phone(path, embed) {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 375, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.emulateCPUThrottling(4);
    await page.setRequestInterception(true);
    page.on('request', (r) => (!embed && r.url().includes('/dist/') ? r.abort() : r.continue()));
    await page.evaluateOnNewDocument(() => {
      // eslint-disable-next-line no-undef -- runs in the page
      const w = window;
      w.__tasks = [];
      new PerformanceObserver((list) => w.__tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(origin + path, { waitUntil: 'load' });
    // A reader scrolls to the story (the article's is below the first screen on a phone).
    // eslint-disable-next-line no-undef -- runs in the page
    await page.evaluate(() => document.querySelector('attack-story, attack-timeline')?.scrollIntoView({ block: 'start' }));
    let drawn = null;
    if (embed) {
      drawn = await page
        .waitForFunction(
          () => {
            // eslint-disable-next-line no-undef -- runs in the page
            const el = document.querySelector('attack-story, attack-timeline');
            const part = el?.localName === 'attack-story' ? el.shadowRoot?.querySelector('attack-timeline') : el;
            return part?.shadowRoot?.querySelector('svg.plot') ? performance.now() : 0;
          },
          { timeout: 30_000, polling: 'raf' },
        )
        .then((h) => h.jsonValue())
        .catch(() => null);
    }
    await new Promise((r) => setTimeout(r, 2000));
    // eslint-disable-next-line no-undef -- runs in the page
    const tasks = await page.evaluate(() => window.__tasks);
    return { drawn, longest: Math.max(0, ...tasks), tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0) };
  } finally {
    await page.close();
  }
}
