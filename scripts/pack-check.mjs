// The npm package as `npm pack` would make it (after the build; scripts are not run again):
// what a consumer loads is in it (ESM and types for every export, the script-tag bundle and
// its chunks, the schema, the manifest, the iframe embed files, README, LICENSE), and what no
// consumer loads is not (source maps, whose sources are not shipped, the editor page's
// bundle, tests, TypeScript sources). Prints the file count and sizes; exits 1 on any problem.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const PACKED_BUDGET = 800 * 1024;
const UNPACKED_BUDGET = 2.5 * 1024 * 1024;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = new Set(pack.files.map((f) => f.path));
const problems = [];

// Every export's files, read from package.json, and the rest a consumer needs.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
const required = [
  ...targets.map((t) => t.replace(/^\.\//, '')),
  pkg.main,
  pkg.types,
  pkg.bin['attack-timeline'],
  'LICENSE',
  'README.md',
  'package.json',
  'examples/embed.html',
  'examples/embed.js',
  'examples/embed-parent.js',
];
for (const f of required) if (!files.has(f)) problems.push(`missing: ${f}`);
// The script-tag bundle's chunks: every file it (or a chunk) imports by relative path.
const seen = new Set();
const follow = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  if (!files.has(file)) return void problems.push(`missing: ${file} (loaded by the bundle)`);
  const code = readFileSync(file, 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  for (const [, rel] of code.matchAll(/["'](\.{1,2}\/[\w./-]+\.js)["']/g)) follow(new URL(rel, `file:///${dir}`).pathname.slice(1));
};
follow('dist/attack-timeline.min.js');

for (const f of files) {
  if (f.endsWith('.map')) problems.push(`ships a source map: ${f}`);
  else if (/^src\/|^test\/|\.test\.|(^|\/)editor(\.min\.js|\/)|^dist\/chunks\/editor-/.test(f)) problems.push(`ships what no consumer loads: ${f}`);
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
if (pack.size > PACKED_BUDGET) problems.push(`packed ${kb(pack.size)}, over ${kb(PACKED_BUDGET)}`);
if (pack.unpackedSize > UNPACKED_BUDGET) problems.push(`unpacked ${kb(pack.unpackedSize)}, over ${kb(UNPACKED_BUDGET)}`);
for (const p of problems) console.log(`FAIL ${p}`);
console.log(
  `${problems.length ? 'FAIL' : 'ok  '} npm pack: ${files.size} files, ${kb(pack.size)} packed (budget ${kb(PACKED_BUDGET)}), ${kb(pack.unpackedSize)} unpacked (budget ${kb(UNPACKED_BUDGET)}), ${seen.size} bundle files followed`,
);
process.exit(problems.length ? 1 : 0);
