// Browser tests in Debian's Chromium and Firefox ESR (no downloaded browsers), run with the
// browsers' time zone set to America/Los_Angeles so tests prove dates follow the incident's
// zone, not the reader's. BROWSERS=chromium or BROWSERS=firefox runs one engine.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import { Readable } from 'node:stream';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath } from './scripts/browsers.mjs';

const env = { ...process.env, TZ: 'America/Los_Angeles' };
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');
const browsers = [];
if (wanted.includes('chromium')) {
  // --expose-gc and precise memory info let the leak test force a collection and weigh the heap.
  browsers.push(
    chromeLauncher({ launchOptions: { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'], env } }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefoxPath(), headless: true, env } }));
}

/** Endpoints for loading tests: each answers the way a broken or hostile server would. */
async function testApi(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const incident = (title) =>
    JSON.stringify({ version: 1, title, timeZone: 'Asia/Kolkata', events: [{ id: 'a', title: 'Only event', start: '2022-11-23', status: 'confirmed', sources: [] }] });
  switch (ctx.path) {
    case '/test-api/missing':
      ctx.status = 404;
      ctx.body = 'Not found';
      return;
    case '/test-api/not-json':
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Login</title><p>Please sign in';
      return;
    case '/test-api/big-declared':
      ctx.type = 'application/json';
      ctx.body = ' '.repeat(6_000_000);
      return;
    case '/test-api/big-chunked': {
      // No Content-Length: the size cap must count the streamed bytes.
      let sent = 0;
      ctx.type = 'application/json';
      ctx.body = new Readable({
        read() {
          if (sent >= 50) return this.push(null);
          sent++;
          this.push(' '.repeat(100_000));
        },
      });
      return;
    }
    case '/test-api/huge-chunked': {
      // 60 MB, no Content-Length, read lazily: stops when the client gives up.
      let sent = 0;
      ctx.type = 'application/json';
      ctx.body = new Readable({
        read() {
          if (sent >= 600) return this.push(null);
          sent++;
          this.push(' '.repeat(100_000));
        },
      });
      return;
    }
    case '/test-api/typed':
      // A valid incident (or, with ?csv, our CSV template) served as ?type=…; no ?type: no Content-Type.
      ctx.body = 'csv' in ctx.query ? 'id,start,title\na,2022-11-23,Only event\n' : incident(`Served as ${ctx.query.type ?? 'nothing'}`);
      if (ctx.query.type) ctx.set('Content-Type', String(ctx.query.type));
      else ctx.remove('Content-Type');
      return;
    case '/test-api/hang':
      await new Promise((resolve) => {
        ctx.req.on('close', resolve);
        setTimeout(resolve, 20_000);
      });
      ctx.status = 204;
      return;
    case '/test-api/cookie':
      ctx.type = 'application/json';
      ctx.body = incident(ctx.get('cookie') ? 'cookie sent' : 'no cookie');
      return;
    case '/test-api/boundaries.geojson':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [80, 20],
                [100, 30],
                [110, 25],
              ],
            },
          },
        ],
      });
      return;
    case '/test-api/boundaries.topojson':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({
        type: 'Topology',
        objects: { lines: { type: 'GeometryCollection', geometries: [{ type: 'LineString', arcs: [0] }] } },
        arcs: [
          [
            [80, 20],
            [100, 30],
            [110, 25],
          ],
        ],
      });
      return;
    case '/test-api/not-geo':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ hello: 'world' });
      return;
    case '/test-api/hostile.json': {
      const { hostileIncident } = await import('./build/test/browser/corpus.js');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(hostileIncident());
      return;
    }
    case '/test-api/slow-ok':
      await new Promise((resolve) => setTimeout(resolve, 400));
      ctx.type = 'application/json';
      ctx.body = incident('Slow but fine');
      return;
    default:
      ctx.status = 404;
  }
}

/**
 * `emulate-forced-colors` for tests: Chromium through CDP. Firefox over WebDriver BiDi has no
 * such emulation, so the command answers false there and the test is skipped.
 */
function forcedColorsPlugin() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page || session.browser.name !== 'Chrome') return false;
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return true;
    },
  };
}

/**
 * Writes counts per browser for scripts/test.mjs to total: `{ [browser]: { passed, failed,
 * skipped, skips: [{ file, name }] } }`, taken from the sessions' results.
 */
function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = {};
      const walk = (suite, c, testFile, names) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) {
            c.skipped++;
            c.skips.push({ file: testFile, name: [...names, t.name].join(' › ') });
          } else if (t.passed) c.passed++;
          else c.failed++;
        }
        for (const s of suite?.suites ?? []) walk(s, c, testFile, [...names, s.name]);
      };
      for (const s of sessions) {
        const c = (counts[s.browser.name] ??= { passed: 0, failed: 0, skipped: 0, skips: [] });
        walk(s.testResults, c, relative(process.cwd(), s.testFile), []);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) c.failed++;
      }
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}

/**
 * Firefox over WebDriver BiDi cannot emulate media: `emulateMedia` rejects and the tests that
 * need it skip themselves. The runner would also log puppeteer's stack trace for each; log one
 * line instead. Every other error is logged as it was.
 */
function quietUnsupportedEmulation() {
  return {
    name: 'quiet-unsupported-emulation',
    serverStart({ logger }) {
      const error = logger.error.bind(logger);
      logger.error = (...messages) => {
        const [e] = messages;
        if (messages.length === 1 && e instanceof Error && e.name === 'UnsupportedOperation') {
          return logger.log(`emulate-media: ${e.message.split('\n')[0]} (the test skips itself)`);
        }
        return error(...messages);
      };
    },
  };
}

export default {
  rootDir: '.',
  files: ['build/src/**/*.test.js', 'build/test/hardening/**/*.test.js', 'build/test/browser/**/*.test.js'],
  nodeResolve: { exportConditions: ['production'] },
  browsers,
  concurrency: 1,
  concurrentBrowsers: 2,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [testApi],
  plugins: [forcedColorsPlugin(), quietUnsupportedEmulation()],
  reporters: [defaultReporter(), ...(process.env.WTR_COUNTS ? [countingReporter(process.env.WTR_COUNTS)] : [])],
};
