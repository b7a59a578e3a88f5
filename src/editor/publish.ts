/**
 * The editor's Publish pane: the story id, data and library addresses, the two embed
 * snippets (with the story's height measured at 375 and 1280 px by two unseen stories), the
 * copy buttons and the downloads.
 */
import type { AttackStory } from '../components/attack-story/attack-story.js';
import { fallbackHtml } from '../model/fallback.js';
import { exportIncident } from '../model/formats/index.js';
import type { Incident } from '../model/types.js';
import { make, q } from './dom.js';
import { save, settledHeight } from './files.js';
import { iframeSnippet, scriptSnippet, storyId, type MinHeights } from './snippet.js';

const MEASURE_DELAY = 700;
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/;

/** What the Publish pane needs to know of the preview. */
export interface PreviewView {
  story: AttackStory;
  theme(): 'light' | 'dark';
  width(): number;
}

export class Publisher {
  private readonly snippet: HTMLTextAreaElement;
  private readonly iframeSnippet: HTMLTextAreaElement;
  private readonly fields: { story: HTMLInputElement; dataUrl: HTMLInputElement; library: HTMLInputElement };
  private readonly measurers: Record<'phone' | 'desktop', AttackStory>;
  /** The story id as the producer typed it; empty follows the incident. */
  private typedId = '';
  private incident: Incident | null = null;
  private heights: MinHeights | null = null;
  private measureTimer = 0;
  private measureRun = 0;

  constructor(
    private readonly root: HTMLElement,
    base: URL,
    private readonly preview: PreviewView,
    onSettings: () => void,
  ) {
    this.snippet = q(root, 'snippet');
    this.iframeSnippet = q(root, 'iframe-snippet');
    this.fields = { story: q(root, 'story-id'), dataUrl: q(root, 'data-url'), library: q(root, 'library-url') };
    this.fields.library.value = new URL('../dist/attack-timeline.min.js', base).href;
    const measure = q(root, 'measure');
    const measurer = (width: number) => {
      const s = document.createElement('attack-story');
      s.setAttribute('no-deep-link', '');
      s.link = `editor-measure-${width}`;
      const box = make('div');
      box.dataset.width = String(width);
      box.append(s);
      measure.append(box);
      return s;
    };
    this.measurers = { phone: measurer(375), desktop: measurer(1280) };

    const story = this.fields.story;
    story.addEventListener('input', () => (this.typedId = story.value.trim()));
    // Shown as it will be used: letters, digits and dashes.
    story.addEventListener('change', () => {
      if (this.typedId) story.value = this.typedId = storyId({ id: this.typedId, title: '' });
    });
    for (const el of Object.values(this.fields))
      el.addEventListener('input', () => {
        this.write();
        onSettings();
      });
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-copy]')) b.addEventListener('click', () => void this.copy(b.dataset.copy!));
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-download]')) b.addEventListener('click', () => void this.download(b.dataset.download!));
  }

  /** What the draft keeps of this pane. */
  get settings(): { id: string; dataUrl: string } {
    return { id: this.typedId, dataUrl: this.fields.dataUrl.value };
  }

  set settings(value: { id?: string; dataUrl?: string }) {
    this.fields.story.value = this.typedId = value.id ?? '';
    this.fields.dataUrl.value = value.dataUrl ?? '';
  }

  /** A new story: the id follows it again. */
  resetId(): void {
    this.typedId = '';
  }

  /** The document to publish (the preview's last good one); null while there is none. */
  show(incident: Incident | null, changed: boolean): void {
    this.incident = incident;
    this.write();
    if (incident && changed) {
      clearTimeout(this.measureTimer);
      this.measureTimer = window.setTimeout(() => void this.measure(), MEASURE_DELAY);
    }
  }

  private get id(): string {
    return this.incident ? storyId(this.typedId ? { id: this.typedId, title: '' } : this.incident) : 'story';
  }

  private write() {
    const incident = this.incident;
    if (!incident) {
      this.snippet.value = this.iframeSnippet.value = '';
      return;
    }
    const id = this.id;
    if (!this.typedId && document.activeElement !== this.fields.story) this.fields.story.value = id;
    let scriptUrl: string;
    try {
      scriptUrl = new URL(this.fields.library.value.trim() || '../dist/attack-timeline.min.js', location.href).href;
    } catch {
      scriptUrl = new URL('../dist/attack-timeline.min.js', location.href).href;
    }
    const url = new URL(scriptUrl);
    q(this.root, 'library-warning').textContent =
      LOCAL_HOST.test(url.hostname) || url.protocol === 'file:'
        ? 'This address works only on this computer. Before publishing, put the address where your site or CDN serves attack-timeline.min.js (with the dist folder beside it).'
        : '';
    const options = {
      id,
      scriptUrl,
      embedUrl: new URL('../examples/', scriptUrl).href,
      dataUrl: this.fields.dataUrl.value.trim() || undefined,
      fallback: fallbackHtml(incident),
      minHeights: this.heights,
    };
    this.snippet.value = scriptSnippet(incident, options);
    this.iframeSnippet.value = iframeSnippet(incident, options);
  }

  /** The story's height at both widths, once each has drawn and stopped growing. */
  private async measure() {
    const run = ++this.measureRun;
    const incident = this.incident;
    if (!incident) return;
    const heights = await Promise.all(
      Object.values(this.measurers).map(async (s) => {
        s.incident = incident;
        return settledHeight(s);
      }),
    );
    if (run !== this.measureRun) return;
    this.heights = { phone: heights[0]!, desktop: heights[1]! };
    this.root.dataset.measured = `${Math.ceil(this.heights.phone)},${Math.ceil(this.heights.desktop)}`;
    this.write();
  }

  private async copy(hook: string) {
    const area = q<HTMLTextAreaElement>(this.root, hook);
    const statusBox = this.root.querySelector(`[data-copy="${hook}"]`)!.parentElement!.querySelector('.copy-status')!;
    for (const other of this.root.querySelectorAll('.copy-status')) other.textContent = '';
    try {
      await navigator.clipboard.writeText(area.value);
      statusBox.textContent = 'Copied. Paste it into your article.';
    } catch {
      area.focus();
      area.select();
      statusBox.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    }
  }

  private async download(kind: string) {
    const statusBox = q(this.root, 'download-status');
    const incident = this.incident;
    if (!incident) return void (statusBox.textContent = 'Nothing to download yet: fix the errors first.');
    const id = this.id;
    const { story } = this.preview;
    const width = this.preview.width();
    try {
      let blob: Blob;
      let name: string;
      if (kind === 'json') [blob, name] = [new Blob([`${JSON.stringify(incident, null, 2)}\n`], { type: 'application/json' }), `${id}.json`];
      else if (kind === 'csv') [blob, name] = [new Blob([exportIncident(incident, 'csv')], { type: 'text/csv' }), `${id}.csv`];
      else if (kind === 'svg') [blob, name] = [new Blob([await story.toSVG()], { type: 'image/svg+xml' }), `${id}-${width}.svg`];
      else if (kind === 'png') [blob, name] = [await story.toPNG(), `${id}-${width}.png`];
      else {
        const card = this.measurers.desktop;
        // The document now, even if the last measuring has not caught up with it.
        if (card.incident !== incident) card.incident = incident;
        card.theme = this.preview.theme();
        await settledHeight(card);
        [blob, name] = [await card.toPNG({ width: 1200, height: 675, scale: 1 }), `${id}-card.png`];
      }
      save(blob, name, this.root);
      statusBox.textContent = `Downloaded ${name}.`;
    } catch (err) {
      statusBox.textContent = `Could not make the file: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
}
