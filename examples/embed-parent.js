// The parent side of the iframe embed, for pages that cannot run the component itself.
// Resizes each <iframe data-attack-embed="<key>"> from its pym.js-format height messages, and
// keeps the story's selection in this page's hash (#<key>=<event id>), passing it in when the
// page opens on such a link (once the iframe has said it is alive). A message is believed only
// when it comes from that iframe's own window and origin: other frames cannot resize or steer it.
// A hash message's value is `<key>=<event id>` with key and id each encodeURIComponent'd (event
// ids are opaque: "=", "&", "#" and the rest survive); messages of any other shape are ignored.
// Each such iframe is pinned to this page: an iframe whose src has no `parent` parameter gets
// `parent=<this page's origin>`, so embed.html talks to this origin alone (and only a pinned
// frame reports its selection). An iframe still on its first blank page just gets the new src;
// one that has already loaded its unpinned page is reloaded once with location.replace (no new
// history entry), the page's link in its hash. Iframes added later are pinned as they are
// inserted. A page whose own origin is opaque (file:, sandboxed) pins nothing.
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
const replaced = new WeakSet();

/** The iframe's src with `parent=<this page's origin>` added, or null when it is to be left as it is. */
function pinnedSrc(iframe) {
  const raw = iframe.getAttribute('src');
  if (!raw || iframe.hasAttribute('srcdoc') || !/^https?:$/.test(location.protocol)) return null;
  let url;
  try {
    url = new URL(raw, location.href);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  if (url.searchParams.has('parent')) {
    const pinned = url.searchParams.get('parent');
    let origin = null;
    try {
      origin = new URL(pinned).origin;
    } catch {
      // embed.html says what is wrong with it
    }
    if (origin !== location.origin) {
      console.warn(
        `embed-parent.js: the iframe data-attack-embed="${iframe.dataset.attackEmbed}" is pinned to parent=${pinned}, not to this page (${location.origin}), so it will not talk to this page.`,
      );
    }
    return null;
  }
  url.search = `${url.search ? `${url.search}&` : '?'}parent=${encodeURIComponent(location.origin)}`;
  return url;
}

function pin(iframe) {
  const url = pinnedSrc(iframe);
  if (!url) return;
  let blank;
  try {
    // Still the initial about:blank (same origin as this page), its navigation not yet in.
    blank = !iframe.contentWindow || iframe.contentWindow.location.href === 'about:blank';
  } catch {
    blank = false; // a cross-origin page is in
  }
  const key = iframe.dataset.attackEmbed;
  const event = hashParams().get(key);
  if (event) url.hash = new URLSearchParams([[key, event]]).toString();
  if (blank) {
    iframe.src = url.href;
  } else if (!replaced.has(iframe)) {
    replaced.add(iframe);
    iframe.contentWindow.location.replace(url.href);
  }
}

for (const iframe of embeds()) {
  pin(iframe);
  if (hashParams().get(iframe.dataset.attackEmbed)) iframe.scrollIntoView({ block: 'start' });
}
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      if (node.matches('iframe[data-attack-embed]')) pin(node);
      for (const iframe of node.querySelectorAll('iframe[data-attack-embed]')) pin(iframe);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });

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
