/**
 * Guards the globals Lit reads while it loads against DOM clobbering. An element with an id
 * or name such as `litHtmlVersions` or `ShadyCSS` makes `window.litHtmlVersions` that
 * element: Lit's `(globalThis.litHtmlVersions ??= []).push(…)` then throws, and a clobbered
 * `ShadyCSS` makes Lit fall back from adopted stylesheets to `<style>` elements, which a
 * strict `style-src` blocks. A reader comment with `<p id="litHtmlVersions">` is enough.
 *
 * This module has no imports and every entry imports it first, so it runs before Lit. For
 * each name whose value is a page element (or a collection of them, or a frame's window), it
 * gives the global object an own property of the kind Lit expects, which shadows the named
 * element for `window.name` lookups. A real value (another copy of Lit, a polyfill) is left
 * alone. The elements themselves, `document.getElementById` and the page's markup are not
 * touched.
 */

/** True for what a named element puts on `window`: an element, a collection or a frame's window. */
function isNamedAccess(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (typeof Node === 'function' && value instanceof Node) return true;
  if (typeof HTMLCollection === 'function' && value instanceof HTMLCollection) return true;
  try {
    // An <iframe name="…"> exposes its WindowProxy, which may be cross-origin.
    return (value as { window?: unknown }).window === value;
  } catch {
    return true;
  }
}

const realm = globalThis as unknown as Record<string, unknown>;

/** The globals Lit (and this library) read, and what stands in for a clobbered one. */
const expected: Array<[name: string, valid: (v: unknown) => boolean, make: () => unknown]> = [
  // Version lists that every copy of Lit pushes to.
  ...['litHtmlVersions', 'reactiveElementVersions', 'litElementVersions'].map(
    (name) => [name, (v: unknown) => Array.isArray(v), () => []] as [string, (v: unknown) => boolean, () => unknown],
  ),
  ['litPropertyMetadata', (v) => v instanceof WeakMap, () => new WeakMap()],
  ['litIssuedWarnings', (v) => v instanceof Set, () => new Set()],
  // Hooks that Lit calls when they are set, and polyfills it consults.
  ...[
    'litHtmlPolyfillSupport',
    'litHtmlPolyfillSupportDevMode',
    'reactiveElementPolyfillSupport',
    'reactiveElementPolyfillSupportDevMode',
    'litElementPolyfillSupport',
    'litElementPolyfillSupportDevMode',
    'litElementHydrateSupport',
    'litHtmlPlatformSupport',
    'ShadyCSS',
    'ShadyDOM',
    'litNonce',
    // Where the engine has none, a named element would stand in for the Trusted Types factory.
    'trustedTypes',
    'scheduler',
    'requestIdleCallback',
    'cancelIdleCallback',
  ].map((name) => [name, (v: unknown) => !isNamedAccess(v), () => undefined] as [string, (v: unknown) => boolean, () => unknown]),
];

for (const [name, valid, make] of expected) {
  let value: unknown;
  try {
    value = realm[name];
  } catch {
    continue;
  }
  if (value === undefined || valid(value)) continue;
  if (!isNamedAccess(value)) continue;
  try {
    Object.defineProperty(realm, name, { value: make(), writable: true, configurable: true, enumerable: false });
  } catch {
    // A frozen global object: nothing more can be done here.
  }
}

export {};
