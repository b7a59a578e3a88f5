/**
 * The embed code the editor gives a producer: the script-tag snippet (the story with its data
 * inline or from a URL, and the generated no-JS fallback inside it) and the iframe snippet,
 * each with the space the story needs reserved so the article does not shift. Pure: strings
 * in, strings out; every value from the data is escaped for where it goes.
 */
import { escapeHtml } from '../model/fallback.js';
import type { Incident } from '../model/types.js';

/** Heights of the rendered story, in CSS px, at the phone and desktop widths. */
export interface MinHeights {
  phone: number;
  desktop: number;
}

export interface SnippetOptions {
  /** The `id` of the story on the page, also its deep-link key. */
  id: string;
  /** Where `attack-timeline.min.js` is served. */
  scriptUrl: string;
  /** Where `embed.html` and `embed-parent.js` are served (the iframe snippet). */
  embedUrl: string;
  /** The data's URL once uploaded; without it the script snippet carries the data inline. */
  dataUrl?: string;
  /** The fallback HTML (`fallbackHtml`), placed inside the element. */
  fallback: string;
  minHeights?: MinHeights | null;
  /**
   * The origin of the site whose pages frame the iframe snippet, when known: the snippet then
   * pins the embed to it (`parent=`), so it talks to pages of that origin alone. Ignored unless
   * it is an http(s) URL; only its origin is kept.
   */
  parentOrigin?: string;
}

/** The http(s) origin of a URL, or null. */
function httpOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** A page-safe `id`: letters, digits, `-` and `_`, starting with a letter. */
export function storyId(incident: Pick<Incident, 'id' | 'title'>): string {
  const base = (incident.id || incident.title || 'story')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return base.slice(0, 40).replace(/-+$/, '') || 'story';
}

/**
 * JSON for an inline `<script type="application/json">`: `<`, `>` and `&` written as `\u003c`
 * and so on, so no text in the data can close the script or open a comment; U+2028 and U+2029
 * too, for old parsers. JSON.parse reads it back unchanged.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const indent = (text: string, by: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

/**
 * The story's held height as a `style` attribute: the phone height for a narrow story, the
 * desktop one for a story 980 px or wider. Held only until the story draws.
 */
function reserve(h: MinHeights | null | undefined): string {
  if (!h) return '';
  return ` style="--attack-story-min-height: ${Math.ceil(h.phone)}px; --attack-story-min-height-wide: ${Math.ceil(h.desktop)}px"`;
}

/** The script-tag snippet. */
export function scriptSnippet(incident: Incident, o: SnippetOptions): string {
  const id = o.id;
  const src = o.dataUrl ? ` src="${escapeHtml(o.dataUrl)}"` : '';
  const open = `<attack-story id="${escapeHtml(id)}"${src}${reserve(o.minHeights)}>`;
  const body = [
    o.dataUrl ? '' : indent(`<script type="application/json">\n${inlineJson(incident)}\n</script>`, '  '),
    `  <!-- Fallback: shown before the script runs, if it never does, and until the story is near. -->`,
    indent(o.fallback, '  '),
  ].filter(Boolean);
  const note = o.minHeights
    ? `<!-- The style attribute holds the story's height (measured at 375 and 1280 px wide) until it draws, so the page does not jump. Under a strict CSP, set the two properties in your stylesheet instead. -->`
    : '';
  return [note, `<script type="module" src="${escapeHtml(o.scriptUrl)}"></script>`, '', open, ...body, `</attack-story>`, ''].filter((l, i) => i > 0 || l).join('\n');
}

/** The iframe snippet: the embed page with the data's URL, its parent script, and the fallback for readers without scripts. */
export function iframeSnippet(incident: Incident, o: SnippetOptions): string {
  const id = o.id;
  const params = new URLSearchParams({ src: o.dataUrl || 'DATA-URL', key: id, childId: id });
  const parent = httpOrigin(o.parentOrigin);
  if (parent) params.set('parent', parent);
  const src = `${o.embedUrl}embed.html?${params.toString()}`;
  const height = o.minHeights ? Math.ceil(o.minHeights.phone) : 900;
  return [
    o.dataUrl ? '' : `<!-- Replace DATA-URL with the address of the JSON file (download it below, upload it with your CMS, and give its address as the Data URL above). -->\n`,
    `<iframe data-attack-embed="${escapeHtml(id)}" title="${escapeHtml(incident.title)}"`,
    `  src="${escapeHtml(src)}"`,
    `  width="100%" height="${height}" loading="lazy"></iframe>`,
    parent
      ? `<!-- Optional: resizes the iframe to the story and keeps its links in this page's address. The iframe talks only to pages on ${parent} (its parent parameter). -->`
      : `<!-- Optional: resizes the iframe to the story, keeps its links in this page's address, and pins the iframe to this page (adds parent=<this page's origin> to its src). -->`,
    `<script type="module" src="${escapeHtml(`${o.embedUrl}embed-parent.js`)}"></script>`,
    `<noscript>`,
    indent(o.fallback, '  '),
    `</noscript>`,
    '',
  ]
    .filter(Boolean)
    .join('\n');
}
