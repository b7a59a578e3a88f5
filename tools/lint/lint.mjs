// npm run lint: ESLint (eslint.config.mjs), lit-analyzer (template bindings) and Prettier in check
// mode, from the repository root; exits 1 if any of them finds something.
// npm run format (--fix): Prettier --write, then ESLint --fix; reports what is left. Check the
// result with the type-check: a fix of @typescript-eslint/no-unnecessary-type-assertion can drop
// an assertion that only adds optional properties (typescript-eslint counts it as no change).
// The tools are this folder's (their own TypeScript 5: the root's TypeScript 7 has no JavaScript
// API); they are installed first if missing.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureLintTools } from './install.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`./node_modules/.bin/${name}`, import.meta.url));
const fix = process.argv.includes('--fix');
const color = process.stdout.isTTY ? ['--color'] : [];

/** What ESLint lints: the sources and tests, the Node scripts, the examples' page scripts and the lint files. */
const ESLINT_FILES = ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs', 'examples/*.js', 'eslint.config.mjs', 'tools/lint/*.mjs'];

const LIT_ANALYZER = [
  'src/components/**/*.ts',
  '--strict',
  // A warning fails the check too (lit-analyzer alone exits 1 only on errors).
  '--maxWarnings',
  '0',
  // Wrong here: each element's class module leaves registering to its *.define.ts module
  // (the entry points, listed in sideEffects), so the story's template uses <attack-timeline>
  // and <attack-map> without importing where they are defined; attack-story.define.ts does.
  '--rules.no-missing-import',
  'off',
  // Wrong here: its CSS data (vscode-css-languageservice 4.3) predates container queries and
  // the SVG geometry properties, so it reports @container, container-type and rx as unknown.
  '--rules.no-invalid-css',
  'off',
  ...(process.stdout.isTTY ? [] : ['--noColor']),
];

/** Runs a tool from the root, its output kept until it ends so parallel runs do not interleave. */
function run(name, cmd, args) {
  return new Promise((resolve) => {
    const out = [];
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (error) => resolve({ name, status: null, output: `${error.message}\n` }));
    child.on('close', (status, signal) => resolve({ name, status: status ?? signal, output: Buffer.concat(out).toString() }));
  });
}

function report(results) {
  for (const r of results) {
    console.log(`\n-- ${r.name}${r.status === 0 ? ': ok' : `: failed (exit ${r.status})`}`);
    if (r.output.trim()) process.stdout.write(r.output.endsWith('\n') ? r.output : `${r.output}\n`);
  }
  const failed = results.filter((r) => r.status !== 0).map((r) => r.name);
  console.log(failed.length ? `\nlint: ${failed.join(', ')} found problems` : '\nlint: ok');
  process.exitCode = failed.length ? 1 : 0;
}

if (!ensureLintTools()) process.exit(1);

if (fix) {
  // Prettier first, so the lines ESLint reports are those of the formatted code; Prettier again
  // for the lines ESLint's fixes changed. What ESLint could not fix is left, with its exit code.
  const results = [];
  results.push(await run('prettier --write', bin('prettier'), ['--write', '--log-level', 'warn', ...color, '.']));
  results.push(await run('eslint --fix', bin('eslint'), ['--fix', ...color, ...ESLINT_FILES]));
  results.push(await run('prettier --write (after the fixes)', bin('prettier'), ['--write', '--log-level', 'warn', ...color, '.']));
  report(results);
} else {
  // ESLint and lit-analyzer each build a TypeScript program: run them side by side.
  report(
    await Promise.all([
      run('eslint', bin('eslint'), [...color, ...ESLINT_FILES]),
      run('lit-analyzer', bin('lit-analyzer'), LIT_ANALYZER),
      run('prettier --check', bin('prettier'), ['--check', ...color, '.']),
    ]),
  );
}
