// custom-elements.json: the three elements as a consumer sees them. The analyzer reads the
// TypeScript sources; the plugin below then gives the manifest what a published package's
// should have: module paths of the shipped files (dist/*.js), each element's public API only
// (no private or protected members, no internal base class or helper modules), each element's
// own CSS properties (the shared ones only where its styles use them), and the events' detail
// types. scripts/editor-data.mjs turns the result into VS Code's and JetBrains' formats.
import { readFileSync } from 'node:fs';

const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** `src/x/y.ts` (or `/src/x/y.js`) → `dist/x/y.js`, the file the package ships. */
const shipped = (path) => path?.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');

/** The events, with their detail types (src/events.ts). */
const EVENT_TYPES = {
  'attack-select': 'CustomEvent<AttackSelectDetail>',
  'attack-load': 'CustomEvent<AttackLoadDetail>',
  'attack-error': 'CustomEvent<AttackErrorDetail>',
};
const EVENT_DETAILS = {
  'attack-select': 'Detail `{ id: string | null; place?: string; claim?: string }`.',
  'attack-load': 'Detail `{ incident: Incident }`.',
  'attack-error': 'Detail `{ errors: { path: string; message: string; line?: number; column?: number }[] }`.',
};

/** Where each element's styles live; a story draws a timeline and a map, so it uses theirs too. */
const STYLE_FILES = {
  'attack-timeline': ['attack-timeline'],
  'attack-map': ['attack-map'],
  'attack-story': ['attack-story', 'attack-timeline', 'attack-map'],
};

/** The shared `--attack-*` properties an element's styles use (through their `--_*` names). */
function sharedPropertiesUsed(tag) {
  const shared = read('src/internal/shared-styles.ts');
  const own = STYLE_FILES[tag].flatMap((t) => ['styles', 'marks', null].map((kind) => read(`src/components/${t}/${t}${kind ? `.${kind}` : ''}.ts`))).join('\n');
  const used = new Set();
  for (const [, inner, outer] of shared.matchAll(/(--_[\w-]+):\s*var\((--attack-[\w-]+)/g)) {
    const uses = new RegExp(`var\\(${inner}\\b`);
    if (uses.test(own) || uses.test(shared)) used.add(outer);
  }
  return used;
}

/** Type names the manifest's readers cannot look up, as the values they stand for. */
function expandTypes(text) {
  const formats = read('src/internal/convert.ts').match(/FORMATS = \[([^\]]*)\]/)?.[1];
  return formats
    ? text.replace(
        /^Format$/,
        `'auto' | ${formats
          .split(',')
          .map((f) => f.trim())
          .join(' | ')}`,
      )
    : text;
}

function publishedManifest() {
  return {
    name: 'published-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      // Only the elements' modules: the classes and their defining entry points.
      manifest.modules = manifest.modules.filter((m) => m.declarations?.some((d) => d.tagName) || m.exports?.some((e) => e.kind === 'custom-element-definition'));
      const declaredIn = new Map(manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.name, shipped(m.path)])));
      for (const m of manifest.modules) {
        m.path = shipped(m.path);
        // A define module re-exports the class: its export points at the module that declares it.
        for (const e of m.exports ?? [])
          if (e.kind === 'js' && declaredIn.has(e.declaration?.name) && !m.declarations?.length) e.declaration.module = declaredIn.get(e.declaration.name);
        for (const e of m.exports ?? []) if (e.declaration?.module) e.declaration.module = shipped(e.declaration.module);
        for (const d of m.declarations ?? []) {
          if (!d.tagName) continue;
          const ownPrefix = `--attack-${d.tagName.replace(/^attack-/, '')}-`;
          const shared = sharedPropertiesUsed(d.tagName);
          // The base class is internal: its members are listed on each element, as their own.
          delete d.superclass;
          d.members = (d.members ?? [])
            .filter((x) => !x.privacy || x.privacy === 'public')
            .filter((x) => !x.static && !x.name.startsWith('_') && !x.name.startsWith('#'))
            .map(({ inheritedFrom, ...x }) => x);
          d.attributes = (d.attributes ?? []).map(({ inheritedFrom, ...a }) => a);
          for (const x of [...d.members, ...d.attributes]) if (x.type?.text) x.type.text = expandTypes(x.type.text);
          d.cssProperties = (d.cssProperties ?? []).filter((p) => p.name.startsWith(ownPrefix) || shared.has(p.name)).map(({ inheritedFrom, ...p }) => p);
          d.cssParts = (d.cssParts ?? []).map(({ inheritedFrom, ...p }) => p);
          d.slots = (d.slots ?? []).map(({ inheritedFrom, ...s }) => s);
          d.events = (d.events ?? []).map(({ inheritedFrom, ...e }) => ({
            ...e,
            type: { text: EVENT_TYPES[e.name] ?? 'CustomEvent' },
            description: [e.description, EVENT_DETAILS[e.name]].filter(Boolean).join(' '),
          }));
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/attack-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publishedManifest()],
};
