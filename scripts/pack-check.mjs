// The npm package as `npm pack` would make it (after the build; scripts are not run again):
// what a consumer loads is in it (ESM and types for every export, the script-tag bundle and
// its chunks, the schema, the manifest, the iframe embed files, README, LICENSE), and what no
// consumer loads is not (source maps, whose sources are not shipped, the editor page's
// bundle, tests, TypeScript sources); the manifest names shipped modules and each element's own
// public API, with typed events, and the editor data (VS Code, web-types) lists every element.
// Prints the file count and sizes; exits 1 on any problem.
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
  'CHANGELOG.md',
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

// The manifest and the editor data describe what ships, and only each element's own API.
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const tags = new Map(manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d])));
for (const m of manifest.modules) if (!files.has(m.path)) problems.push(`custom-elements.json names a module not shipped: ${m.path}`);
if ([...tags.keys()].sort().join() !== 'attack-map,attack-story,attack-timeline') problems.push(`custom-elements.json lists the elements ${[...tags.keys()].join(', ')}`);
for (const [tag, d] of tags) {
  for (const x of d.members ?? []) if (x.privacy && x.privacy !== 'public') problems.push(`custom-elements.json: ${tag} lists its ${x.privacy} member ${x.name}`);
  for (const e of d.events ?? []) if (!/^CustomEvent<\w+Detail>$/.test(e.type?.text ?? '')) problems.push(`custom-elements.json: ${tag}'s ${e.name} has no detail type`);
  const cssProps = new Set((d.cssProperties ?? []).map((p) => p.name));
  const foreign = [...cssProps].filter((p) => /^--attack-(timeline|map|story)-/.test(p) && !p.startsWith(`--${tag}-`));
  if (tag === 'attack-timeline') foreign.push(...['--attack-land', '--attack-area'].filter((p) => cssProps.has(p)));
  if (foreign.length) problems.push(`custom-elements.json: ${tag} lists CSS properties it does not use: ${foreign.join(', ')}`);
}
const webTypes = pkg['web-types']?.replace(/^\.\//, '');
if (!webTypes || !files.has(webTypes)) problems.push(`package.json's web-types (${pkg['web-types']}) is not shipped`);
else if (JSON.parse(readFileSync(webTypes, 'utf8')).contributions.html.elements.length !== tags.size) problems.push(`${webTypes} does not list every element`);
if (JSON.parse(readFileSync('dist/vscode.html-custom-data.json', 'utf8')).tags.length !== tags.size) problems.push('dist/vscode.html-custom-data.json does not list every element');

for (const f of files) {
  if (f.endsWith('.map')) problems.push(`ships a source map: ${f}`);
  else if (/^src\/|^test\/|\.test\.|(^|\/)editor(\.min\.js|\/)|^dist\/chunks\/editor-/.test(f)) problems.push(`ships what no consumer loads: ${f}`);
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
if (pack.size > PACKED_BUDGET) problems.push(`packed ${kb(pack.size)}, over ${kb(PACKED_BUDGET)}`);
if (pack.unpackedSize > UNPACKED_BUDGET) problems.push(`unpacked ${kb(pack.unpackedSize)}, over ${kb(UNPACKED_BUDGET)}`);
// The README's CDN lines pin the version being published.
const readme = readFileSync('README.md', 'utf8');
for (const cdn of ['https://cdn.jsdelivr.net/npm/', 'https://unpkg.com/']) {
  const pinned = [...readme.matchAll(new RegExp(`${cdn.replace(/[./]/g, '\\$&')}attack-timeline@([^/]+)/`, 'g'))].map((m) => m[1]);
  if (!pinned.length) problems.push(`README.md gives no ${cdn} URL`);
  for (const v of pinned) if (v !== pkg.version) problems.push(`README.md's ${cdn} URL pins ${v}, package.json says ${pkg.version}`);
}
for (const p of problems) console.log(`FAIL ${p}`);
console.log(
  `${problems.length ? 'FAIL' : 'ok  '} npm pack: ${files.size} files, ${kb(pack.size)} packed (budget ${kb(PACKED_BUDGET)}), ${kb(pack.unpackedSize)} unpacked (budget ${kb(UNPACKED_BUDGET)}), ${seen.size} bundle files followed`,
);
process.exit(problems.length ? 1 : 0);
