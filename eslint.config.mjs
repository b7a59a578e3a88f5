// ESLint (flat config). The tools live in tools/lint/node_modules, apart from the root's
// TypeScript 7 (which has no JavaScript API for typescript-eslint to use), so every plugin is
// resolved from there, not from this file's folder. `npm run lint` runs it with lit-analyzer and
// Prettier (tools/lint/lint.mjs); `npm test` runs that first.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const lintRequire = createRequire(new URL('./tools/lint/package.json', import.meta.url));
const load = async (name) => {
  const m = await import(pathToFileURL(lintRequire.resolve(name)).href);
  return m.default ?? m;
};
const [{ defineConfig }, js, tseslint, lit, wc, globals] = await Promise.all(
  ['eslint/config', '@eslint/js', 'typescript-eslint', 'eslint-plugin-lit', 'eslint-plugin-wc', 'globals'].map(load),
);

const TS = ['src/**/*.ts', 'test/**/*.ts'];
const JS = ['scripts/**/*.mjs', 'examples/*.js', 'tools/lint/*.mjs', 'eslint.config.mjs'];

export default defineConfig(
  { ignores: ['build/', 'dist/', 'node_modules/', 'tools/lint/node_modules/', 'examples/data/', 'screenshots/'] },
  {
    files: [...TS, ...JS],
    extends: [js.configs.recommended, lit.configs['flat/recommended'], wc.configs['flat/recommended'], wc.configs['flat/best-practice']],
    settings: {
      // Our elements extend AttackElement (src/internal/attack-element.ts), itself a LitElement.
      lit: { elementBaseClasses: ['LitElement', 'AttackElement'] },
      wc: { elementBaseClasses: ['LitElement', 'AttackElement'] },
    },
    rules: {
      // Wrong for Lit: LitElement implements every lifecycle callback, so super.connectedCallback()
      // needs no guard (TypeScript would reject a call to one the base class lacked).
      'wc/guard-super-call': 'off',
    },
  },
  {
    // Type-aware: typescript-eslint reads tsconfig.json (src and test) with its own TypeScript 5.
    files: TS,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) },
    },
    rules: {
      // node:test's test() and describe() return promises that the runner itself awaits; only
      // those calls are exempt, any other promise left floating is still reported.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] }],
      // Wrong here: Lit calls the listeners bound in templates (@click=${this.handleClick}) with
      // the host element as `this`, and d3's idiom passes zoom methods unbound
      // (selection.call(zoom.transform, t)), which do not use `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // chai's property assertions (expect(x).to.exist) are expressions by design.
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests read fixtures and foreign formats with JSON.parse and check their shape with
      // assertions: the assertion is the type check, so the no-unsafe-* family (and `any` in
      // a fixture's signature) would only restate it. Source code keeps every one of them.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // TypeScript 7 (the build) and 5 (this linter) infer querySelector generics differently:
      // an assertion one needs, the other calls unnecessary.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // The model describes untrusted input in its messages: objects and arrays are named before
    // String() is reached, so what is stringified is a primitive the rule cannot see narrowed.
    files: ['src/model/**/*.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Node scripts and this config.
    files: ['scripts/**/*.mjs', 'tools/lint/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The examples' page scripts run in the browser.
    files: ['examples/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
