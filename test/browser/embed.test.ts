/**
 * The iframe embed (examples/embed.html + embed.js inside, examples/embed-parent.js outside):
 * deep links carry any event id both ways, and malformed pym.js messages are ignored on both
 * sides without throwing.
 */
import { expect } from 'chai';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import { trapPageErrors, waitFor } from './helpers.js';

/** Event ids in test/fixtures/embed-ids.json, chosen to break naive link handling. */
const IDS = ['case=42', '=a:b=c&d#e f\'g"h=', 'नमस्ते %41+1 xPYMx ?/;', 'plain'] as const;
const FIXTURE = '/test/fixtures/embed-ids.json';

/** The parent page's hash as the parent script keeps it: URLSearchParams. */
const parentLink = (key: string) => {
  const text = location.hash.replace(/^#/, '');
  return text.includes('=') ? new URLSearchParams(text).get(key) : null;
};
const linkHash = (key: string, id: string) => `#${new URLSearchParams([[key, id]])}`;
const pym = (childId: string, type: string, value: string) => `pymxPYMx${childId}xPYMx${type}xPYMx${value}`;
const click = (node: Element) => node.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));

interface Embed {
  iframe: HTMLIFrameElement;
  story: AttackStory;
  /** Errors reported in the iframe's own window (its message handler runs there). */
  errors: string[];
}
const mounted: HTMLIFrameElement[] = [];

/** An embed.html iframe with the given key (also its childId), its story drawn. */
async function embed(key: string): Promise<Embed> {
  const iframe = document.createElement('iframe');
  iframe.dataset.attackEmbed = key;
  iframe.width = '900';
  iframe.height = '600';
  const query = new URLSearchParams({ src: FIXTURE, key, childId: key });
  iframe.src = `/examples/embed.html?${query}`;
  document.body.prepend(iframe);
  mounted.push(iframe);
  const story = await waitFor(() => iframe.contentDocument?.querySelector('attack-story') as AttackStory | null, 'story in the iframe', 15000);
  const errors: string[] = [];
  iframe.contentWindow!.addEventListener('error', (e) => errors.push(e.message));
  await waitFor(() => story.shadowRoot?.querySelector('attack-timeline')?.shadowRoot?.querySelector('[data-event-id]'), 'marks in the iframe', 15000);
  return { iframe, story, errors };
}
/** The timeline mark of an event in the iframe, found by attribute value (no selector escaping). */
const mark = (e: Embed, id: string) => {
  const marks = e.story.shadowRoot!.querySelector('attack-timeline')!.shadowRoot!.querySelectorAll('[data-event-id]');
  const found = [...marks].find((m) => m.getAttribute('data-event-id') === id);
  if (!found) throw new Error(`no mark for ${JSON.stringify(id)}`);
  return found;
};

let trap: ReturnType<typeof trapPageErrors>;
before(async () => {
  const url = '/examples/embed-parent.js';
  await import(url);
});
beforeEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  trap = trapPageErrors();
});
afterEach(() => {
  for (const f of mounted.splice(0)) f.remove();
  trap.stop();
  history.replaceState(null, '', location.pathname + location.search);
  expect(trap.errors).to.deep.equal([]);
});

describe('iframe embed deep links', () => {
  it('the fixture holds the hard ids', async () => {
    const data = await (await fetch(FIXTURE)).json();
    expect(data.events.map((e: { id: string }) => e.id)).to.deep.equal([...IDS, 'second']);
  });

  for (const id of IDS) {
    it(`a parent link to ${JSON.stringify(id)} selects it in the iframe`, async () => {
      history.replaceState(null, '', linkHash('emb', id));
      const e = await embed('emb');
      await waitFor(
        () => e.story.selected === id,
        `${JSON.stringify(id)} selected in the iframe (selected ${JSON.stringify(e.story.selected)}, iframe hash ${e.iframe.contentWindow?.location.hash})`,
        15000,
      );
      // The iframe's own hash names it too, in the form the story reads.
      expect(new URLSearchParams(e.iframe.contentWindow!.location.hash.slice(1)).get('emb')).to.equal(id);
      expect(parentLink('emb')).to.equal(id);
      expect(e.errors).to.deep.equal([]);
    });
  }

  it('every id selected in the iframe reaches the parent hash as #<key>=<id>, and back in', async () => {
    history.replaceState(null, '', '#other=keep%3Dme');
    const e = await embed('emb');
    for (const id of [...IDS.slice(1), IDS[0]]) {
      click(mark(e, id));
      await waitFor(() => parentLink('emb') === id, `parent hash names ${JSON.stringify(id)} (hash ${location.hash})`);
      expect(new URLSearchParams(location.hash.slice(1)).get('other'), 'the other key is kept').to.equal('keep=me');
      expect(location.hash).to.contain(linkHash('emb', id).slice(1));
    }
    // A link the parent passes in later also arrives whole.
    for (const id of [...IDS.slice(1), IDS[0]]) {
      e.iframe.contentWindow!.postMessage(pym('emb', 'hash', `emb=${encodeURIComponent(id)}`), '*');
      await waitFor(() => e.story.selected === id, `${JSON.stringify(id)} selected from a later hash message (selected ${JSON.stringify(e.story.selected)})`);
    }
    expect(e.errors).to.deep.equal([]);
  });

  it('a key with "=" and a space works both ways', async () => {
    const key = 'my story=1';
    history.replaceState(null, '', linkHash(key, 'case=42'));
    const e = await embed(key);
    await waitFor(() => e.story.selected === 'case=42', `case=42 selected (selected ${JSON.stringify(e.story.selected)})`, 15000);
    click(mark(e, IDS[2]));
    await waitFor(() => parentLink(key) === IDS[2], `parent hash names the id (hash ${location.hash})`);
  });

  it('clearing the selection in the iframe removes the key from the parent hash', async () => {
    history.replaceState(null, '', `${linkHash('emb', 'case=42')}&other=1`);
    const e = await embed('emb');
    await waitFor(() => e.story.selected === 'case=42', 'case=42 selected', 15000);
    click(mark(e, 'plain'));
    await waitFor(() => parentLink('emb') === 'plain', 'plain in the parent hash');
    // Escape on the selected mark clears the selection: the iframe reports an empty id.
    mark(e, 'plain').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitFor(() => parentLink('emb') === null, `key removed (hash ${location.hash})`);
    expect(location.hash).to.equal('#other=1');
  });
});

describe('iframe embed: malformed messages', () => {
  const junk = (childId: string): unknown[] => [
    `pymxPYMx${childId}xPYMxhash`,
    `pymxPYMx${childId}xPYMxhashxPYMx`,
    `pymxPYMx${childId}xPYMxhashxPYMx${childId}`,
    `pymxPYMx${childId}xPYMxhashxPYMx=case%3D42`,
    `pymxPYMx${childId}xPYMxhashxPYMx${childId}=%E0%A4%A`,
    `pymxPYMx${childId}xPYMxhashxPYMx%ZZ=plain`,
    `pymxPYMx${childId}xPYMxheight`,
    `pymxPYMx${childId}xPYMxheightxPYMx`,
    `pymxPYMx${childId}xPYMx`,
    `pymxPYMx${childId}`,
    'pymxPYMx',
    'pym',
    '',
    `xPYMx${childId}xPYMxhashxPYMx${childId}=plain`,
    `PYMxPYMx${childId}xPYMxhashxPYMx${childId}=plain`,
    null,
    undefined,
    42,
    { data: `pymxPYMx${childId}xPYMxhash` },
    [`pymxPYMx${childId}`, 'hash'],
    new Blob(['x']),
  ];

  it('the iframe ignores them without throwing, and still takes a good one', async () => {
    const e = await embed('emb');
    const win = e.iframe.contentWindow!;
    win.postMessage(pym('emb', 'hash', 'emb=second'), '*');
    await waitFor(() => e.story.selected === 'second', 'second selected');
    for (const message of junk('emb')) win.postMessage(message, '*');
    // Messages from one window arrive in order: once this one is handled, so were the others.
    win.postMessage(pym('emb', 'hash', `emb=plain`), '*');
    await waitFor(() => e.story.selected === 'plain', `plain selected after the junk (selected ${JSON.stringify(e.story.selected)}, errors ${e.errors.join('; ')})`);
    expect(e.errors).to.deep.equal([]);
  });

  it('the parent ignores them without throwing, and still takes a good one', async () => {
    history.replaceState(null, '', '#other=1');
    // A frame the parent script trusts (data-attack-embed, same origin) that sends junk.
    const sender = document.createElement('iframe');
    sender.dataset.attackEmbed = 'bad';
    mounted.push(sender);
    const script = `
      const send = (m) => parent.postMessage(m, '*');
      for (const m of ${JSON.stringify(junk('bad').filter((m) => m === null || typeof m !== 'object'))}) send(m);
      send(undefined); send({ a: 1 }); send(['pymxPYMxbad', 'hash']); send(new Blob(['x']));
      send('pymxPYMxbadxPYMxhashxPYMxbad=' + encodeURIComponent('ok=1 & done'));`;
    sender.srcdoc = `<script>${script.replace(/<\//g, '<\\/')}</script>`;
    document.body.append(sender);
    await waitFor(() => parentLink('bad') === 'ok=1 & done', `the good message after the junk reached the hash (hash ${location.hash}, errors ${trap.errors.join('; ')})`);
    expect(trap.errors).to.deep.equal([]);
    expect(parentLink('other')).to.equal('1');
    expect(sender.height, 'no junk height applied').to.equal('');
  });
});

describe('iframe embed: ?export=png', () => {
  it('shows the story as a 1200 × 675 PNG card with a link to save it', async () => {
    const iframe = document.createElement('iframe');
    iframe.width = '1300';
    iframe.height = '800';
    iframe.src = `/examples/embed.html?${new URLSearchParams({ src: '/examples/data/aiims-delhi-2022.json', key: 'aiims', export: 'png' })}`;
    document.body.append(iframe);
    mounted.push(iframe);
    const img = await waitFor(() => iframe.contentDocument?.querySelector<HTMLImageElement>('.card-out img'), 'the card', 20000);
    await img.decode();
    expect([img.naturalWidth, img.naturalHeight]).to.deep.equal([1200, 675]);
    expect(img.alt).to.contain('AIIMS');
    const save = iframe.contentDocument!.querySelector<HTMLAnchorElement>('.card-out a[download]')!;
    expect(save.download).to.equal('aiims-card.png');
    expect(iframe.contentDocument!.querySelector('attack-story')).to.equal(null);
  });

  it('says why when the data cannot be drawn, instead of an empty page', async () => {
    const iframe = document.createElement('iframe');
    iframe.src = `/examples/embed.html?${new URLSearchParams({ src: '/test-api/gone', key: 'x', export: 'png' })}`;
    document.body.append(iframe);
    mounted.push(iframe);
    const note = await waitFor(() => iframe.contentDocument?.querySelector('.card-out p'), 'the message', 15000);
    expect(note.textContent).to.match(/^The card could not be made: src: the server answered 410/);
  });
});
