/** The editor's measuring and downloading: a story's settled height, and a file handed to the browser. */
import type { AttackStory } from '../components/attack-story/attack-story.js';

/** Waits until a story has drawn and its height has held for a few frames; its height then. */
export async function settledHeight(story: AttackStory, timeout = 8000): Promise<number> {
  const started = performance.now();
  let last = -1;
  let same = 0;
  while (performance.now() - started < timeout) {
    await story.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    const drawn = story.shadowRoot?.querySelector('attack-timeline');
    const h = story.getBoundingClientRect().height;
    if (drawn && Math.abs(h - last) < 1) {
      if (++same >= 3) return h;
    } else same = 0;
    last = h;
  }
  return last;
}

/** Hands a file to the browser's downloads; an `editor-download` event tells the page (and tests) what it was. */
export function save(blob: Blob, name: string, root: HTMLElement) {
  root.dispatchEvent(new CustomEvent('editor-download', { detail: { name, blob } }));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
