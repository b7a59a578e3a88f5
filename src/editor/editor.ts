/**
 * The newsroom editor (examples/editor.html): the producer's text in any format the importers
 * read, its problems with their places, a live `<attack-story>` preview that keeps the last good
 * version when an edit breaks, and the embed code and downloads. It runs in the page alone:
 * nothing is sent anywhere, and the draft is kept in `localStorage`. Everything from the data
 * reaches the page as text (`textContent`, `value`), never as markup.
 */
import type { AttackStory } from '../components/attack-story/attack-story.js';
import { fallbackHtml } from '../model/fallback.js';
import { exportIncident, importIncident, type ImportFormat, type ImportResult } from '../model/formats/index.js';
import type { Incident, Issue } from '../model/types.js';
import { jsonPaths, locateIssue } from './locate.js';
import { iframeSnippet, scriptSnippet, storyId, type MinHeights } from './snippet.js';
import { EMPTY_INCIDENT, fetchText } from './starters.js';

const DRAFT_KEY = 'attack-timeline:editor:draft';
const PREVIEW_DELAY = 250;
const MEASURE_DELAY = 700;
const MAX_LISTED = 200;

interface Draft {
  text: string;
  format: ImportFormat;
  timeZone?: string;
  id?: string;
  dataUrl?: string;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, hook: string): T => {
  const el = root.querySelector<T>(`[data-editor="${hook}"]`);
  if (!el) throw new Error(`the editor page has no [data-editor="${hook}"]`);
  return el;
};

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (cls) el.className = cls;
  return el;
};

export interface EditorOptions {
  /** Where the starting files (`data/aiims-delhi-2022.json`, `template.csv`) are: the page's folder by default. */
  base?: URL;
  /** The `localStorage` key of the draft. */
  storageKey?: string;
}

export class Editor {
  private readonly base: URL;
  private readonly storageKey: string;
  private readonly input: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private readonly format: HTMLSelectElement;
  private readonly issues: HTMLElement;
  private readonly story: AttackStory;
  private readonly frame: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly stale: HTMLElement;
  private readonly snippet: HTMLTextAreaElement;
  private readonly iframeSnippet: HTMLTextAreaElement;
  private readonly measurers: Record<'phone' | 'desktop', AttackStory>;
  private readonly ids: { story: HTMLInputElement; dataUrl: HTMLInputElement; library: HTMLInputElement; zone: HTMLInputElement };
  /** The story id as the producer typed it; empty follows the incident. */
  private typedId = '';
  /** The last document the preview showed. */
  private good: Incident | null = null;
  private heights: MinHeights | null = null;
  private previewTimer = 0;
  private measureTimer = 0;
  private saveTimer = 0;
  private measureRun = 0;
  private lines = 0;
  private undoText: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    options: EditorOptions = {},
  ) {
    this.base = options.base ?? new URL('.', location.href);
    this.storageKey = options.storageKey ?? DRAFT_KEY;
    this.input = q(root, 'input');
    this.gutter = root.querySelector('.gutter')!;
    this.format = q(root, 'format');
    this.issues = q(root, 'issues');
    this.frame = q(root, 'preview');
    this.stage = q(root, 'stage');
    this.stale = q(root, 'stale');
    this.story = this.frame.querySelector('attack-story')!;
    this.story.link = 'editor-preview';
    this.snippet = q(root, 'snippet');
    this.iframeSnippet = q(root, 'iframe-snippet');
    this.ids = { story: q(root, 'story-id'), dataUrl: q(root, 'data-url'), library: q(root, 'library-url'), zone: q(root, 'time-zone') };
    this.ids.library.value = new URL('../dist/attack-timeline.min.js', this.base).href;
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
    // Start as the producer's own screen: phone width on a phone, their colour scheme.
    const check = (name: string, value: string) => {
      const radio = root.querySelector<HTMLInputElement>(`[data-editor="${name}"][value="${value}"]`);
      if (radio) radio.checked = true;
    };
    if (matchMedia('(max-width: 700px)').matches) check('width', '375');
    if (matchMedia('(prefers-color-scheme: dark)').matches) check('theme', 'dark');
    this.applyTheme();
    this.wire();
    void this.restore();
  }

  private wire() {
    const { root, input } = this;
    input.addEventListener('input', () => this.changed());
    input.addEventListener('scroll', () => (this.gutter.scrollTop = input.scrollTop));
    this.format.addEventListener('change', () => this.changed());
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-start]')) b.addEventListener('click', () => void this.start(b.dataset.start!));
    q<HTMLInputElement>(root, 'file').addEventListener('change', (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (file) void this.openFile(file);
    });
    const drop = q<HTMLElement>(root, 'drop');
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.classList.add('dragging');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('dragging');
      const file = e.dataTransfer?.files[0];
      if (file) void this.openFile(file);
    });
    q(root, 'undo').addEventListener('click', () => this.undo());
    for (const r of root.querySelectorAll<HTMLInputElement>('[data-editor="width"]')) r.addEventListener('change', () => this.fit());
    for (const r of root.querySelectorAll<HTMLInputElement>('[data-editor="theme"]')) r.addEventListener('change', () => this.applyTheme());
    this.ids.story.addEventListener('input', () => (this.typedId = this.ids.story.value.trim()));
    // Shown as it will be used: letters, digits and dashes.
    this.ids.story.addEventListener('change', () => {
      if (this.typedId) this.ids.story.value = this.typedId = storyId({ id: this.typedId, title: '' });
    });
    for (const el of [this.ids.story, this.ids.dataUrl, this.ids.library])
      el.addEventListener('input', () => {
        this.writeSnippets();
        this.save();
      });
    this.ids.zone.addEventListener('change', () => this.changed(true));
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-copy]')) b.addEventListener('click', () => void this.copy(b.dataset.copy!));
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-download]')) b.addEventListener('click', () => void this.download(b.dataset.download!));
    this.issues.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-offset]');
      if (button) this.goTo(Number(button.dataset.offset), Number(button.dataset.line));
    });
    // Fitting changes the stage's height: do it in the next frame, not inside the observer's turn.
    const observer = new ResizeObserver(() => this.scheduleFit());
    observer.observe(this.stage);
    observer.observe(this.frame);
  }

  private applyTheme() {
    this.story.theme = this.theme;
    this.frame.classList.toggle('dark', this.theme === 'dark');
  }

  private get theme(): 'light' | 'dark' {
    return this.root.querySelector<HTMLInputElement>('[data-editor="theme"]:checked')?.value === 'dark' ? 'dark' : 'light';
  }

  private get width(): number {
    return Number(this.root.querySelector<HTMLInputElement>('[data-editor="width"]:checked')?.value ?? 1280);
  }

  private fitFrame = 0;

  private scheduleFit() {
    cancelAnimationFrame(this.fitFrame);
    this.fitFrame = requestAnimationFrame(() => this.fit());
  }

  /** The preview at its width, scaled down to fit the stage. */
  private fit() {
    const width = this.width;
    this.frame.style.width = `${width}px`;
    const room = this.stage.clientWidth;
    const scale = room && room < width ? room / width : 1;
    this.frame.style.transform = scale < 1 ? `scale(${scale})` : '';
    const height = `${Math.ceil(this.frame.offsetHeight * scale)}px`;
    if (this.stage.style.height !== height) this.stage.style.height = height;
    q(this.root, 'scale-note').textContent = scale < 1 ? `Shown at ${Math.round(scale * 100)} % of its ${width} px width.` : '';
  }

  private async restore() {
    let draft: Draft | null = null;
    try {
      const saved = localStorage.getItem(this.storageKey);
      if (saved) draft = JSON.parse(saved) as Draft;
    } catch {
      draft = null;
    }
    if (draft && typeof draft.text === 'string') {
      this.input.value = draft.text;
      this.format.value = draft.format || 'auto';
      this.ids.story.value = this.typedId = draft.id ?? '';
      this.ids.dataUrl.value = draft.dataUrl ?? '';
      this.ids.zone.value = draft.timeZone ?? '';
      this.status('Your draft was restored from this browser.');
      this.update();
    } else await this.start('aiims', false);
    this.root.dataset.ready = '';
  }

  private save() {
    clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => {
      const draft: Draft = {
        text: this.input.value,
        format: this.format.value as ImportFormat,
        timeZone: this.ids.zone.value.trim(),
        id: this.typedId,
        dataUrl: this.ids.dataUrl.value,
      };
      try {
        localStorage.setItem(this.storageKey, JSON.stringify(draft));
        this.status('Draft saved in this browser.');
      } catch {
        this.status('This browser does not keep drafts (private mode or full storage): download the JSON to keep your work.');
      }
    }, 400);
  }

  private status(text: string) {
    this.root.querySelector('.draft-status')!.textContent = text;
  }

  /** Replaces the text, keeping what was there for Undo. */
  private replace(text: string, why: string) {
    const before = this.input.value;
    this.undoText = before.trim() && before !== text ? before : null;
    (this.root.querySelector('.undo') as HTMLElement).hidden = this.undoText === null;
    this.input.value = text;
    this.format.value = 'auto';
    this.typedId = '';
    this.status(why);
    this.changed(true);
  }

  private undo() {
    if (this.undoText === null) return;
    this.input.value = this.undoText;
    this.undoText = null;
    (this.root.querySelector('.undo') as HTMLElement).hidden = true;
    this.status('Your earlier text is back.');
    this.changed(true);
    this.input.focus();
  }

  private async start(kind: string, announce = true) {
    try {
      const text =
        kind === 'aiims'
          ? await fetchText(new URL('data/aiims-delhi-2022.json', this.base))
          : kind === 'csv'
            ? await fetchText(new URL('template.csv', this.base))
            : EMPTY_INCIDENT;
      const name = kind === 'aiims' ? 'the AIIMS example' : kind === 'csv' ? 'the CSV template' : 'an empty incident';
      if (announce) this.replace(text, `Started from ${name}.`);
      else {
        this.input.value = text;
        this.status(`Started from ${name}. Replace it with your own story.`);
        this.update();
      }
    } catch (err) {
      this.status(`Could not load the starting text: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async openFile(file: File) {
    if (file.size > 20_000_000) return this.status(`${file.name} is larger than 20 MB; the editor opens smaller files.`);
    this.replace(await file.text(), `Opened ${file.name}.`);
  }

  private changed(now = false) {
    this.renderGutter();
    this.save();
    clearTimeout(this.previewTimer);
    if (now) this.update();
    else this.previewTimer = window.setTimeout(() => this.update(), PREVIEW_DELAY);
  }

  private renderGutter() {
    const lines = this.input.value.split('\n').length;
    if (lines === this.lines) return;
    this.lines = lines;
    this.gutter.textContent = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
    this.gutter.scrollTop = this.input.scrollTop;
  }

  /** Reads the text, lists its problems, updates the preview (or marks it stale), the snippets and the heights. */
  update(): void {
    this.renderGutter();
    const text = this.input.value;
    const zone = this.ids.zone.value.trim();
    const result = importIncident(text, { format: this.format.value as ImportFormat, ...(zone ? { timeZone: zone } : {}) });
    this.renderIssues(text, result);
    const drawable = result.incident && (result.errors.length === 0 || result.incident.events.length > 0);
    if (drawable) {
      this.good = result.incident;
      const selection = this.story.selection;
      this.story.incident = result.incident;
      this.story.selection = selection;
      this.stale.textContent = '';
      this.stale.hidden = true;
      this.scheduleMeasure();
    } else {
      this.stale.hidden = false;
      this.stale.textContent = this.good
        ? 'The preview shows the last version that worked: fix the errors listed under Problems to update it.'
        : 'Nothing to preview yet: fix the errors listed under Problems.';
    }
    this.writeSnippets();
  }

  private renderIssues(text: string, result: ImportResult) {
    const paths = result.format !== 'csv' && !result.errors.some((e) => e.line) ? jsonPaths(text) : null;
    const box = this.issues;
    box.replaceChildren();
    const summary = make('p', '', 'summary');
    const sheet = /^\ufeff?[^\n]*\bheadline\b/i.test(text) ? 'a TimelineJS3 sheet (CSV)' : 'our CSV template';
    const format = result.format ? { incident: 'attack-timeline JSON', timelinejs: 'TimelineJS3 JSON', csv: sheet, stix: 'a STIX 2.1 bundle' }[result.format] : 'unknown';
    const counts = `${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}, ${result.warnings.length} ${result.warnings.length === 1 ? 'warning' : 'warnings'}`;
    summary.textContent = `Read as ${format}: ${result.incident ? `${result.incident.events.length} events` : 'nothing could be read'}; ${counts}.`;
    box.append(summary);
    if (result.incident && !result.incident.events.length) box.append(make('p', 'The story has no events yet: add at least one before you publish it.', 'ok'));
    else if (!result.errors.length && !result.warnings.length) box.append(make('p', 'No problems found.', 'ok'));
    const group = (issues: Issue[], title: string, note: string, cls: string) => {
      if (!issues.length) return;
      const h = make('h3', `${title} (${issues.length})`);
      box.append(h, make('p', note, 'hint'));
      const list = make('ul', undefined, `issues ${cls}`);
      for (const issue of issues.slice(0, MAX_LISTED)) {
        const li = make('li');
        const at = locateIssue(text, issue, paths);
        const body: Node[] = [];
        if (at) body.push(make('span', `line ${at.line}${issue.column ? `, column ${at.column}` : ''}`, 'where'));
        if (issue.path && !/^line \d+/.test(issue.path)) body.push(make('code', issue.path));
        body.push(make('span', issue.message, 'message'));
        if (at) {
          const b = make('button');
          b.type = 'button';
          b.dataset.offset = String(at.offset);
          b.dataset.line = String(at.line);
          b.append(...spaced(body));
          li.append(b);
        } else li.append(...spaced(body));
        list.append(li);
      }
      if (issues.length > MAX_LISTED) list.append(make('li', `… and ${issues.length - MAX_LISTED} more`));
      box.append(list);
    };
    group(result.errors, 'Errors', 'Each leaves something out of the story. Readers see only “Some entries could not be shown.”', 'errors');
    group(result.warnings, 'Warnings', 'The story shows without these, but readers never see them: check each.', 'warnings');
  }

  /** Moves the cursor to a problem's place and scrolls it into view. */
  private goTo(offset: number, line: number) {
    const input = this.input;
    input.focus();
    input.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(input).lineHeight) || 20;
    input.scrollTop = Math.max(0, (line - 3) * lineHeight);
    this.gutter.scrollTop = input.scrollTop;
  }

  private writeSnippets() {
    const incident = this.good;
    if (!incident) {
      this.snippet.value = this.iframeSnippet.value = '';
      return;
    }
    const id = storyId(this.typedId ? { id: this.typedId, title: '' } : incident);
    if (!this.typedId && document.activeElement !== this.ids.story) this.ids.story.value = id;
    let scriptUrl = this.ids.library.value.trim();
    try {
      scriptUrl = new URL(scriptUrl || '../dist/attack-timeline.min.js', location.href).href;
    } catch {
      scriptUrl = new URL('../dist/attack-timeline.min.js', this.base).href;
    }
    let host = '';
    try {
      host = new URL(scriptUrl).hostname;
    } catch {
      host = '';
    }
    q(this.root, 'library-warning').textContent =
      /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/.test(host) || scriptUrl.startsWith('file:')
        ? 'This address works only on this computer. Before publishing, put the address where your site or CDN serves attack-timeline.min.js (with the dist folder beside it).'
        : '';
    const options = {
      id,
      scriptUrl,
      embedUrl: new URL('../examples/', scriptUrl).href,
      dataUrl: this.ids.dataUrl.value.trim() || undefined,
      fallback: fallbackHtml(incident),
      minHeights: this.heights,
    };
    this.snippet.value = scriptSnippet(incident, options);
    this.iframeSnippet.value = iframeSnippet(incident, options);
  }

  private scheduleMeasure() {
    clearTimeout(this.measureTimer);
    this.measureTimer = window.setTimeout(() => void this.measure(), MEASURE_DELAY);
  }

  /** The story's height at both widths, once each has drawn and stopped growing. */
  private async measure() {
    const run = ++this.measureRun;
    const incident = this.good;
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
    this.writeSnippets();
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
    const incident = this.good;
    if (!incident) return void (statusBox.textContent = 'Nothing to download yet: fix the errors first.');
    const id = storyId(this.typedId ? { id: this.typedId, title: '' } : incident);
    try {
      let blob: Blob;
      let name: string;
      if (kind === 'json') [blob, name] = [new Blob([`${JSON.stringify(incident, null, 2)}\n`], { type: 'application/json' }), `${id}.json`];
      else if (kind === 'csv') [blob, name] = [new Blob([exportIncident(incident, 'csv')], { type: 'text/csv' }), `${id}.csv`];
      else if (kind === 'svg') [blob, name] = [new Blob([await this.story.toSVG()], { type: 'image/svg+xml' }), `${id}-${this.width}.svg`];
      else if (kind === 'png') [blob, name] = [await this.story.toPNG(), `${id}-${this.width}.png`];
      else {
        const card = this.measurers.desktop;
        card.theme = this.theme;
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

/** Nodes with a space between each, so the text reads (and copies) as words. */
const spaced = (nodes: Node[]): (Node | string)[] => nodes.flatMap((n, i) => (i ? [' ', n] : [n]));

/** Waits until a story has drawn and its height has held for a few frames; its height then. */
async function settledHeight(story: AttackStory, timeout = 8000): Promise<number> {
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
function save(blob: Blob, name: string, root: HTMLElement) {
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
