// Installs the lint tools (this folder's package-lock.json) when tools/lint/node_modules is
// missing or was installed from another lock file. The root's postinstall does the same, but
// the root .npmrc sets ignore-scripts=true, so `npm ci` at the root skips it: scripts/test.mjs
// and tools/lint/lint.mjs call this first instead.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const here = new URL('./', import.meta.url);

/** name → version of every package in a lock file (npm writes node_modules/.package-lock.json alike). */
function versions(file) {
  try {
    const lock = JSON.parse(readFileSync(new URL(file, here), 'utf8'));
    return JSON.stringify(
      Object.entries(lock.packages ?? {})
        .filter(([path]) => path !== '')
        .map(([path, p]) => [path, p.version])
        .sort(),
    );
  } catch {
    return undefined;
  }
}

/** True when node_modules holds exactly what package-lock.json lists. */
export function lintToolsInstalled() {
  const installed = versions('node_modules/.package-lock.json');
  return installed !== undefined && installed === versions('package-lock.json');
}

/** Installs the tools unless they are there; returns false (having printed why) if npm ci failed. */
export function ensureLintTools() {
  if (lintToolsInstalled()) return true;
  console.log('Installing the lint tools: npm ci --prefix tools/lint');
  const r = spawnSync('npm', ['ci', '--prefix', new URL('.', here).pathname, '--no-audit', '--no-fund'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status === 0) return true;
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  console.error(`npm ci in tools/lint failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
  return false;
}
