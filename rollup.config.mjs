import { nodeResolve } from '@rollup/plugin-node-resolve';
import json from '@rollup/plugin-json';
import terser from '@rollup/plugin-terser';

/**
 * The script-tag bundle: one self-contained ES module (lit and d3 inlined) built from the
 * compiled ESM in dist/. Anything imported dynamically becomes a lazy chunk beside it.
 */
/**
 * Lit creates a Trusted Types policy named "lit-html". The script-tag bundle names its own
 * "attack-timeline", so a page can allow exactly that name, and a page that runs its own Lit
 * does not see two policies with one name.
 */
const policyName = {
  name: 'trusted-types-policy-name',
  transform(code, id) {
    if (!/[\\/]lit-html[\\/]/.test(id) || !code.includes('createPolicy(')) return null;
    const next = code.replace(/createPolicy\(\s*["']lit-html["']/g, 'createPolicy("attack-timeline"');
    if (next === code) this.error(`expected Lit's "lit-html" Trusted Types policy in ${id}`);
    return { code: next, map: null };
  },
};

/**
 * Minifies the static text of Lit's css`` templates: comments out, runs of white space to one,
 * none around braces, semicolons, commas and after colons. White space before a colon stays
 * (`a :hover` is not `a:hover`), and the text beside an interpolation keeps one space.
 */
const cssLiterals = {
  name: 'minify-css-literals',
  transform(code, id) {
    if (!id.startsWith(new URL('./dist/', import.meta.url).pathname) || !code.includes('css`')) return null;
    const next = code.replace(/\bcss`((?:[^`\\]|\\.)*)`/g, (_, body) => {
      const parts = body.split(/(\$\{[^}]*\})/);
      const min = parts.map((p, i) =>
        i % 2
          ? p
          : p
              .replace(/\/\*[\s\S]*?\*\//g, '')
              .replace(/\s+/g, ' ')
              .replace(/ ?([{};,]) ?/g, '$1')
              .replace(/: /g, ':'),
      );
      return `css\`${min.join('')}\``;
    });
    return { code: next, map: null };
  },
};

const plugins = () => [
  policyName,
  cssLiterals,
  nodeResolve({ exportConditions: ['production', 'browser', 'default'] }),
  // Natural Earth land (world-atlas TopoJSON) becomes its own lazily loaded JS chunk.
  json({ compact: true, preferConst: true }),
  terser({ module: true, format: { comments: false }, compress: { passes: 2 } }),
];

const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    // Defines the timeline at once and the map and story from chunks of their own (see src/bundle.ts).
    input: 'dist/bundle.js',
    // Shared code stays in the entry, so a page loads one module up front and chunks only later.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'attack-timeline.min.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // A JSON import attribute means nothing once the JSON is a JS chunk.
      importAttributesKey: 'with',
      sourcemap: true,
    },
    plugins: plugins(),
    onwarn,
  },
  {
    // The editor page's own bundle: the elements, the importers and the editor in one file, with
    // the map's lazy parts beside it. Built apart, so the reader's bundle stays as it is.
    input: 'dist/editor/index.js',
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'editor.min.js',
      chunkFileNames: 'chunks/editor-[name]-[hash].js',
      importAttributesKey: 'with',
      sourcemap: true,
    },
    plugins: plugins(),
    onwarn,
  },
];
