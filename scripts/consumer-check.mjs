// The package as a consumer gets it (after the build): `npm pack`, installed with `npm ci
// --offline` into fresh apps in a temporary folder, one with React 18 and one with React 19
// (test/consumer/react18, test/consumer/react19: their exact versions). Nothing is downloaded:
// each app's lockfile is written from this project's, whose packages `npm ci` has cached. Then:
//   - tsc type-checks test/consumer/app (the wrappers, the tags under React's JSX, the imported
//     JSON as an Incident, the Vue types) against each React's types, declaration files included;
//   - esbuild bundles the app, and Chromium renders it: the AIIMS story drawn through the
//     wrappers, `onAttackLoad` and `onAttackSelect` reaching React's state, and the tag written
//     directly (React 19: `incident` as a property, `onattack-select`; React 18: `src`);
//   - a plain page loads the script-tag bundle from node_modules/attack-timeline under the
//     strict CSP and Trusted Types, and the story draws with its map.
// Prints one line per check ("ok  " or "FAIL"); exits 1 on any failure. With CONSUMER_COUNTS=FILE,
// also writes the counts there as JSON ({ passed, failed }).
/* global document -- in the functions run in the page */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensureLintTools } from '../tools/lint/install.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './browsers.mjs';
import { handler } from './serve.mjs';

const project = resolve(new URL('..', import.meta.url).pathname);
const bin = (name) => join(project, 'node_modules/.bin', name);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
};
const run = (cmd, args, cwd) => {
  try {
    return { ok: true, out: execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message };
  }
};

const incident = JSON.parse(readFileSync(join(project, 'examples/data/aiims-delhi-2022.json'), 'utf8'));
const REGISTRY = 'https://registry.npmjs.org/';
const rootLock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')).packages;

/** Where Node would find `name` from the package at lockfile path `from` in this project. */
function locate(from, name) {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (rootLock[key] && !rootLock[key].link) return key;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut >= 0 ? dir.slice(0, cut) : dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}

/**
 * A lockfile for an app whose dependencies are `deps` (name → lockfile path in this project,
 * or an entry of its own), in that order: each package with its dependencies and required peer
 * dependencies, placed as npm would (at the top unless another version is already what Node
 * would find there, else beside the package that needs it).
 */
function lockFor(deps) {
  const packages = { '': { name: 'consumer', version: '1.0.0', dependencies: {} } };
  const source = new Map();
  /** What Node would find for `name` from the app's folder `under`: [path, key] or undefined. */
  const found = (under, name) => {
    for (let dir = under; ;) {
      const at = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (source.has(at)) return [at, source.get(at)];
      if (!dir) return undefined;
      const cut = dir.lastIndexOf('/node_modules/');
      dir = cut >= 0 ? dir.slice(0, cut) : '';
    }
  };
  const place = (name, key, entry, under) => {
    const seen = found(under, name);
    if (seen && seen[1] === key) return;
    // Free at the top: there. Taken by another version: next to the package that needs it.
    const at = seen ? `${under}/node_modules/${name}` : `node_modules/${name}`;
    source.set(at, key);
    const kept = Object.fromEntries(Object.entries(entry).filter(([k]) => !['dev', 'devOptional', 'peer', 'link'].includes(k)));
    // This project's lockfile may leave registry addresses out (omit-lockfile-registry-resolved):
    // the app's names them, so npm finds each tarball in its cache by integrity, not by a lookup.
    if (!kept.resolved && key !== '') {
      const real = kept.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
      kept.resolved = `${REGISTRY}${real}/-/${real.slice(real.lastIndexOf('/') + 1)}-${kept.version}.tgz`;
    }
    packages[at] = kept;
    const needs = [
      ...Object.keys(entry.dependencies ?? {}).map((d) => [d, false]),
      ...Object.keys(entry.optionalDependencies ?? {}).map((d) => [d, true]),
      ...Object.keys(entry.peerDependencies ?? {})
        .filter((d) => !entry.peerDependenciesMeta?.[d]?.optional)
        .map((d) => [d, false]),
    ];
    for (const [dep, optional] of needs) {
      const depKey = locate(key, dep);
      if (!depKey) {
        if (optional) continue;
        throw new Error(`${name} needs ${dep}, which this project's lockfile lacks`);
      }
      place(dep, depKey, rootLock[depKey], at);
    }
  };
  for (const [name, spec] of Object.entries(deps)) {
    const entry = typeof spec === 'string' ? rootLock[spec] : spec.entry;
    packages[''].dependencies[name] = typeof spec === 'string' ? entry.version : spec.range;
    place(name, typeof spec === 'string' ? spec : spec.key, entry, '');
  }
  return { name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

// TypeScript 5 (the lint tools' own) checks the app too.
ensureLintTools();
const work = mkdtempSync(join(tmpdir(), 'attack-consumer-'));
let browser;
let server;
try {
  // The package, as npm would publish it (the build is done: no scripts).
  const packed = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], project);
  if (!packed.ok) throw new Error(`npm pack failed: ${packed.out}`);
  const [{ filename }] = JSON.parse(packed.out);
  const tarball = join(work, filename);
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  const ours = {
    range: `file:../${filename}`,
    key: '',
    entry: {
      version: pkg.version,
      resolved: `file:../${filename}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      license: pkg.license,
      bin: pkg.bin,
      dependencies: pkg.dependencies,
      peerDependencies: pkg.peerDependencies,
      peerDependenciesMeta: pkg.peerDependenciesMeta,
    },
  };

  // A page without React gets neither React nor its types.
  const alone = Object.keys(lockFor({ 'attack-timeline': ours }).packages).filter((k) => /node_modules\/(react|react-dom|@types\/react|@lit\/react)$/.test(k));
  check('the package alone installs no React, React types or @lit/react', alone.length === 0, alone.join(', '));

  const apps = [];
  for (const react of ['react18', 'react19']) {
    const fixture = `test/consumer/${react}`;
    const wanted = JSON.parse(readFileSync(join(project, fixture, 'package.json'), 'utf8')).dependencies;
    const deps = {};
    for (const name of Object.keys(wanted)) deps[name] = locate(fixture, name);
    deps.vue = locate('', 'vue');
    deps['attack-timeline'] = ours;
    const dir = join(work, react);
    cpSync(join(project, 'test/consumer/app'), dir, { recursive: true });
    cpSync(join(project, 'examples/data/aiims-delhi-2022.json'), join(dir, 'aiims.json'));
    const lock = lockFor(deps);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module', dependencies: lock.packages[''].dependencies }, null, 2),
    );
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
    const installed = run(npm, ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
    check(
      `${react}: npm ci --offline of the packed package`,
      installed.ok,
      installed.ok ? `${Object.keys(lock.packages).length - 1} packages` : installed.out.split('\n').slice(0, 6).join(' | '),
    );
    if (!installed.ok) continue;
    const version = JSON.parse(readFileSync(join(dir, 'node_modules/react/package.json'), 'utf8')).version;
    const typed = run(bin('tsc'), ['-p', 'tsconfig.json'], dir);
    check(`${react}: tsc of a TSX app (wrappers, tags, imported JSON) and the Vue types, React ${version}'s types`, typed.ok, typed.ok ? '' : `\n${typed.out}`);
    // TypeScript 5 with the older "node" resolution finds the subpath types through typesVersions.
    writeFileSync(
      join(dir, 'tsconfig.node10.json'),
      JSON.stringify({ extends: './tsconfig.json', compilerOptions: { moduleResolution: 'node10', esModuleInterop: true, ignoreDeprecations: '5.0' } }),
    );
    const ts5 = join(project, 'tools/lint/node_modules/.bin/tsc');
    const typed5 = run(ts5, ['-p', 'tsconfig.node10.json'], dir);
    check(
      `${react}: TypeScript ${JSON.parse(readFileSync(join(project, 'tools/lint/node_modules/typescript/package.json'), 'utf8')).version} with moduleResolution node10 checks the same app`,
      typed5.ok,
      typed5.ok ? '' : `\n${typed5.out}`,
    );
    // Server rendering: the wrapper renders the tag and its fallback, with no warning.
    writeFileSync(
      join(dir, 'ssr.mjs'),
      [
        "import { createElement } from 'react';",
        "import { renderToString } from 'react-dom/server';",
        "import { AttackStory } from 'attack-timeline/react';",
        'const said = [];',
        'console.error = console.warn = (...a) => said.push(a.join(" "));',
        "const html = renderToString(createElement(AttackStory, { src: 'aiims.json' }, createElement('h2', null, 'AIIMS fallback')));",
        'process.stdout.write(JSON.stringify({ html, said }));',
      ].join('\n'),
    );
    const ssr = run(process.execPath, ['ssr.mjs'], dir);
    const rendered = ssr.ok ? JSON.parse(ssr.out) : { html: '', said: [ssr.out] };
    check(
      `${react}: renderToString renders <AttackStory> with its fallback, without warnings`,
      rendered.html.startsWith('<attack-story') && rendered.html.includes('<h2>AIIMS fallback</h2>') && rendered.said.length === 0,
      rendered.said.join(' | ') || rendered.html,
    );
    const bundled = run(
      bin('esbuild'),
      ['app.tsx', '--bundle', '--format=esm', '--jsx=automatic', '--define:process.env.NODE_ENV="production"', '--log-level=error', '--outfile=app.js'],
      dir,
    );
    check(`${react}: esbuild bundles the app`, bundled.ok, bundled.ok ? '' : bundled.out);
    if (bundled.ok) apps.push({ react, version });
  }

  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium found');
  server = createServer(handler({ root: work }));
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });

  /** Opens a page; returns it with its console errors and failed requests. */
  const open = async (path) => {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('requestfailed', (r) => problems.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.url()}: ${r.status()}`));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${origin}/${path}`);
    return { page, problems };
  };
  /** Waits until the element with `id` has drawn its events (and, for a story, its map's places). */
  const drawn = (page, id, { map = true } = {}) =>
    page
      .waitForFunction(
        (id, map) => {
          const host = document.getElementById(id);
          const parts = host?.localName === 'attack-story' ? [...(host.shadowRoot?.querySelectorAll('attack-timeline, attack-map') ?? [])] : [host];
          const count = (sel) => parts.reduce((n, p) => n + (p?.shadowRoot?.querySelectorAll(sel).length ?? 0), 0);
          return count('[data-event-id]') >= 10 && (!map || host.localName !== 'attack-story' || count('[data-place-id]') >= 2) && count('[role="alert"]:not(:empty)') === 0;
        },
        { timeout: 15000 },
        id,
        map,
      )
      .then(
        () => true,
        () => false,
      );
  /** Chooses the timeline's second event in the element with `id` as a reader does (focus, Enter); returns its id. */
  const choose = async (page, id) => {
    const mark = await page.evaluateHandle((id) => {
      const host = document.getElementById(id);
      const timeline = host.localName === 'attack-story' ? host.shadowRoot.querySelector('attack-timeline') : host;
      return timeline.shadowRoot.querySelectorAll('[data-event-id]')[1];
    }, id);
    const eventId = await mark.evaluate((m) => m.getAttribute('data-event-id'));
    await mark.evaluate((m) => m.focus());
    await page.keyboard.press('Enter');
    return eventId;
  };
  const text = (page, id) => page.$eval(`#${id}`, (o) => o.textContent);

  for (const { react, version } of apps) {
    const { page, problems } = await open(`${react}/react.html`);
    const ok = await drawn(page, 'wrapped');
    check(`${react}: React ${version} renders the AIIMS story through <AttackStory incident={json}>`, ok, ok ? '' : problems.join(' | ') || (await text(page, 'errors')));
    const title = await page
      .waitForFunction(() => document.getElementById('loaded').textContent !== '', { timeout: 5000 })
      .then(
        () => text(page, 'loaded'),
        () => '',
      );
    check(`${react}: onAttackLoad gives React the incident`, title === incident.title, JSON.stringify(title));
    if (ok) {
      const chosen = await choose(page, 'wrapped');
      const seen = await page
        .waitForFunction((v) => document.getElementById('selected').textContent === v, { timeout: 5000 }, chosen)
        .then(
          () => true,
          () => false,
        );
      check(`${react}: onAttackSelect gives React the reader's choice`, seen, `${chosen} → ${JSON.stringify(await text(page, 'selected'))}`);
    }
    const raw = await drawn(page, 'raw', { map: false });
    if (react === 'react19') {
      check(`${react}: <attack-story incident={json}> written directly renders`, raw, raw ? '' : problems.join(' | '));
      if (raw) {
        const chosen = await choose(page, 'raw');
        const seen = await page
          .waitForFunction((v) => document.getElementById('raw-selected').textContent === v, { timeout: 5000 }, chosen)
          .then(
            () => true,
            () => false,
          );
        check(`${react}: onattack-select on the tag reaches React`, seen, chosen);
      }
    } else {
      check(`${react}: <attack-timeline src> written directly renders`, raw, raw ? '' : problems.join(' | '));
    }
    check(`${react}: no console errors or failed requests`, problems.length === 0, problems.join(' | '));
    await page.close();
  }

  // The script-tag bundle, from the installed package, on a page with the strict CSP.
  const plainDir = apps[0]?.react ?? 'react19';
  const { page, problems } = await open(`${plainDir}/plain.html`);
  const ok = await drawn(page, 'plain');
  check('plain page: the script-tag bundle from node_modules/attack-timeline draws the story and its map', ok, ok ? '' : problems.join(' | '));
  check('plain page: no console errors or failed requests', problems.length === 0, problems.join(' | '));
} catch (e) {
  check('consumer check', false, e.message);
} finally {
  await browser?.close();
  server?.close();
  if (!process.env.KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
const failed = results.filter((r) => !r).length;
// For scripts/test.mjs: the counts, as data.
if (process.env.CONSUMER_COUNTS) writeFileSync(process.env.CONSUMER_COUNTS, JSON.stringify({ passed: results.length - failed, failed }));
console.log(`${failed ? 'FAIL' : 'ok  '} consumer apps: ${results.length - failed} of ${results.length} checks passed`);
process.exit(failed ? 1 : 0);
