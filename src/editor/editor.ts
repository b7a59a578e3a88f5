/**
 * The newsroom editor (examples/editor.html): the producer's text in any format the importers
 * read, its problems with their places, a live `<attack-story>` preview that keeps the last good
 * version when an edit breaks (the Publish pane, with the embed code and downloads, is
 * publish.ts). It runs in the page alone:
 * nothing is sent anywhere, and the draft is kept in `localStorage`. Everything from the data
 * reaches the page as text (`textContent`, `value`), never as markup.
 */
import type { AttackStory } from '../components/attack-story/attack-story.js';
import { importIncident, type ImportFormat } from '../model/formats/index.js';
import type { Incident } from '../model/types.js';
import { q } from './dom.js';
import { renderIssues } from './issues-view.js';
import { Publisher } from './publish.js';
import { EMPTY_INCIDENT, fetchText } from './starters.js';

const DRAFT_KEY = 'attack-timeline:editor:draft';
const PREVIEW_DELAY = 250;

interface Draft {
  text: string;
  format: ImportFormat;
  timeZone?: string;
  id?: string;
  dataUrl?: string;
}

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
  private readonly zone: HTMLInputElement;
  private readonly publisher: Publisher;
  /** The last document the preview showed. */
  private good: Incident | null = null;
  private previewTimer = 0;
  private saveTimer = 0;
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
    this.zone = q(root, 'time-zone');
    this.publisher = new Publisher(root, this.base, { story: this.story, theme: () => this.theme, width: () => this.width }, () => this.save());
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
      const picker = e.target as HTMLInputElement;
      const file = picker.files?.[0];
      // Cleared, so choosing the same file again opens it again.
      picker.value = '';
      if (file) void this.openFile(file);
    });
    // Only files dropped here are taken; text dragged within the box moves as usual.
    const carriesFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));
    const drop = q<HTMLElement>(root, 'drop');
    drop.addEventListener('dragover', (e) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      drop.classList.add('dragging');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
    drop.addEventListener('drop', (e) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      drop.classList.remove('dragging');
      const file = e.dataTransfer?.files[0];
      if (file) void this.openFile(file);
    });
    q(root, 'undo').addEventListener('click', () => this.undo());
    for (const r of root.querySelectorAll<HTMLInputElement>('[data-editor="width"]')) r.addEventListener('change', () => this.fit());
    for (const r of root.querySelectorAll<HTMLInputElement>('[data-editor="theme"]')) r.addEventListener('change', () => this.applyTheme());
    this.zone.addEventListener('change', () => this.changed(true));
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
      this.publisher.settings = draft;
      this.zone.value = draft.timeZone ?? '';
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
        timeZone: this.zone.value.trim(),
        ...this.publisher.settings,
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
    this.publisher.resetId();
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
    const zone = this.zone.value.trim();
    const result = importIncident(text, { format: this.format.value as ImportFormat, ...(zone ? { timeZone: zone } : {}) });
    renderIssues(this.issues, text, result);
    const drawable = result.incident && (result.errors.length === 0 || result.incident.events.length > 0);
    if (drawable) {
      this.good = result.incident;
      const selection = this.story.selection;
      this.story.incident = result.incident;
      this.story.selection = selection;
      this.stale.textContent = '';
      this.stale.hidden = true;
    } else {
      this.stale.hidden = false;
      this.stale.textContent = this.good
        ? 'The preview shows the last version that worked: fix the errors listed under Problems to update it.'
        : 'Nothing to preview yet: fix the errors listed under Problems.';
    }
    this.publisher.show(this.good, Boolean(drawable));
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
}
