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
