// Bundle budgets, gzip: the module a page loads up front (attack-timeline.min.js and its
// static imports: the timeline) at most 60 KB; everything the AIIMS story loads (the story's
// and the map's chunks, map geometry code, 110m land, zoom) at most 130 KB. Prints the sizes; exits 1 above budget. Run after the build.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const INITIAL_BUDGET = 60 * 1024;
const STORY_BUDGET = 130 * 1024;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const entry = 'dist/attack-timeline.min.js';
const code = readFileSync(entry, 'utf8');
// Static imports of the entry would load up front too; the build keeps it to one file.
const staticImports = [...code.matchAll(/(?:^|[;}])\s*import\s*(?:[\w{}*,\s]+from\s*)?["']\.\/([^"']+)["']/g)].map((m) => `dist/${m[1]}`);
const initial = gz(entry) + staticImports.reduce((sum, f) => sum + gz(f), 0);

const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js'));
const lazy = (prefix) => chunks.filter((f) => f.startsWith(prefix)).reduce((sum, f) => sum + gz(`dist/chunks/${f}`), 0);
const story = initial + lazy('attack-story.define-') + lazy('attack-map.define-') + lazy('map-layout-') + lazy('land-110m-') + lazy('d3-zoom-') + lazy('d3-selection-');

const rows = [
  ['up front (attack-timeline.min.js)', initial, INITIAL_BUDGET],
  ['the AIIMS story in all (story and map chunks, map code, 110m land, zoom)', story, STORY_BUDGET],
];
let over = 0;
for (const [what, size, budget] of rows) {
  const ok = size <= budget;
  if (!ok) over++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${kb(size)} gzip (budget ${kb(budget)})`);
}
console.log(`     importers (TimelineJS3, CSV, STIX; loaded only for those formats): ${kb(lazy('formats-'))} gzip`);
console.log(`     land for maps 1,200 px and wider (50m, loaded instead of 110m): ${kb(lazy('land-50m-'))} gzip`);
process.exit(over ? 1 : 0);
