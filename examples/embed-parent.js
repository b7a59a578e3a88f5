// The parent side of the iframe embed, for pages that cannot run the component itself.
// Resizes each <iframe data-attack-embed="<key>"> from its pym.js-format height messages, and
// keeps the story's selection in this page's hash (#<key>=<event id>), passing it in when the
// page opens on such a link (once the iframe has said it is alive). A message is believed only
// when it comes from that iframe's own window and origin: other frames cannot resize or steer it.
// A hash message's value is `<key>=<event id>` with key and id each encodeURIComponent'd (event
// ids are opaque: "=", "&", "#" and the rest survive); messages of any other shape are ignored.
import { decodeLink, parseMessage, PREFIX, SEPARATOR } from './embed-messages.js';

const embeds = () => [...document.querySelectorAll('iframe[data-attack-embed]')];

/** The origin the iframe's src names, or null when its src is not a URL. */
function originOf(iframe) {
  try {
    return new URL(iframe.src, location.href).origin;
  } catch {
    return null;
  }
}

function hashParams() {
  const text = location.hash.replace(/^#/, '');
  return new URLSearchParams(text.includes('=') ? text : '');
}

const linkedIn = new WeakSet();
for (const iframe of embeds()) if (hashParams().get(iframe.dataset.attackEmbed)) iframe.scrollIntoView({ block: 'start' });

window.addEventListener('message', (message) => {
  const parsed = parseMessage(message.data);
  if (!parsed || !message.source) return;
  const { id, type, value } = parsed;
  const iframe = embeds().find((f) => f.contentWindow === message.source);
  if (!iframe || id !== iframe.dataset.attackEmbed) return;
  if (message.origin === 'null' || message.origin !== originOf(iframe)) return;
  if (type === 'height') {
    const height = Number(value);
    if (Number.isFinite(height) && height > 0 && height < 50000) iframe.height = String(Math.ceil(height));
    // The iframe is alive: pass in the event this page's link names, once.
    const event = hashParams().get(id);
    if (event && !linkedIn.has(iframe)) {
      linkedIn.add(iframe);
      const link = `${encodeURIComponent(id)}=${encodeURIComponent(event)}`;
      iframe.contentWindow.postMessage(`${PREFIX}${id}${SEPARATOR}hash${SEPARATOR}${link}`, message.origin);
    }
  } else if (type === 'hash') {
    const link = decodeLink(value);
    if (!link || link.key !== id) return;
    const { key, event } = link;
    const text = location.hash.replace(/^#/, '');
    if (text && !text.includes('=')) return; // the page's own anchor: leave it
    const params = hashParams();
    if (event) params.set(key, event);
    else params.delete(key);
    const next = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${next ? `#${next}` : ''}`);
  }
});
