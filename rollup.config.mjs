import { nodeResolve } from '@rollup/plugin-node-resolve';
import json from '@rollup/plugin-json';
import terser from '@rollup/plugin-terser';

/**
 * The script-tag bundle: one self-contained ES module (lit and d3 inlined) built from the
 * compiled ESM in dist/. Anything imported dynamically becomes a lazy chunk beside it.
 */
export default {
  input: 'dist/index.js',
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
  plugins: [
    nodeResolve({ exportConditions: ['production', 'browser', 'default'] }),
    // Natural Earth land (world-atlas TopoJSON) becomes its own lazily loaded JS chunk.
    json({ compact: true, preferConst: true }),
    terser({ module: true, format: { comments: false }, compress: { passes: 2 } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
