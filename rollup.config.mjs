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

/**
 * `attack-timeline/react` with `@lit/react` inside (its `createComponent`, a few hundred bytes),
 * so the package does not depend on `@lit/react` and, through its peer dependency, on
 * `@types/react` for everyone. React and the elements stay imports. One build for browsers and
 * one for Node (server rendering), from `@lit/react`'s matching builds.
 */
const LIT_REACT_NOTICE = `/**
 * Includes @lit/react's createComponent.
 * @license
 * Copyright 2018 Google LLC
 * SPDX-License-Identifier: BSD-3-Clause
 */`;
const litReactBuild = (build) => ({
  name: 'lit-react-build',
  resolveId: (id) => (id === '@lit/react' ? new URL(`./node_modules/@lit/react/${build}`, import.meta.url).pathname : null),
});
const reactWrappers = (file, build) => ({
  input: 'dist/react.js',
  external: (id, importer) => {
    const inLitReact = (path = '') => path.includes('/node_modules/@lit/react/');
    if (/^@lit\/react(\/|$)/.test(id) || inLitReact(id) || inLitReact(importer) || id.endsWith('/dist/react.js')) return false;
    return true;
  },
  output: { file, format: 'es', banner: `'use client';\n${LIT_REACT_NOTICE}` },
  plugins: [litReactBuild(build)],
  onwarn(warning, warn) {
    // tsc keeps the module's 'use client'; Rollup drops it and warns, and the banner puts it back.
    if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
    onwarn(warning, warn);
  },
});

export default [
  // Node's first: the browsers' build replaces dist/react.js, the input both read.
  reactWrappers('dist/react.node.js', 'node/index.js'),
  reactWrappers('dist/react.js', 'index.js'),
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
