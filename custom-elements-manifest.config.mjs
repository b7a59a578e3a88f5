export default {
  globs: ['src/components/**/*.ts', 'src/internal/attack-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
