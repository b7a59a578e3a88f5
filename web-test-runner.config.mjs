// Browser tests in Debian's Chromium, Firefox ESR and WebKitGTK (no downloaded browsers), run
// with the browsers' time zone set to America/Los_Angeles so tests prove dates follow the
// incident's zone, not the reader's. BROWSERS=chromium, firefox or webkit (or a comma-separated
// list) runs those engines. Chromium and Firefox run every browser test; WebKit runs
// WEBKIT_FILES (a group of its own, `--group webkit`), or the files given with --files.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import { Readable } from 'node:stream';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath, INSTALL_HINT, miniBrowserPath, startWebKitDriver } from './scripts/browsers.mjs';

const env = { ...process.env, TZ: 'America/Los_Angeles' };
const wanted = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',');

/** WebDriver's codes for the named keys the tests press (the puppeteer names). */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};
const webdriverKey = (key) => {
  const code = WEBDRIVER_KEYS[key] ?? ([...key].length === 1 ? key : undefined);
  if (code === undefined) throw new Error(`send-keys: no WebDriver code for the key "${key}"`);
  return code;
};

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver. The driver and the Xvfb it draws into are
 * started when the runner initialises the browser (a free display, a free 127.0.0.1 port) and
 * killed when it stops or this process exits. MiniBrowser inherits the driver's environment,
 * so the time zone too. WebDriver classic: webdriverio would otherwise ask for BiDi, which
 * WebKitWebDriver refuses ("Failed to match capabilities"). One window, one test file at a
 * time (concurrency 1).
 *
 * Keys go through one WebDriver key source, so a key held down with sendKeys({ down }) stays
 * down for the next press (Shift + Tab), as in Chromium and Firefox.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({
      hostname: '127.0.0.1',
      path: '/',
      logLevel: 'error',
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      },
    });
  }
  async initialize(config, testFiles) {
    if (!miniBrowserPath()) throw new Error(`No MiniBrowser found (libwebkit2gtk-4.1-0). Install: ${INSTALL_HINT}`);
    this.driverProcess = await startWebKitDriver(env);
    this.options.port = this.driverProcess.port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }
  async stop() {
    await super.stop();
    this.driverProcess?.stop();
  }
  keyActions(actions) {
    if (!this.driver) throw new Error('Not initialized');
    return this.driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
  }
  /** press and type, from the runner's send-keys command. */
  sendKeys(_, keys) {
    return this.keyActions(
      keys.flatMap((key) => [
        { type: 'keyDown', value: webdriverKey(key) },
        { type: 'keyUp', value: webdriverKey(key) },
      ]),
    );
  }
  /** down and up, which the runner's send-keys command has no WebDriver path for. */
  holdKey(key, down) {
    return this.keyActions([{ type: down ? 'keyDown' : 'keyUp', value: webdriverKey(key) }]);
  }
}

/**
 * sendKeys({ down }) and sendKeys({ up }) in WebKit. The runner's own send-keys command answers
 * first and throws for WebDriver browsers ('Only "press" and "type" are supported'), so this
 * wraps it, once the server starts, for WebKit sessions only.
 */
function webkitKeyHolding() {
  return {
    name: 'webkit-key-holding',
    serverStart({ config }) {
      const sendKeys = config.plugins.find((p) => p.name === 'send-keys-command');
      if (!sendKeys?.executeCommand) throw new Error('webkit-key-holding: no send-keys-command plugin to wrap');
      const original = sendKeys.executeCommand.bind(sendKeys);
      sendKeys.executeCommand = async (args) => {
        const { command, payload, session } = args;
        if (command === 'send-keys' && session.browser instanceof WebKitLauncher && payload && typeof payload === 'object') {
          if (typeof payload.down === 'string' && Object.keys(payload).length === 1) return (await session.browser.holdKey(payload.down, true), true);
          if (typeof payload.up === 'string' && Object.keys(payload).length === 1) return (await session.browser.holdKey(payload.up, false), true);
        }
        return original(args);
      };
    },
  };
}

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
const webkit = wanted.includes('webkit') ? new WebKitLauncher() : null;

const ALL_FILES = ['build/src/**/*.test.js', 'build/test/hardening/**/*.test.js', 'build/test/browser/**/*.test.js'];
/**
 * What WebKit runs: the three elements' rendering and keyboard tests and the hardening tests
 * (strict CSP with Trusted Types, the XSS corpus, hostile pages, page timers). The rest of
 * test/browser and the other src tests run in Chromium and Firefox only.
 */
export const WEBKIT_FILES = ['build/src/components/*/*.test.js', 'build/test/hardening/**/*.test.js'];
/** Files named on the command line (--files) run in every wanted engine, WebKit too. */
const filesOnCommandLine = process.argv.some((a) => a === '--files' || a.startsWith('--files='));
let files = ALL_FILES;
let groups;
if (webkit) {
  if (filesOnCommandLine) browsers.push(webkit);
  else if (browsers.length === 0) {
    browsers.push(webkit);
    files = WEBKIT_FILES;
  } else groups = [{ name: 'webkit', files: WEBKIT_FILES, browsers: [webkit] }];
}

/** Endpoints for loading tests: each answers the way a broken or hostile server would. */
async function testApi(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const incident = (title) =>
    JSON.stringify({ version: 1, title, timeZone: 'Asia/Kolkata', events: [{ id: 'a', title: 'Only event', start: '2022-11-23', status: 'confirmed', sources: [] }] });
  switch (ctx.path) {
    // Gone, not 404: the runner reports every 404 a test page causes as a problem, and this
    // one is on purpose (the element's message names whatever status the server gives).
    case '/test-api/gone':
      ctx.status = 410;
      ctx.body = 'Gone';
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
 * `emulate-forced-colors` for tests: Chromium through CDP. Firefox over WebDriver BiDi and
 * WebKit over WebDriver classic have no such emulation, so the command answers false there and
 * the test is skipped.
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

/** Why each skipped test skipped, told by test/browser/helpers.ts's skipBecause: browser, file and name → reason. */
const skipReasons = new Map();
const skipKey = (browser, file, name) => `${browser}\n${file}\n${name}`;

function skipReasonPlugin() {
  return {
    name: 'skip-reason',
    executeCommand({ command, payload, session }) {
      if (command !== 'skip-reason') return undefined;
      skipReasons.set(skipKey(session.browser.name, relative(process.cwd(), session.testFile), payload.test.join(' › ')), payload.reason);
      return true;
    },
  };
}

/**
 * Writes counts per browser for scripts/test.mjs to total: `{ [browser]: { passed, failed,
 * skipped, skips: [{ file, name, reason }] } }`, taken from the sessions' results.
 */
function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = {};
      const walk = (suite, c, testFile, names, browser = '') => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) {
            const name = [...names, t.name].join(' › ');
            c.skipped++;
            c.skips.push({ file: testFile, name, reason: skipReasons.get(skipKey(browser, testFile, name)) ?? '' });
          } else if (t.passed) c.passed++;
          else c.failed++;
        }
        for (const s of suite?.suites ?? []) walk(s, c, testFile, [...names, s.name], browser);
      };
      for (const s of sessions) {
        const c = (counts[s.browser.name] ??= { passed: 0, failed: 0, skipped: 0, skips: [] });
        walk(s.testResults, c, relative(process.cwd(), s.testFile), [], s.browser.name);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) c.failed++;
      }
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}

/**
 * Firefox over WebDriver BiDi and WebKit over WebDriver classic cannot emulate media:
 * `emulateMedia` rejects and the tests that need it skip themselves, with the reason npm test's
 * summary lists. The runner would also log a stack trace for each, which reads as a failure:
 * those two errors are not logged. Every other error is logged as it was.
 */
function quietUnsupportedEmulation() {
  return {
    name: 'quiet-unsupported-emulation',
    serverStart({ logger }) {
      const error = logger.error.bind(logger);
      logger.error = (...messages) => {
        const [e] = messages;
        if (messages.length === 1 && e instanceof Error && e.name === 'UnsupportedOperation') {
          return undefined;
        }
        // @web/test-runner-commands' emulate-media throws this (sic: "viewport") for WebDriver.
        if (messages.length === 1 && e instanceof Error && /not supported for browser type webdriver/.test(e.message) && /emulateMediaPlugin/.test(e.stack ?? '')) {
          return undefined;
        }
        return error(...messages);
      };
    },
  };
}

export default {
  rootDir: '.',
  files,
  ...(groups ? { groups } : {}),
  nodeResolve: { exportConditions: ['production'] },
  browsers,
  concurrency: 1,
  // Two engines at a time on a 2-core machine: WebKit starts when Chromium or Firefox is done.
  concurrentBrowsers: 2,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [testApi],
  plugins: [forcedColorsPlugin(), skipReasonPlugin(), quietUnsupportedEmulation(), webkitKeyHolding()],
  reporters: [defaultReporter(), ...(process.env.WTR_COUNTS ? [countingReporter(process.env.WTR_COUNTS)] : [])],
};
