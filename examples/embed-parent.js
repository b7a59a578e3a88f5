// The parent side of the iframe embed, for pages that cannot run the component itself.
// Resizes each <iframe data-attack-embed="<key>"> from its pym.js-format height messages, and
// keeps the story's selection in this page's hash (#<key>=<event id>), passing it in when the
// page opens on such a link (once the iframe has said it is alive). A message is believed only
// when it comes from that iframe's own window and origin: other frames cannot resize or steer it.
const PREFIX = 'pymxPYMx';
const embeds = () => [...document.querySelectorAll('iframe[data-attack-embed]')];

function hashParams() {
  const text = location.hash.replace(/^#/, '');
  return new URLSearchParams(text.includes('=') ? text : '');
}

const linkedIn = new WeakSet();
for (const iframe of embeds()) if (hashParams().get(iframe.dataset.attackEmbed)) iframe.scrollIntoView({ block: 'start' });

window.addEventListener('message', (message) => {
  if (typeof message.data !== 'string' || !message.data.startsWith(PREFIX)) return;
  const [id, type, value] = message.data.slice(PREFIX.length).split('xPYMx');
  const iframe = embeds().find((f) => f.contentWindow === message.source);
  if (!iframe || id !== iframe.dataset.attackEmbed) return;
  if (message.origin !== new URL(iframe.src, location.href).origin) return;
  if (type === 'height') {
    const height = Number(value);
    if (Number.isFinite(height) && height > 0 && height < 50000) iframe.height = String(Math.ceil(height));
    // The iframe is alive: pass in the event this page's link names, once.
    const event = hashParams().get(id);
    if (event && !linkedIn.has(iframe)) {
      linkedIn.add(iframe);
      iframe.contentWindow.postMessage(`${PREFIX}${id}xPYMxhashxPYMx${id}=${event}`, message.origin);
    }
  } else if (type === 'hash') {
    const [key, event] = value.split('=');
    if (key !== id) return;
    const text = location.hash.replace(/^#/, '');
    if (text && !text.includes('=')) return; // the page's own anchor: leave it
    const params = hashParams();
    if (event) params.set(key, event);
    else params.delete(key);
    const next = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${next ? `#${next}` : ''}`);
  }
});
