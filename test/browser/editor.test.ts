/**
 * The newsroom editor driven through its hooks ([data-editor="input" | "preview" | "issues" |
 * "snippet"]): typed JSON previews, a misspelt field is a warning with its path and line, a
 * trailing comma an error with its line that moves the cursor there, a TimelineJS3 sheet
 * previews, the snippet holds the story, its data and a fallback with every title, hostile
 * text runs nothing, the draft survives a reload, and the page passes axe. One test loads the
 * real page, with its strict CSP, in an iframe.
 */
import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import { Editor } from '../../src/editor/editor.js';
import '../../src/index.js';
import { PAYLOADS } from './corpus.js';
import { aiimsIncident, axeViolations, frames, trapPageErrors, waitFor } from './helpers.js';

let page: Document | null = null;
const mounted: Element[] = [];
let key = 0;

/** The editor page's markup, loaded into this document and started with its own draft key. */
async function editor(draft?: string, storageKey = `editor-test-${Date.now()}-${++key}`) {
  page ??= new DOMParser().parseFromString(await (await fetch('/examples/editor.html')).text(), 'text/html');
  if (!document.querySelector('link[data-editor-css]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/examples/editor.css';
    link.dataset.editorCss = '';
    document.head.append(link);
    await new Promise((r) => link.addEventListener('load', r, { once: true }));
  }
  if (draft !== undefined) localStorage.setItem(storageKey, JSON.stringify({ text: draft, format: 'auto' }));
  const root = document.importNode(page.querySelector('[data-editor-app]')!, true) as HTMLElement;
  document.body.append(root);
  mounted.push(root);
  new Editor(root, { base: new URL('/examples/', location.href), storageKey });
  await waitFor(() => 'ready' in root.dataset, 'editor ready');
  const hook = <T extends Element>(name: string) => root.querySelector<T>(`[data-editor="${name}"]`)!;
  const input = hook<HTMLTextAreaElement>('input');
  const story = hook('preview').querySelector<AttackStory>('attack-story')!;
  return {
    root,
    storageKey,
    input,
    story,
    issues: hook('issues'),
    snippet: hook<HTMLTextAreaElement>('snippet'),
    /** Types text as a producer would: the value changes, then an input event. */
    async type(text: string) {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 400));
      await story.updateComplete;
      await frames(2);
    },
    /** Ids of the events the preview draws. */
    drawn(): string[] {
      story.scrollIntoView();
      const timeline = story.shadowRoot?.querySelector('attack-timeline');
      return [...(timeline?.shadowRoot?.querySelectorAll('[data-event-id]') ?? [])].map((n) => n.getAttribute('data-event-id')!);
    },
  };
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const doc = (events: { id: string; title: string }[], extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      version: 1,
      id: 'desk-story',
      title: 'A desk story',
      timeZone: 'Asia/Kolkata',
      sources: [{ id: 's', title: 'Report', publisher: 'Example Daily', url: 'https://news.example.com/a' }],
      events: events.map((e, i) => ({ ...e, start: `2024-05-${String(i + 1).padStart(2, '0')}`, status: 'reported', sources: ['s'] })),
      ...extra,
    },
    null,
    2,
  );

/** A TimelineJS3 sheet as Google Sheets exports it: its header row, a title slide, and events. */
const SHEET = [
  'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background',
  ',,,,,,,,,Ward systems fail at a district hospital,"<p>A desk\'s sheet, read as it is.</p>",,,,,title,,',
  '2024,3,4,07:15,,,,,,Screens go dark,"<p>Staff find a ransom note. <a href=""https://news.example.com/screens"">Example Daily</a></p>",,,,,,Attack,',
  '2024,3,5,,2024,3,9,,,Paper records for five days,<p>Wards switch to paper.</p>,,,,,,Recovery,',
  '2024,4,,,,,,,Early April,Police register a case,,,,,,,Police,',
].join('\n');

describe('the editor', () => {
  it('works by keyboard alone: Tab from the text reaches the problem, Enter takes the cursor to its line', async () => {
    const text = doc([{ id: 'one', title: 'First thing' }]).replace('"status"', '"staus"');
    const e = await editor(text);
    e.input.focus();
    let button: HTMLButtonElement | null = null;
    for (let i = 0; i < 12 && !button; i++) {
      await sendKeys({ press: 'Tab' });
      const active = document.activeElement;
      if (active instanceof HTMLButtonElement && active.dataset.offset) button = active;
    }
    expect(button, 'a problem reached by Tab').to.exist;
    await sendKeys({ press: 'Enter' });
    expect(document.activeElement).to.equal(e.input);
    const line = text.split('\n').findIndex((l) => l.includes('"staus"')) + 1;
    expect(e.input.value.slice(0, e.input.selectionStart).split('\n').length).to.equal(line);
    // Every region is labelled.
    for (const section of e.root.querySelectorAll('section')) expect(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).to.match(/\S/);
  });

  it('starts from the AIIMS example and previews it, with no problems', async () => {
    const { events } = await aiimsIncident();
    const e = await editor();
    expect(e.input.value).to.contain('"aiims-delhi-2022"');
    await waitFor(() => e.drawn().length === events.length, 'AIIMS drawn');
    expect(e.drawn().sort()).to.deep.equal(events.map((ev) => ev.id).sort());
    expect(e.issues.textContent).to.contain('No problems found.');
  });

  it('typed JSON previews as it is typed, and the selection is kept across edits', async () => {
    const e = await editor(doc([{ id: 'one', title: 'First thing' }]));
    await waitFor(() => e.drawn().join() === 'one', 'first preview');
    e.story.select('one');
    await e.type(
      doc([
        { id: 'one', title: 'First thing' },
        { id: 'two', title: 'Second thing' },
      ]),
    );
    await waitFor(() => e.drawn().length === 2, 'second event previewed');
    expect(e.story.selected).to.equal('one');
  });

  it('a misspelt field is a warning with its path and its line', async () => {
    const text = doc([{ id: 'one', title: 'First thing' }]).replace('"status"', '"staus"');
    const e = await editor(text);
    const warnings = e.issues.querySelector('.warnings')!;
    const item = [...warnings.querySelectorAll('li')].find((li) => li.textContent.includes('events[0].staus'));
    expect(item, e.issues.textContent).to.exist;
    expect(item!.textContent).to.contain('is not a field of an event');
    const line = text.split('\n').findIndex((l) => l.includes('"staus"')) + 1;
    expect(item!.textContent).to.contain(`line ${line}`);
    // The story still previews: a warning leaves nothing out.
    await waitFor(() => e.drawn().join() === 'one', 'previewed');
  });

  it('a trailing comma is an error with its line; a click puts the cursor there; the preview keeps the last good version, marked stale', async () => {
    const good = doc([{ id: 'one', title: 'First thing' }]);
    const e = await editor(good);
    await waitFor(() => e.drawn().join() === 'one', 'first preview');
    const broken = good.replace(/("sources": \[\s*"s"\s*\])(\s*\})/, '$1,$2');
    expect(broken).not.to.equal(good);
    await e.type(broken);
    // The comma is on one line, the brace it must not precede on the next.
    const comma = broken.search(/\],\s*\}/) + 1;
    const line = broken.slice(0, comma).split('\n').length;
    const errors = e.issues.querySelector('.errors')!;
    expect(errors.textContent).to.match(/trailing comma/);
    const button = errors.querySelector('button')!;
    const shownLine = Number(/line (\d+)/.exec(button.textContent)![1]);
    expect(shownLine).to.be.within(line, line + 1);
    button.click();
    expect(document.activeElement).to.equal(e.input);
    const before = e.input.value.slice(0, e.input.selectionStart);
    expect(before.split('\n').length).to.equal(shownLine);
    // The last good preview stays, and says it is stale.
    expect(e.drawn()).to.deep.equal(['one']);
    expect(e.root.querySelector('[data-editor="stale"]')!.textContent).to.contain('last version that worked');
    // Fixed: fresh again.
    await e.type(good);
    expect(e.root.querySelector('[data-editor="stale"]')!.textContent).to.equal('');
  });

  it('a pasted TimelineJS3 sheet previews, with its slides as events', async () => {
    const e = await editor();
    await e.type(SHEET);
    expect(e.issues.textContent).to.contain('Read as a TimelineJS3 sheet (CSV)');
    await waitFor(() => e.drawn().length === 3, 'three events from the sheet');
    expect(e.story.incident!.title).to.equal('Ward systems fail at a district hospital');
  });

  it('the snippet holds <attack-story> with the data, a fallback list with every title, and the measured heights', async () => {
    const data = await aiimsIncident();
    const e = await editor(JSON.stringify(data));
    await waitFor(() => e.root.dataset.measured, 'heights measured', 20000);
    const snippet = e.snippet.value;
    const parsed = new DOMParser().parseFromString(snippet, 'text/html');
    const story = parsed.querySelector('attack-story')!;
    expect(story.id).to.equal('aiims-delhi-2022');
    expect(parsed.querySelector('script[type="module"]')!.getAttribute('src')).to.match(/\/dist\/attack-timeline\.min\.js$/);
    const inline = story.querySelector('script[type="application/json"]')!;
    expect((JSON.parse(inline.textContent) as { title: string }).title).to.equal(data.title);
    const items = [...story.querySelectorAll('ol > li')].map((li) => li.textContent);
    expect(items).to.have.length(data.events.length);
    for (const ev of data.events)
      expect(
        items.some((t) => t.includes(ev.title)),
        ev.title,
      ).to.equal(true);
    const [phone, desktop] = e.root.dataset.measured!.split(',').map(Number);
    expect(phone).to.be.greaterThan(desktop!);
    expect(story.getAttribute('style')).to.equal(`--attack-story-min-height: ${phone}px; --attack-story-min-height-wide: ${desktop}px`);
    // With a data URL, the data is fetched instead of inline.
    const url = e.root.querySelector<HTMLInputElement>('[data-editor="data-url"]')!;
    url.value = 'https://news.example.com/data/aiims.json';
    url.dispatchEvent(new Event('input'));
    const withUrl = new DOMParser().parseFromString(e.snippet.value, 'text/html').querySelector('attack-story')!;
    expect(withUrl.getAttribute('src')).to.equal('https://news.example.com/data/aiims.json');
    expect(withUrl.querySelector('script')).to.equal(null);
    const iframe = new DOMParser().parseFromString(e.root.querySelector<HTMLTextAreaElement>('[data-editor="iframe-snippet"]')!.value, 'text/html').querySelector('iframe')!;
    expect(new URL(iframe.src).searchParams.get('src')).to.equal('https://news.example.com/data/aiims.json');
    expect(Number(iframe.getAttribute('height'))).to.equal(phone);
  });

  it('hostile text typed in runs no script, in the preview, the problems or the snippet', async () => {
    const trap = trapPageErrors();
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const events = PAYLOADS.map((p, i) => ({ id: p, title: p, description: p, lane: p, displayDate: i % 2 ? p : undefined }));
    const text = doc(events, { title: PAYLOADS[2], summary: PAYLOADS[0], bogus: PAYLOADS[1] });
    const e = await editor(text);
    await waitFor(() => e.drawn().length === PAYLOADS.length, 'hostile events drawn');
    await e.type(`${text.slice(0, -3)}<script>window.__xss=99</script>`);
    await new Promise((r) => setTimeout(r, 800));
    expect(w.__xss).to.equal(undefined);
    expect(e.root.querySelectorAll('script, iframe, img, svg a')).to.have.length(0);
    const snippet = new DOMParser().parseFromString(e.snippet.value, 'text/html');
    // Only the two scripts the snippet means: the library and the inline data.
    expect([...snippet.querySelectorAll('script')].map((s) => s.type)).to.deep.equal(['module', 'application/json']);
    expect(snippet.querySelectorAll('img, iframe, svg')).to.have.length(0);
    trap.stop();
    expect(trap.errors).to.deep.equal([]);
  });

  it('opens a file from the picker and from a drop, in any format', async () => {
    const e = await editor(doc([{ id: 'one', title: 'First thing' }]));
    const picker = e.root.querySelector<HTMLInputElement>('[data-editor="file"]')!;
    const files = new DataTransfer();
    files.items.add(new File([SHEET], 'desk-sheet.csv', { type: 'text/csv' }));
    picker.files = files.files;
    picker.dispatchEvent(new Event('change'));
    await waitFor(() => e.input.value === SHEET, 'the sheet opened');
    await waitFor(() => e.drawn().length === 3, 'the sheet previewed');
    expect(e.root.querySelector('.draft-status')!.textContent).to.contain('desk-sheet.csv');
    const dropped = new DataTransfer();
    dropped.items.add(new File([doc([{ id: 'dropped', title: 'Dropped thing' }])], 'story.json', { type: 'application/json' }));
    e.root.querySelector('[data-editor="drop"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    await waitFor(() => e.input.value.includes('Dropped thing'), 'the dropped file opened');
    await waitFor(() => e.drawn().join() === 'dropped', 'the dropped file previewed');
  });

  it('keeps the draft in localStorage and restores it; Undo brings back replaced text', async () => {
    const e = await editor(doc([{ id: 'one', title: 'First thing' }]));
    await e.type(doc([{ id: 'kept', title: 'Kept thing' }]));
    await new Promise((r) => setTimeout(r, 600));
    const saved = JSON.parse(localStorage.getItem(e.storageKey)!) as { text: string };
    expect(saved.text).to.contain('Kept thing');
    e.root.remove();
    const again = await editor(undefined, e.storageKey);
    expect(again.input.value).to.contain('Kept thing');
    again.root.querySelector<HTMLButtonElement>('[data-start="csv"]')!.click();
    await waitFor(() => again.input.value.startsWith('title,summary'), 'CSV template');
    const undo = again.root.querySelector<HTMLButtonElement>('[data-editor="undo"]')!;
    expect(undo.closest<HTMLElement>('.undo')!.hidden).to.equal(false);
    undo.click();
    expect(again.input.value).to.contain('Kept thing');
  });

  it('downloads the JSON, the CSV, the preview as SVG and PNG, and a 1200 × 675 card', async () => {
    const e = await editor(doc([{ id: 'one', title: 'First thing' }]));
    await waitFor(() => e.drawn().length === 1, 'drawn');
    await waitFor(() => e.root.dataset.measured, 'measured', 20000);
    const files: Record<string, Blob> = {};
    e.root.addEventListener('editor-download', (ev) => {
      const { name, blob } = (ev as CustomEvent<{ name: string; blob: Blob }>).detail;
      files[name] = blob;
    });
    for (const kind of ['json', 'csv', 'svg', 'png', 'card']) {
      e.root.querySelector<HTMLButtonElement>(`[data-download="${kind}"]`)!.click();
      await waitFor(() => Object.keys(files).length === ['json', 'csv', 'svg', 'png', 'card'].indexOf(kind) + 1, `${kind} download`, 15000);
    }
    expect(Object.keys(files)).to.deep.equal(['desk-story.json', 'desk-story.csv', 'desk-story-1280.svg', 'desk-story-1280.png', 'desk-story-card.png']);
    expect((JSON.parse(await files['desk-story.json']!.text()) as { title: string }).title).to.equal('A desk story');
    expect(await files['desk-story.csv']!.text()).to.contain('First thing');
    expect(await files['desk-story-1280.svg']!.text()).to.contain('First thing');
    const card = new DataView(await files['desk-story-card.png']!.arrayBuffer());
    expect([card.getUint32(16), card.getUint32(20)]).to.deep.equal([1200, 675]);
  });

  it('a time zone for data that names none; warns about a library address that works only here; copy says so beside its button', async () => {
    const e = await editor(SHEET);
    await waitFor(() => e.drawn().length === 3, 'sheet drawn');
    expect(e.issues.querySelector('.warnings')!.textContent).to.contain('timeZone');
    const zone = e.root.querySelector<HTMLInputElement>('[data-editor="time-zone"]')!;
    zone.value = 'Asia/Kolkata';
    zone.dispatchEvent(new Event('change'));
    await waitFor(() => e.story.incident?.timeZone === 'Asia/Kolkata', 'the zone applied');
    expect(e.issues.textContent).not.to.contain('timeZone');
    // The test page is served from localhost: the default library address is flagged.
    const library = e.root.querySelector<HTMLInputElement>('[data-editor="library-url"]')!;
    const warning = e.root.querySelector('[data-editor="library-warning"]')!;
    expect(warning.textContent).to.contain('works only on this computer');
    library.value = 'https://cdn.example.org/attack-timeline/dist/attack-timeline.min.js';
    library.dispatchEvent(new Event('input'));
    expect(warning.textContent).to.equal('');
    expect(e.snippet.value).to.contain('<script type="module" src="https://cdn.example.org/attack-timeline/dist/attack-timeline.min.js"></script>');
    // The clipboard, as the page sees it (a headless browser's own clipboard may ask for permission).
    const copied: string[] = [];
    const clipboard = navigator.clipboard as unknown as Record<string, unknown>;
    const real = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
    Object.defineProperty(clipboard, 'writeText', { configurable: true, value: (text: string) => Promise.resolve(void copied.push(text)) });
    const copy = e.root.querySelector<HTMLButtonElement>('[data-copy="snippet"]')!;
    try {
      copy.click();
      await waitFor(() => copied.length, 'copied');
    } finally {
      if (real) Object.defineProperty(clipboard, 'writeText', real);
      else delete clipboard.writeText;
    }
    expect(copied).to.deep.equal([e.snippet.value]);
    const near = copy.parentElement!.querySelector('.copy-status')!;
    await waitFor(() => near.textContent === 'Copied. Paste it into your article.', 'copy status beside its button');
    const other = e.root.querySelector('[data-copy="iframe-snippet"]')!.parentElement!.querySelector('.copy-status')!;
    expect(other.textContent).to.equal('');
  });

  it('has 0 axe violations, with problems listed', async () => {
    const e = await editor(doc([{ id: 'one', title: 'First thing' }]).replace('"status"', '"staus"'));
    await waitFor(() => e.drawn().length === 1, 'drawn');
    expect(await axeViolations(e.root)).to.deep.equal([]);
  });
});

describe('the editor page', () => {
  it('works under its own strict CSP: previews, and makes a PNG', async () => {
    localStorage.removeItem('attack-timeline:editor:draft');
    const iframe = document.createElement('iframe');
    iframe.width = '1300';
    iframe.height = '900';
    iframe.src = '/examples/editor.html';
    document.body.append(iframe);
    mounted.push(iframe);
    const root = await waitFor(() => iframe.contentDocument?.querySelector<HTMLElement>('[data-editor-app][data-ready]'), 'editor page ready', 15000);
    const story = root.querySelector<AttackStory>('[data-editor="preview"] attack-story')!;
    await waitFor(() => story.shadowRoot?.querySelector('attack-timeline')?.shadowRoot?.querySelector('[data-event-id]'), 'preview drawn', 15000);
    let name = '';
    root.addEventListener('editor-download', (ev) => (name = (ev as CustomEvent<{ name: string }>).detail.name));
    root.querySelector<HTMLButtonElement>('[data-download="png"]')!.click();
    await waitFor(() => name || /Could not/.test(root.querySelector('[data-editor="download-status"]')!.textContent), 'PNG made', 15000);
    expect(root.querySelector('[data-editor="download-status"]')!.textContent).to.match(/^Downloaded /);
  });
});
