// Editor support, written from custom-elements.json by the build:
//   dist/vscode.html-custom-data.json  VS Code's HTML custom data (tags, attributes and their values)
//   dist/vscode.css-custom-data.json   VS Code's CSS custom data (the --attack-* properties)
//   dist/web-types.json                JetBrains web-types (elements, attributes, properties,
//                                      events, slots, CSS properties and parts), named by
//                                      package.json's "web-types" so WebStorm finds it itself
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const docs = `https://www.npmjs.com/package/${pkg.name}`;

const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

/** The literal values of a union type such as `'auto' | 'light' | 'dark'`, else none. */
const literals = (type = '') => {
  const parts = type.split('|').map((p) => p.trim());
  const words = parts.filter((p) => /^'[^']*'$/.test(p)).map((p) => p.slice(1, -1));
  return words.length && words.length === parts.filter((p) => p !== 'null').length ? words : [];
};
const isBoolean = (type = '') => type === 'boolean';
const isNumber = (type = '') => type === 'number';

const html = {
  version: 1.1,
  tags: elements.map((d) => ({
    name: d.tagName,
    description: d.description,
    attributes: (d.attributes ?? []).map((a) => {
      const values = literals(a.type?.text);
      return {
        name: a.name,
        description: a.description ?? '',
        ...(isBoolean(a.type?.text) ? { valueSet: 'v' } : values.length ? { values: values.map((name) => ({ name })) } : {}),
      };
    }),
    references: [{ name: 'attack-timeline on npm', url: docs }],
  })),
};

const properties = new Map();
for (const d of elements) for (const p of d.cssProperties ?? []) if (!properties.has(p.name)) properties.set(p.name, p.description ?? '');
const css = { version: 1.1, properties: [...properties].map(([name, description]) => ({ name, description })) };

const valueOf = (type = '') => {
  if (literals(type).length) return { type: 'string' };
  if (isBoolean(type)) return { type: 'boolean' };
  if (isNumber(type)) return { type: 'number' };
  return { type: type.replace(/\s*\|\s*null$/, '') || 'string' };
};
const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((d) => ({
        name: d.tagName,
        description: d.description,
        'doc-url': docs,
        attributes: (d.attributes ?? []).map((a) => ({
          name: a.name,
          description: a.description ?? '',
          value: { ...valueOf(a.type?.text), required: false },
          ...(literals(a.type?.text).length ? { values: literals(a.type?.text).map((name) => ({ name })) } : {}),
        })),
        slots: (d.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        js: {
          properties: (d.members ?? []).filter((m) => m.kind === 'field').map((m) => ({ name: m.name, description: m.description ?? '', type: m.type?.text ?? 'unknown' })),
          events: (d.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '', type: e.type?.text ?? 'CustomEvent' })),
        },
        css: {
          properties: (d.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};

const write = (file, data) => writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
write('dist/vscode.html-custom-data.json', html);
write('dist/vscode.css-custom-data.json', css);
write('dist/web-types.json', webTypes);
