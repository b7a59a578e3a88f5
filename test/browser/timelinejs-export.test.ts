import { assert, expect } from 'chai';
import { exportIncident } from '../../src/model/formats/index.js';
import type { Incident } from '../../src/model/types.js';
import { frames, trapPageErrors, waitFor } from './helpers.js';

/**
 * Our TimelineJS3 export, opened by the real TimelineJS3 (the `@knight-lab/timelinejs`
 * devDependency) the way a newsroom would embed it: no error message, one slide per event,
 * the headlines as text, the display dates as written.
 */

const TL_DIST = '/node_modules/@knight-lab/timelinejs/dist';

interface TlSlideData {
  unique_id: string;
  display_date?: string;
  text: { headline: string; text: string };
}
interface TlTimeline {
  on(type: string, fn: (e: unknown) => void): void;
  config: { events: TlSlideData[]; getErrors(): unknown[]; isValid(): boolean } | null;
}
type TlWindow = Window & { TL?: { Timeline: new (el: HTMLElement, data: object, options?: object) => TlTimeline } };

/** What loading TimelineJS3 adds to the page, so `after` can take it away again. */
let added: { keys: string[]; elements: Element[]; getComputedStyle: PropertyDescriptor | undefined } | null = null;

const attach = <T extends HTMLElement>(el: T) =>
  new Promise<T>((resolve, reject) => {
    el.addEventListener('load', () => resolve(el), { once: true });
    el.addEventListener('error', () => reject(new Error(`could not load ${(el as unknown as HTMLScriptElement).src || (el as unknown as HTMLLinkElement).href}`)), { once: true });
    document.head.append(el);
  });

/** Injects TimelineJS3's CSS and script once. */
async function loadTimelineJs(): Promise<NonNullable<TlWindow['TL']>> {
  if (!added) {
    const keys = new Set(Object.keys(window));
    // The bundled Zepto replaces window.getComputedStyle when it throws on a non-element.
    const gcs = Object.getOwnPropertyDescriptor(window, 'getComputedStyle');
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${TL_DIST}/css/timeline.css` });
    const script = Object.assign(document.createElement('script'), { src: `${TL_DIST}/js/timeline.js` });
    await Promise.all([attach(link), attach(script)]);
    added = { keys: Object.keys(window).filter((k) => !keys.has(k)), elements: [link, script], getComputedStyle: gcs };
  }
  const TL = (window as TlWindow).TL;
  if (!TL?.Timeline) throw new Error('TimelineJS3 did not define window.TL.Timeline');
  return TL;
}

function unloadTimelineJs(): void {
  if (!added) return;
  for (const el of added.elements) el.remove();
  // Font and theme stylesheets TimelineJS3 adds by itself.
  for (const l of document.querySelectorAll(`link[href*="timelinejs/dist/"]`)) l.remove();
  // `var TL` is a non-configurable global: where it cannot go, empty it.
  for (const k of added.keys) if (!Reflect.deleteProperty(window, k)) (window as unknown as Record<string, unknown>)[k] = undefined;
  if (added.getComputedStyle) Object.defineProperty(window, 'getComputedStyle', added.getComputedStyle);
  added = null;
}

/**
 * Page-wide hooks TimelineJS3 leaves behind (a window resize listener, a document keydown
 * listener, an IntersectionObserver on the container): it has no destroy(), so record them
 * while it builds and undo them afterwards.
 */
function recordGlobalHooks() {
  const listeners: [EventTarget, string, EventListenerOrEventListenerObject | null, boolean | EventListenerOptions | undefined][] = [];
  const observers: IntersectionObserver[] = [];
  const targets: EventTarget[] = [window, document];
  const originals = targets.map((t) => Object.getOwnPropertyDescriptor(t, 'addEventListener'));
  for (const t of targets) {
    const add = EventTarget.prototype.addEventListener;
    Object.defineProperty(t, 'addEventListener', {
      configurable: true,
      writable: true,
      value(this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
        listeners.push([this, type, fn, options]);
        return add.call(this, type, fn, options);
      },
    });
  }
  const IO = window.IntersectionObserver;
  window.IntersectionObserver = class extends IO {
    constructor(cb: IntersectionObserverCallback, options?: IntersectionObserverInit) {
      super(cb, options);
      observers.push(this);
    }
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    targets.forEach((t, i) => {
      if (originals[i]) Object.defineProperty(t, 'addEventListener', originals[i]);
      else delete (t as unknown as Record<string, unknown>).addEventListener;
    });
    window.IntersectionObserver = IO;
  };
  return {
    /** Stops recording; the hooks stay until `undo`. */
    stop,
    undo() {
      stop();
      for (const [t, type, fn, options] of listeners.splice(0)) t.removeEventListener(type, fn, options);
      for (const o of observers.splice(0)) o.disconnect();
    },
  };
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

interface Rendered {
  container: HTMLElement;
  data: { title?: TlSlideData; events: TlSlideData[] };
  errors: string[];
  message: string;
}

const cleanups: (() => void)[] = [];

/** Exports an example incident, builds a TimelineJS3 timeline from the text, waits for it. */
async function render(url: string): Promise<{ incident: Incident; rendered: Rendered }> {
  const incident: Incident = await (await fetch(url)).json();
  const json = exportIncident(incident, 'timelinejs');
  const data = JSON.parse(json) as Rendered['data'];
  const TL = await loadTimelineJs();

  const container = document.createElement('div');
  container.style.cssText = 'width: 1024px; height: 640px; position: relative;';
  document.body.append(container);
  const trap = trapPageErrors();
  const hooks = recordGlobalHooks();
  cleanups.push(() => {
    trap.stop();
    hooks.undo();
    container.remove();
  });

  let dataloaded = false;
  let loaded = false;
  const thrown: string[] = [];
  let tl: TlTimeline | null = null;
  try {
    // hash_bookmark off: TimelineJS3 would rewrite the runner's URL. No analytics. The script
    // path is given (absolute: it is a URL base), so fonts come from the package, not the CDN.
    tl = new TL.Timeline(container, JSON.parse(json), {
      hash_bookmark: false,
      track_events: [],
      ga_measurement_id: null,
      ga_property_id: null,
      script_path: new URL(`${TL_DIST}/js/`, location.href).href,
    });
    tl.on('dataloaded', () => (dataloaded = true));
    tl.on('loaded', () => (loaded = true));
  } catch (err) {
    thrown.push(String(err));
  }
  const message = () => text(container.querySelector('.tl-message-content'));
  const messageShown = () => {
    const m = container.querySelector('.tl-message-content');
    return !!m && m.isConnected && (m.closest('.tl-message, .tl-message-full') as HTMLElement | null)?.offsetParent !== null && message();
  };
  if (!thrown.length) {
    // Done once it says it loaded, or once it shows an error (it never fires 'loaded' then).
    await waitFor(() => loaded || thrown.length || /error/i.test(message()), 'TimelineJS3 to load or show an error', 15_000).catch((e) => {
      thrown.push(`${e} (dataloaded: ${dataloaded}, message: "${message()}")`);
    });
    await frames(3);
  }
  hooks.stop();
  trap.stop();
  const errors = [...thrown, ...trap.errors];
  if (tl?.config && !tl.config.isValid()) errors.push(...tl.config.getErrors().map(String));
  if (!dataloaded) errors.push('no dataloaded event');
  return { incident, rendered: { container, data, errors, message: messageShown() ? message() : '' } };
}

/** The slide TimelineJS3 built for an event: it gives the slide the event's unique_id. */
const slideFor = (container: HTMLElement, id: string) => [...container.querySelectorAll('.tl-slide')].find((s) => s.id === id) ?? null;

function expectLoaded(incident: Incident, { container, data, errors, message }: Rendered) {
  expect(errors, 'errors thrown or reported by TimelineJS3').to.deep.equal([]);
  expect(message, 'message shown by TimelineJS3').to.not.match(/error/i);
  expect(container.querySelector('.tl-storyslider'), 'story slider').to.exist;
  expect(container.querySelector('.tl-timenav'), 'time navigation').to.exist;

  const slides = [...container.querySelectorAll('.tl-slide')];
  expect(container.querySelectorAll('.tl-slide-titleslide'), 'title slide').to.have.length(1);
  expect(slides.length - 1, 'slides other than the title').to.equal(incident.events.length);
  expect(data.events).to.have.length(incident.events.length);

  // The title slide shows the incident's title as text.
  const title = container.querySelector('.tl-slide-titleslide .tl-headline');
  expect(text(title)).to.equal(incident.title);

  // Every event's headline is there as its title, escaped: the same text, no markup.
  for (const event of incident.events) {
    const slide = slideFor(container, event.id);
    expect(slide, `slide for ${event.id}`).to.exist;
    const headline = slide!.querySelector('.tl-headline');
    expect(text(headline), `headline of ${event.id}`).to.equal(event.title.replace(/\s+/g, ' ').trim());
    expect(headline!.children, `markup in the headline of ${event.id}`).to.have.length(0);

    // The display date is the one written: the incident's own, or the exporter's.
    const written = data.events.find((e) => e.unique_id === event.id)!.display_date;
    expect(written, `display_date of ${event.id}`).to.be.a('string').and.not.equal('');
    if (event.displayDate) expect(written).to.equal(event.displayDate);
    expect(text(slide!.querySelector('.tl-headline-date')), `date of ${event.id}`).to.equal(written!.replace(/\s+/g, ' ').trim());
  }

  // Lanes become TimelineJS3 groups, labelled in the time navigation as text.
  const groups = [...container.querySelectorAll('.tl-timegroup-message')].map(text).sort();
  expect(groups, 'group labels').to.deep.equal(incident.lanes!.map((l) => l.label).sort());

  // The first event in the data, checked as a reader would find it anywhere on the page.
  const first = incident.events[0];
  assert.exists(first, 'the incident has an event');
  expect(container.textContent).to.contain(first.title);
  expect(container.innerHTML).to.not.contain('&amp;quot;').and.not.contain('&amp;#');
}

describe('TimelineJS3 export in the real TimelineJS3', () => {
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  after(unloadTimelineJs);

  it('loads the AIIMS example: one slide per event, headlines and dates as written', async () => {
    const { incident, rendered } = await render('/examples/data/aiims-delhi-2022.json');
    expectLoaded(incident, rendered);
    // English dates where the incident has none of its own (the eHospital restore gives only its day).
    expect(incident.events.find((e) => e.id === 'ev-ehospital-restored')!.displayDate).to.equal(undefined);
    const restored = rendered.data.events.find((e) => e.unique_id === 'ev-ehospital-restored');
    expect(text(slideFor(rendered.container, 'ev-ehospital-restored')!.querySelector('.tl-headline-date'))).to.equal(restored!.display_date);
    expect(restored!.display_date).to.match(/^\d{1,2} [A-Z][a-z]{2} 2022/);
  });

  it('loads the Hindi edition', async () => {
    const { incident, rendered } = await render('/examples/data/aiims-delhi-2022.hi.json');
    expectLoaded(incident, rendered);
    expect(text(rendered.container.querySelector('.tl-slide-titleslide .tl-headline'))).to.match(/[\u0900-\u097F]/);
    // An event with its own Hindi display date shows it unchanged.
    const own = incident.events.find((e) => e.displayDate)!;
    expect(text(slideFor(rendered.container, own.id)!.querySelector('.tl-headline-date'))).to.equal(own.displayDate);
  });
});
