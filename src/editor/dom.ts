/** Small DOM helpers of the editor page: find a hook, make an element with text, space words. */

/** The element carrying `data-editor="<hook>"`; the page must have it. */
export const q = <T extends Element = HTMLElement>(root: ParentNode, hook: string): T => {
  const el = root.querySelector<T>(`[data-editor="${hook}"]`);
  if (!el) throw new Error(`the editor page has no [data-editor="${hook}"]`);
  return el;
};

/** An element with text (as text, never markup) and a class. */
export const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (cls) el.className = cls;
  return el;
};

/** Nodes with a space between each, so the text reads (and copies) as words. */
export const spaced = (nodes: Node[]): (Node | string)[] => nodes.flatMap((n, i) => (i ? [' ', n] : [n]));
