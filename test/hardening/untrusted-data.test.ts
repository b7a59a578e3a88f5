import { assert, expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { AttackMap } from '../../src/components/attack-map/attack-map.js';
import type { Incident } from '../../src/model/types.js';
import { hostileIncident, PAYLOADS } from '../browser/corpus.js';
import { cleanup, fixture, frames, trapPageErrors, waitFor } from '../browser/helpers.js';

type Drawn = HTMLElement & { updateComplete: Promise<unknown> };

/** Every shadow root under `root`, nested ones included. */
function shadowRoots(root: Document | ShadowRoot | Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  for (const el of (root as ParentNode).querySelectorAll('*')) {
    if (el.shadowRoot) out.push(el.shadowRoot, ...shadowRoots(el.shadowRoot));
  }
  return out;
}

/** What must never be in a rendering of hostile data. */
function assertInert(doc: Document) {
  const w = doc.defaultView as Window & { __xss?: unknown };
  expect(w.__xss, 'no payload ran').to.equal(undefined);
  for (const root of shadowRoots(doc)) {
    expect(root.querySelectorAll('script, iframe, object, embed, foreignObject, img, math, style, animate, set').length, 'no element made from data').to.equal(0);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        expect(attr.startsWith('on'), `${el.tagName} has ${attr}`).to.equal(false);
        if (attr === 'href' || attr === 'xlink:href') {
          const url = new URL(el.getAttribute(attr)!, doc.baseURI);
          expect(['http:', 'https:'], `${el.tagName} ${attr}=${el.getAttribute(attr)}`).to.include(url.protocol);
        }
      }
    }
  }
}

/** Selects every event and claim, steps the story, and clicks every link. */
async function exercise(doc: Document) {
  const [timeline, map, story] = ['attack-timeline', 'attack-map', 'attack-story'].map((t) => doc.querySelector(t) as Drawn);
  assert.exists(timeline, 'attack-timeline');
  assert.exists(map, 'attack-map');
  assert.exists(story, 'attack-story');
  const incident = (timeline as AttackTimeline).incident!;
  for (const e of incident.events) {
    (timeline as AttackTimeline).select(e.id);
    (story as AttackStory).select(e.id);
    await timeline.updateComplete;
  }
  for (const c of map.shadowRoot!.querySelectorAll('[data-claim-id], [data-place-id]')) {
    c.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await map.updateComplete;
  }
  for (let i = 0; i < incident.events.length; i++) (story as AttackStory).next();
  await frames(2);
  // Links are clicked; http(s) navigations are held back so the page stays put.
  const hold = (e: Event) => {
    if ((e.composedPath()[0] as Element).closest?.('a')) e.preventDefault();
  };
  doc.addEventListener('click', hold, true);
  for (const root of shadowRoots(doc)) for (const a of root.querySelectorAll('a')) a.click();
  doc.removeEventListener('click', hold, true);
  await frames(2);
}

/** Renders timeline, map and story with `data` on this page and waits until all have drawn. */
async function renderAll(data: Incident, id: string) {
  await fixture<AttackTimeline>('attack-timeline', (t) => (t.incident = data));
  await fixture<AttackMap>('attack-map', (m) => (m.incident = data));
  const story = await fixture<AttackStory>('attack-story', (s) => {
    s.id = id;
    s.incident = data;
  });
  story.scrollIntoView();
  await waitFor(() => drawn(document), 'all three drawn', 15000);
}

const drawn = (doc: Document) =>
  ['attack-timeline', 'attack-map'].every((t) => doc.querySelector(t)?.shadowRoot?.querySelector('svg.plot[role]')) &&
  doc.querySelector('attack-story')?.shadowRoot?.querySelector('attack-timeline')?.shadowRoot?.querySelector('svg.plot[role]');

describe('hardening: untrusted data', function () {
  this.timeout(60_000);
  afterEach(cleanup);

  it('hostile text and URLs in every field: rendered inert, no script runs, only http(s) links (no CSP)', async () => {
    const trap = trapPageErrors();
    try {
      await renderAll(hostileIncident() as unknown as Incident, 'hostile');
      await exercise(document);
      assertInert(document);
      // The payloads are there, as text.
      const timeline = document.querySelector('attack-timeline')!;
      expect(timeline.shadowRoot!.querySelector('.caption-title')!.textContent).to.equal(PAYLOADS[0]);
      let printing = true;
      try {
        await emulateMedia({ media: 'print' });
      } catch {
        printing = false; // Firefox over WebDriver BiDi cannot emulate print
      }
      if (printing) {
        await frames(2);
        assertInert(document);
        await emulateMedia({ media: 'screen' });
      }
      expect(trap.errors).to.deep.equal([]);
    } finally {
      trap.stop();
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('hostile data under a strict CSP with Trusted Types: inert, and zero violations', async () => {
    const iframe = document.createElement('iframe');
    iframe.width = '1280';
    iframe.height = '900';
    iframe.src = '/test/fixtures/xss-csp.html';
    document.body.prepend(iframe);
    try {
      await new Promise((r) => iframe.addEventListener('load', r, { once: true }));
      // The story's own chunk defines it; defined, it has its height, and a story loads its data
      // once it nears the viewport, as a reader scrolling to it would bring it.
      await iframe.contentWindow!.customElements.whenDefined('attack-story');
      const early = iframe.contentDocument!;
      await waitFor(() => ['attack-timeline', 'attack-map'].every((t) => early.querySelector(t)?.shadowRoot?.querySelector('svg.plot[role]')), 'timeline and map drawn', 20000);
      early.querySelector('attack-story')!.scrollIntoView();
      await waitFor(() => iframe.contentDocument && drawn(iframe.contentDocument), 'drawn under CSP', 20000);
      const doc = iframe.contentDocument!;
      await exercise(doc);
      assertInert(doc);
      const w = iframe.contentWindow as Window & { __violations: string[]; __errors: string[] };
      expect(w.__violations).to.deep.equal([]);
      expect(w.__errors).to.deep.equal([]);
    } finally {
      iframe.remove();
    }
  });

  it('isolates every piece of data text, so a direction override cannot reorder the UI around it', async () => {
    await renderAll(hostileIncident() as unknown as Incident, 'bidi');
    await exercise(document);
    let checked = 0;
    for (const root of shadowRoots(document)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent!.includes('\u202E')) continue;
        const parent = node.parentElement!;
        const isolated =
          parent.closest('bdi') ||
          ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(parent).unicodeBidi) ||
          ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(parent.closest('text') ?? parent).unicodeBidi);
        expect(isolated, `not isolated in <${parent.tagName.toLowerCase()} class="${parent.getAttribute('class') ?? ''}">: ${node.textContent!.slice(0, 60)}`).to.be.ok;
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(5);
    history.replaceState(null, '', location.pathname + location.search);
  });
});
