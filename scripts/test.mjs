// npm test: type-check and compile, build, unit tests (Node), browser tests (Chromium and
// Firefox ESR). Ends with one line "N passed, N failed" totalled over every runner.
// Flags: --unit (unit tests only), --browser (browser tests only). BROWSERS=chromium|firefox.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, firefoxPath, INSTALL_HINT } from './browsers.mjs';

const args = new Set(process.argv.slice(2));
const unitOnly = args.has('--unit');
const browserOnly = args.has('--browser');
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
let passed = 0;
let failed = 0;

function step(name, cmd, cmdArgs, env = {}) {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  return r;
}

function finish() {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

// Browsers first: a missing one fails at once with the fix.
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');
if (!unitOnly) {
  const missing = [wanted.includes('chromium') && !chromiumPath() && 'chromium', wanted.includes('firefox') && !firefoxPath() && 'firefox-esr'].filter(Boolean);
  if (missing.length) {
    console.error(`No ${missing.join(' or ')} found. Install the browsers the tests run in: ${INSTALL_HINT}`);
    process.exit(1);
  }
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
  const unit = step('unit tests (model, layout)', process.execPath, ['--test', '--test-reporter=spec', ...files], { TZ: 'America/Los_Angeles' });
  const text = unit.stdout ?? '';
  const pass = Number(/ℹ pass (\d+)/.exec(text)?.[1] ?? /# pass (\d+)/.exec(text)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(text)?.[1] ?? /# fail (\d+)/.exec(text)?.[1] ?? 0);
  passed += pass;
  failed += fail + (unit.status !== 0 && fail === 0 ? 1 : 0);
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
  const counts = join(tmpdir(), `wtr-counts-${process.pid}.json`);
  rmSync(counts, { force: true });
  const wtr = step(`browser tests (${wanted.join(', ')})`, bin('wtr'), ['--config', 'web-test-runner.config.mjs'], { WTR_COUNTS: counts, CI: 'true' });
  if (existsSync(counts)) {
    const byBrowser = JSON.parse(readFileSync(counts, 'utf8'));
    for (const [name, c] of Object.entries(byBrowser)) {
      console.log(`${name}: ${c.passed} passed, ${c.failed} failed`);
      passed += c.passed;
      failed += c.failed;
    }
    if (wtr.status !== 0 && Object.values(byBrowser).every((c) => c.failed === 0)) failed++;
    rmSync(counts, { force: true });
  } else {
    failed++;
  }
}
finish();
