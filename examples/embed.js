// The iframe side of the embed: reads the story's settings from the query string, reports
// its height to the parent page in the pym.js message format
// ("pymxPYMx<childId>xPYMxheightxPYMx<px>"), and reports the selection ("...xPYMxhashxPYMx
// <key>=<event id>") so the parent can keep it in its own URL. The parent passes a deep link
// in this page's hash.
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
  if (window.parent !== window) window.parent.postMessage(`pymxPYMx${childId}xPYMx${type}xPYMx${value}`, '*');
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
  if (message.source !== window.parent || typeof message.data !== 'string') return;
  const [prefix, id, type, value] = message.data.split('xPYMx');
  if (prefix !== 'pym' || id !== childId || type !== 'hash') return;
  const [key, event] = value.split('=');
  if (key !== story.id || !event) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${encodeURIComponent(key)}=${encodeURIComponent(event)}`);
  story.select(event); // read from the hash instead if the data has not arrived yet
});

document.addEventListener('attack-select', () => {
  // The story keeps its selection once the event has been handled.
  queueMicrotask(() => send('hash', `${story.id}=${story.selected ?? ''}`));
});
