import { expect } from 'chai';
import { waitFor } from './helpers.js';

/**
 * The per-element entry points, loaded the way a bundler would: through package.json `exports`
 * into the built dist/ (run after the build; `npm test` builds first). Web Test Runner gives this
 * file a page of its own, so nothing else has defined an element here before the first test.
 * The map and story entries each load in a fresh iframe, a registry of their own.
 */

type Exports = Record<string, string | { types: string; default: string }>;
const TAGS = ['attack-timeline', 'attack-map', 'attack-story'];

let exportsMap: Exports;
async function entry(name: string): Promise<{ types: string; default: string }> {
  exportsMap ??= ((await (await fetch('/package.json')).json()) as { exports: Exports }).exports;
  const target = exportsMap[name];
  if (!target || typeof target === 'string') throw new Error(`package.json exports has no conditions for ${name}`);
  return target;
}
const url = (path: string) => new URL(path.replace(/^\.\//, '/'), location.origin).href;
const defined = (registry: CustomElementRegistry) => TAGS.filter((tag) => registry.get(tag));

/** Imports `path` in a new iframe; answers which tags it then defines and what it exports. */
async function inFreshFrame(path: string): Promise<{ defined: string[]; exports: Record<string, unknown>; registry: CustomElementRegistry }> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><script type="module">
    window.entry = import(${JSON.stringify(url(path))}).then((m) => (window.loaded = m), (e) => (window.failed = String(e)));
  </script>`;
  document.body.append(frame);
  try {
    const win = await waitFor(() => {
      const w = frame.contentWindow as (Window & { loaded?: Record<string, unknown>; failed?: string }) | null;
      return w && (w.loaded || w.failed) ? w : null;
    }, `${path} to load in an iframe`);
    if (win.failed) throw new Error(`${path} failed to load: ${win.failed}`);
    return { defined: defined(win.customElements), exports: win.loaded!, registry: win.customElements };
  } finally {
    frame.remove();
  }
}

describe('entry points', () => {
  it('attack-timeline/timeline defines <attack-timeline> alone and exports its class', async () => {
    expect(defined(customElements), 'nothing is defined before the import').to.deep.equal([]);
    const { default: path } = await entry('./timeline');
    const mod = (await import(url(path))) as Record<string, unknown>;
    expect(defined(customElements)).to.deep.equal(['attack-timeline']);
    expect(customElements.get('attack-map')).to.equal(undefined);
    expect(mod.AttackTimeline).to.be.a('function');
    expect(mod.AttackTimeline).to.equal(customElements.get('attack-timeline'));
    expect(document.createElement('attack-timeline')).to.be.instanceOf(mod.AttackTimeline);
    // Nor does it load the map's code (the README promises a bundler can leave it out).
    const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(loaded.filter((p) => p.startsWith('/dist/'))).to.include('/dist/components/attack-timeline/attack-timeline.js');
    expect(loaded.filter((p) => /^\/dist\/(components\/attack-(map|story)|geo)\//.test(p))).to.deep.equal([]);
  });

  it('attack-timeline/map defines <attack-map> alone and exports its class', async () => {
    const { default: path } = await entry('./map');
    const { defined: tags, exports, registry } = await inFreshFrame(path);
    expect(tags).to.deep.equal(['attack-map']);
    expect(exports.AttackMap).to.be.a('function');
    expect(exports.AttackMap).to.equal(registry.get('attack-map'));
  });

  it('attack-timeline/story defines <attack-story> and the timeline and map it is drawn with', async () => {
    const { default: path } = await entry('./story');
    const { defined: tags, exports, registry } = await inFreshFrame(path);
    expect(tags).to.deep.equal(['attack-timeline', 'attack-map', 'attack-story']);
    expect(exports.AttackStory).to.be.a('function');
    expect(exports.AttackStory).to.equal(registry.get('attack-story'));
  });

  it('every entry point names type declarations that were built', async () => {
    for (const name of ['./timeline', './map', './story']) {
      const { types } = await entry(name);
      expect(types, name).to.match(/\.d\.ts$/);
      const res = await fetch(url(types));
      expect(res.status, `${name} types at ${types}`).to.equal(200);
      expect(await res.text(), name).to.include('export {');
    }
  });
});
