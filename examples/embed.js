// The iframe side of the embed: reads the story's settings from the query string, reports
// its height to the parent page in the pym.js message format
// ("pymxPYMx<childId>xPYMxheightxPYMx<px>"), and reports the selection ("...xPYMxhashxPYMx
// <key>=<event id>", key and id each encodeURIComponent'd, so ids with "=", "&" or "#" survive)
// so the parent can keep it in its own URL. The parent passes a deep link in the same form.
// Messages of any other shape are ignored.
//
// ?parent=<origin> pins the one page this frame talks to (embed-parent.js adds its own page's
// origin): every message goes to that exact origin, never "*", and a message is read only when
// it comes from window.parent at that origin. Without it the frame posts its heights alone (to
// "*", as pym.js children do: a height is all any page learns) and still takes a deep link from
// window.parent (the page that frames it can put one in this page's URL anyway). A parent that is
// not an http(s) origin fails closed: the story draws, but the frame sends and reads nothing,
// and says why on the page and in the console.
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

/**
 * The `parent` parameter: { origin: null } when absent, { origin } for an http(s) origin
 * (serialized by URL), { error } for anything else, including an empty value or two of them.
 */
function parentPin(values) {
  if (values.length === 0) return { origin: null };
  const shown = JSON.stringify(values[0].slice(0, 200));
  if (values.length > 1) return { error: 'it is given more than once' };
  let url;
  try {
    url = new URL(values[0]);
  } catch {
    return { error: `${shown} is not an absolute URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `${shown} is not http(s)` };
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    return { error: `${shown} is not an origin alone (no path, query, fragment or user)` };
  }
  return { origin: url.origin };
}

const pin = parentPin(params.getAll('parent'));
if (pin.error) {
  const text = `This embed's "parent" parameter must be the http(s) origin of the page that frames it, like parent=https://news.example, but ${pin.error}. It sends no messages and reads none.`;
  console.error(`embed.html: ${text}`);
  const note = Object.assign(document.createElement('p'), { className: 'embed-error', textContent: text });
  note.dataset.embedError = 'parent';
  story.before(note);
}

const childId = params.get('childId') ?? '';
const send = (type, value) => {
  if (window.parent === window || pin.error) return;
  // Unpinned: the height alone, to whoever frames this page.
  if (pin.origin === null && type !== 'height') return;
  window.parent.postMessage(`${PREFIX}${childId}${SEPARATOR}${type}${SEPARATOR}${value}`, pin.origin ?? '*');
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
  if (pin.error || message.source !== window.parent) return;
  if (pin.origin !== null && message.origin !== pin.origin) return;
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
