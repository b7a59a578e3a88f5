// npm test: lint (ESLint, lit-analyzer and Prettier, as npm run lint: one result), type-check
// and compile, unit tests (Node), build, the package's file list and consumer apps installed
// from it (scripts/pack-check.mjs; scripts/consumer-check.mjs, with Chromium), browser tests
// (Chromium and Firefox ESR: every browser test; WebKitGTK: the files WEBKIT_FILES in
// web-test-runner.config.mjs names). Skipped tests are listed with their reasons. Ends with one
// line "N passed, N failed" totalled over every runner, preceded by the skipped tests by name
// when there are any. Counts come from the runners' own results (a node:test reporter,
// scripts/count-reporter.mjs, and a web-test-runner reporter in web-test-runner.config.mjs),
// never from their printed output; a runner that ends without results, or exits non-zero with
// no failed test, counts as one failure.
// Flags: --unit (unit tests only), --browser (browser tests only); neither lints.
// BROWSERS=chromium|firefox|webkit, or a comma-separated list (default: all three).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLintTools } from '../tools/lint/install.mjs';
import { chromiumPath, firefoxPath, INSTALL_HINT, miniBrowserPath, webkitDriverPath, xvfbPath } from './browsers.mjs';

const args = new Set(process.argv.slice(2));
const unitOnly = args.has('--unit');
const browserOnly = args.has('--browser');
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
let passed = 0;
let failed = 0;
/** Skipped tests: { runner, file, name, reason? }. */
const skips = [];

function step(name, cmd, cmdArgs, env = {}) {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  return r;
}

/** Reads a runner's counts file; undefined when the runner wrote none (it crashed). */
function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  } finally {
    rmSync(file, { force: true });
  }
}

function finish() {
  console.log('');
  if (skips.length) {
    console.log(`Skipped (${skips.length}):`);
    for (const s of skips) console.log(`  ${s.runner}: ${s.file} › ${s.name}${s.reason ? ` (${s.reason})` : ''}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

// Browsers first: a missing one fails at once with the fix.
const ENGINES = ['chromium', 'firefox', 'webkit'];
const wanted = (process.env.BROWSERS ?? ENGINES.join(',')).split(',');
if (!unitOnly) {
  const unknown = wanted.filter((b) => !ENGINES.includes(b));
  if (unknown.length) {
    console.error(`Unknown BROWSERS entry ${unknown.join(', ')}: use ${ENGINES.join(', ')} or a comma-separated list of them.`);
    process.exit(1);
  }
  const webkit = wanted.includes('webkit');
  const missing = [
    wanted.includes('chromium') && !chromiumPath() && 'chromium',
    wanted.includes('firefox') && !firefoxPath() && 'firefox-esr',
    webkit && !webkitDriverPath() && 'WebKitWebDriver (webkit2gtk-driver)',
    webkit && webkitDriverPath() && !miniBrowserPath() && 'MiniBrowser (libwebkit2gtk-4.1-0)',
    webkit && !xvfbPath() && 'Xvfb (xvfb)',
  ].filter(Boolean);
  if (missing.length) {
    console.error(`No ${missing.join(' or ')} found. Install the browsers the tests run in: ${INSTALL_HINT}`);
    process.exit(1);
  }
}

if (!unitOnly && !browserOnly) {
  // The lint tools have their own install (tools/lint); `npm ci` at the root skips its prepare
  // script under this repository's ignore-scripts=true, so install them here when missing.
  console.log('\n== lint (ESLint, lit-analyzer, Prettier)');
  const lint = ensureLintTools() ? spawnSync(process.execPath, ['tools/lint/lint.mjs'], { stdio: ['ignore', 'inherit', 'inherit'] }) : undefined;
  if (lint?.status === 0) passed++;
  else failed++;
}

const tsc = step('type-check and compile', bin('tsc'), ['-p', 'tsconfig.json']);
if (tsc.status !== 0) {
  failed++;
  finish();
}

if (!browserOnly) {
  // test/hardening and test/browser run in the browsers, not here.
  const files = readdirSync('build/test', { recursive: true })
    .filter((f) => f.endsWith('.test.js') && !/^(hardening|browser)\//.test(f))
    .map((f) => join('build/test', f));
  const counts = join(tmpdir(), `node-test-counts-${process.pid}.json`);
  rmSync(counts, { force: true });
  const unit = step(
    'unit tests (model, layout)',
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${new URL('./count-reporter.mjs', import.meta.url).href}`,
      `--test-reporter-destination=${counts}`,
      ...files,
    ],
    { TZ: 'America/Los_Angeles' },
  );
  const c = readCounts(counts);
  if (c) {
    console.log(`unit: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    passed += c.passed;
    failed += c.failed;
    skips.push(...c.skips.map((s) => ({ runner: 'unit', ...s })));
    if (unit.status !== 0 && c.failed === 0) failed++;
  } else {
    console.log(`unit: no results (exit ${unit.status ?? unit.signal})`);
    failed++;
  }
}

if (!unitOnly) {
  const build = step('build (dist, bundle, manifest)', process.execPath, ['scripts/build.mjs']);
  if (build.status !== 0) {
    failed++;
    finish();
  }
  const size = step('bundle budgets', process.execPath, ['scripts/size.mjs']);
  if (size.status === 0) passed++;
  else failed++;
  const pack = step('npm package (file list and size)', process.execPath, ['scripts/pack-check.mjs']);
  if (pack.status === 0) passed++;
  else failed++;
  if (wanted.includes('chromium')) {
    const consumerCounts = join(tmpdir(), `consumer-counts-${process.pid}.json`);
    rmSync(consumerCounts, { force: true });
    const consumer = step('consumer apps (npm ci --offline of the package; React 18 and 19, Vue types, script tag)', process.execPath, ['scripts/consumer-check.mjs'], {
      CONSUMER_COUNTS: consumerCounts,
    });
    const c = readCounts(consumerCounts);
    if (c) {
      passed += c.passed;
      failed += c.failed;
      if (consumer.status !== 0 && c.failed === 0) failed++;
    } else failed++;
  }
  const counts = join(tmpdir(), `wtr-counts-${process.pid}.json`);
  rmSync(counts, { force: true });
  const wtr = step(`browser tests (${wanted.join(', ')})`, bin('wtr'), ['--config', 'web-test-runner.config.mjs'], { WTR_COUNTS: counts, CI: 'true' });
  const byBrowser = readCounts(counts);
  if (byBrowser && Object.keys(byBrowser).length) {
    for (const [name, c] of Object.entries(byBrowser)) {
      console.log(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
      passed += c.passed;
      failed += c.failed;
      skips.push(...(c.skips ?? []).map((s) => ({ runner: name, ...s })));
    }
    // A browser that never reported (it did not start) is a failure too.
    const expected = wanted.filter((b) => ENGINES.includes(b)).length;
    const silent = Math.max(0, expected - Object.keys(byBrowser).length);
    if (silent) console.log(`${silent} browser(s) gave no results`);
    failed += silent;
    if (wtr.status !== 0 && silent === 0 && Object.values(byBrowser).every((c) => c.failed === 0)) failed++;
  } else {
    console.log(`browser tests: no results (exit ${wtr.status ?? wtr.signal})`);
    failed++;
  }
}
finish();
