/**
 * TimelineJS3 text is HTML. It becomes plain text here, without a DOM: tags dropped (script
 * and style with their content), entities decoded, paragraphs and line breaks kept as line
 * breaks. The result is only ever rendered as text. Links are collected so they can become
 * sources.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  middot: '·',
  bull: '•',
  rupee: '₹',
  euro: '€',
  pound: '£',
  yen: '¥',
  times: '×',
  shy: '',
};

/** Decodes HTML character references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

export interface HtmlLink {
  href: string;
  text: string;
}

/** Plain text of an HTML fragment, and the links in it. */
export function htmlToText(html: string): { text: string; links: HtmlLink[] } {
  const links: HtmlLink[] = [];
  const withoutCode = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi, '');
  withoutCode.replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_, attrs: string, inner: string) => {
    const m = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    if (m) links.push({ href: decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim(), text: plain(inner) });
    return '';
  });
  return { text: plain(withoutCode), links };
}

function plain(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr|ul|ol)\s*>/gi, '\n')
    .replace(/<(p|div|li|h[1-6]|blockquote|tr|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    // A stray "<" with no closing ">" is text, not a tag.
    .replace(/[ \t\f\v]+/g, ' ');
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n')
    .trim();
}

/** Escapes text for HTML (for writing TimelineJS3 text). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
