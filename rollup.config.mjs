import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/**
 * The script-tag bundle: one self-contained ES module (lit and d3 inlined) built from the
 * compiled ESM in dist/. Anything imported dynamically becomes a lazy chunk beside it.
 */
export default {
  input: 'dist/index.js',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'attack-timeline.min.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ exportConditions: ['production', 'browser', 'default'] }),
    terser({ module: true, format: { comments: false }, compress: { passes: 2 } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
