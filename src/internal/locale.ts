/** The locale an element speaks: its own attribute, else the nearest `lang` up the tree. */

/**
 * `tag` when given, else the nearest `lang` from `start` up, crossing shadow roots through their
 * hosts; canonicalised, and `en-IN` when there is none or it is malformed (`lang="en_IN!"` on a
 * page must not break formatting).
 */
export function nearestLocale(start: Node, tag: string | null): string {
  let found = tag;
  let node: Node | null = start;
  while (!found && node) {
    if (node instanceof Element && node.getAttribute('lang')) found = node.getAttribute('lang');
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  try {
    return found ? (Intl.getCanonicalLocales(found)[0] ?? 'en-IN') : 'en-IN';
  } catch {
    return 'en-IN';
  }
}
