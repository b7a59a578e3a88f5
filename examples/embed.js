// The iframe side of the embed: reads the story's settings from the query string, reports
// its height to the parent page in the pym.js message format
// ("pymxPYMx<childId>xPYMxheightxPYMx<px>"), and reports the selection ("...xPYMxhashxPYMx
// <key>=<event id>", key and id each encodeURIComponent'd, so ids with "=", "&" or "#" survive)
// so the parent can keep it in its own URL. The parent passes a deep link in the same form.
// Messages of any other shape are ignored.
import { decodeLink, encodeLink, parseMessage, PREFIX, SEPARATOR } from './embed-messages.js';

const params = new URLSearchParams(location.search);
const story = document.querySelector('attack-story');
const src = params.get('src');
if (src) story.setAttribute('src', src);
story.id = params.get('key') || 'attack';
for (const name of ['locale', 'theme', 'time-zone', 'boundaries']) {
  const value = params.get(name);
  if (value) story.setAttribute(name, value);
}
if (params.has('transparent')) story.setAttribute('transparent', '');

const childId = params.get('childId') ?? '';
const send = (type, value) => {
  if (window.parent !== window) window.parent.postMessage(`${PREFIX}${childId}${SEPARATOR}${type}${SEPARATOR}${value}`, '*');
};

let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    send('height', height);
  }
}).observe(document.documentElement);

// The parent passes in the event its own link names.
window.addEventListener('message', (message) => {
  if (message.source !== window.parent) return;
  const parsed = parseMessage(message.data);
  if (!parsed || parsed.id !== childId || parsed.type !== 'hash') return;
  const link = decodeLink(parsed.value);
  if (!link || link.key !== story.id || !link.event) return;
  // In the form the story itself reads and writes its hash (URLSearchParams).
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${new URLSearchParams([[link.key, link.event]])}`);
  story.select(link.event); // read from the hash instead if the data has not arrived yet
});

document.addEventListener('attack-select', () => {
  // The story keeps its selection once the event has been handled.
  queueMicrotask(() => {
    const link = encodeLink(story.id, story.selected ?? '');
    if (link !== null) send('hash', link);
  });
});

// ?export=png: a 1200 × 675 social card of the story instead of the story, for a CMS's
// share image or print. The story draws at 1200 px, then the page shows the PNG with a link
// to save it. Needs img-src blob: (this page's policy allows it).
if (params.get('export') === 'png') {
  document.documentElement.classList.add('card');
  story.setAttribute('no-deep-link', '');
  const done = (node) => {
    const out = document.createElement('main');
    out.className = 'card-out';
    out.append(node);
    document.body.append(out);
  };
  const draw = async () => {
    await customElements.whenDefined('attack-story');
    // Drawn and still: the timeline is in and the height has held for a few frames.
    let last = -1;
    for (let same = 0, i = 0; same < 3 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const h = story.getBoundingClientRect().height;
      same = story.shadowRoot?.querySelector('attack-timeline') && Math.abs(h - last) < 1 ? same + 1 : 0;
      last = h;
    }
    const blob = await story.toPNG({ width: 1200, height: 675, scale: 1 });
    const img = document.createElement('img');
    img.src = URL.createObjectURL(blob);
    img.width = 1200;
    img.height = 675;
    img.alt = `Social card: ${story.incident?.title ?? 'incident timeline'}`;
    const link = document.createElement('a');
    link.href = img.src;
    link.download = `${story.id}-card.png`;
    link.textContent = 'Save the card (PNG, 1200 × 675)';
    const wrap = document.createElement('p');
    wrap.append(link);
    story.remove();
    done(img);
    document.querySelector('.card-out').append(wrap);
  };
  const fail = (message) => done(Object.assign(document.createElement('p'), { textContent: `The card could not be made: ${message}` }));
  story.addEventListener('attack-load', () => void draw().catch((err) => fail(err.message)), { once: true });
  // Data that cannot be drawn says so instead of leaving an empty page.
  story.addEventListener('attack-error', (e) => story.incident || fail(e.detail.errors.map((x) => `${x.path}: ${x.message}`).join('; ')), { once: true });
}
