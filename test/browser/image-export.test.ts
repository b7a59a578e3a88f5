/**
 * Image export on all three elements: `toSVG()` gives a standalone SVG of the current view
 * (it parses, holds the titles and the header and source lines, refers to nothing outside,
 * carries no script), and `toPNG()` a PNG blob of the right size.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { AttackStory } from '../../src/components/attack-story/attack-story.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { Incident } from '../../src/model/types.js';
import { PAYLOADS } from './corpus.js';
import { drawnMap, drawnStory, mount } from './harness.js';
import { aiimsIncident, cleanup } from './helpers.js';

afterEach(cleanup);

const parse = (svg: string) => {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'the SVG parses').to.equal(null);
  return doc;
};

/** Every reference out of the document: href, xlink:href, src, or a url() that is not #local. */
const externalRefs = (doc: Document) => {
  const out: string[] = [];
  for (const el of doc.querySelectorAll('*'))
    for (const a of el.attributes) {
      if (/^(href|xlink:href|src)$/.test(a.name) && !a.value.startsWith('#')) out.push(`${el.localName} ${a.name}=${a.value}`);
      if (/url\(\s*["']?(?!#)/.test(a.value)) out.push(`${el.localName} ${a.name}=${a.value}`);
      if (/^on/i.test(a.name)) out.push(`${el.localName} ${a.name}`);
    }
  return out;
};

/** The PNG's pixel size, from its IHDR chunk. */
const pngSize = async (blob: Blob) => {
  const bytes = new DataView(await blob.arrayBuffer());
  expect(bytes.getUint32(0)).to.equal(0x89504e47, 'PNG signature');
  return { width: bytes.getUint32(16), height: bytes.getUint32(20) };
};

const texts = (doc: Document) => [...doc.querySelectorAll('text, tspan')].map((t) => t.textContent).join('\n');

describe('toSVG and toPNG', () => {
  it('a timeline: a standalone SVG holding the title, the zone line, the event titles and the sources', async () => {
    const data = await aiimsIncident();
    const t = await mount<AttackTimeline>('attack-timeline', (el) => (el.incident = data));
    const svg = await t.el.toSVG();
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.localName).to.equal('svg');
    expect(root.getAttribute('xmlns')).to.equal('http://www.w3.org/2000/svg');
    expect(Number(root.getAttribute('width'))).to.be.within(1200, 1320);
    const text = texts(doc);
    expect(text).to.contain(data.title.slice(0, 30));
    expect(text).to.match(/Times in (IST|India Standard Time)/);
    expect(text).to.match(/^Sources: .*NDTV/m);
    // Every drawn label is in the image as text.
    for (const label of t.root.querySelectorAll('.plot text')) expect(text).to.contain(label.textContent);
    expect(externalRefs(doc)).to.deep.equal([]);
    expect(doc.querySelectorAll('script, foreignObject, style, image, a, use')).to.have.length(0);
    // Styles are inlined: marks carry their colour; text names a font stack with fallbacks.
    expect(doc.querySelector('[data-event-id]'), 'hooks and classes are not copied').to.equal(null);
    expect(doc.querySelector('circle[fill], path[fill]')).to.exist;
    expect(doc.querySelector('g[font-family]')!.getAttribute('font-family')).to.contain('sans-serif');
  });

  it('follows the view: zoom, selection and theme', async () => {
    const data = await aiimsIncident();
    const t = await mount<AttackTimeline>('attack-timeline', (el) => (el.incident = data));
    const before = await t.el.toSVG();
    t.el.theme = 'dark';
    await t.settle();
    const dark = parse(await t.el.toSVG());
    const bg = dark.querySelector('svg > rect')!.getAttribute('fill')!;
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, `dark background ${bg}`).to.be.lessThan(150);
    t.el.select('ev-fir');
    await t.settle();
    t.button('Zoom in')!.click();
    await t.settle();
    await new Promise((r) => setTimeout(r, 400));
    const zoomed = await t.el.toSVG();
    expect(zoomed).not.to.equal(before);
    const shownLabels = [...t.root.querySelectorAll('.plot text')].map((n) => n.textContent);
    const text = texts(parse(zoomed));
    for (const l of shownLabels) expect(text).to.contain(l);
  });

  it('is the element at its own size when a page shrinks it with a transform (a scaled preview)', async () => {
    const data = await aiimsIncident();
    const s = await drawnStory((el: AttackStory) => (el.incident = data));
    const size = (svg: string) => {
      const root = parse(svg).documentElement;
      return [root.getAttribute('width'), root.getAttribute('height')];
    };
    const plain = await s.el.toSVG();
    const box = s.el.parentElement!;
    box.style.transformOrigin = '0 0';
    box.style.transform = 'scale(0.53)';
    const scaled = await s.el.toSVG();
    box.style.transform = '';
    expect(size(scaled)).to.deep.equal(size(plain));
    expect(Number(size(plain)[0])).to.be.greaterThan(1200);
    // Each chart where it is on screen, to within the rounding a transform brings.
    const offsets = (svg: string) =>
      [...parse(svg).querySelectorAll('svg > g > g[transform]')].flatMap((g) =>
        g
          .getAttribute('transform')!
          .match(/[\d.]+/g)!
          .map(Number),
      );
    const a = offsets(plain);
    const b = offsets(scaled);
    expect(b).to.have.length(a.length);
    b.forEach((v, i) => expect(v).to.be.closeTo(a[i]!, 0.5));
  });

  it('escapes data text and copies no markup from it', async () => {
    const data = await aiimsIncident();
    const hostile: Incident = { ...data, title: PAYLOADS[0]!, events: data.events.map((e, i) => ({ ...e, title: PAYLOADS[i % PAYLOADS.length]! })) };
    const t = await mount<AttackTimeline>('attack-timeline', (el) => (el.incident = hostile));
    const svg = await t.el.toSVG();
    const doc = parse(svg);
    expect(doc.querySelectorAll('script, foreignObject, img, iframe, image')).to.have.length(0);
    expect(externalRefs(doc)).to.deep.equal([]);
    expect(texts(doc)).to.contain(PAYLOADS[0]);
  });

  it('a map: its drawing, its title and the land credit', async () => {
    const data = await aiimsIncident();
    const m = await drawnMap((el) => (el.incident = data));
    const doc = parse(await m.el.toSVG());
    const text = texts(doc);
    expect(text).to.contain('Places named in the claims');
    expect(text).to.contain('Natural Earth');
    expect(doc.querySelectorAll('path').length).to.be.greaterThan(3);
    expect(externalRefs(doc)).to.deep.equal([]);
  });

  it('a story: timeline and map in one image, a PNG at 2× by default and a 1200 × 675 card', async () => {
    const data = await aiimsIncident();
    const s = await drawnStory((el: AttackStory) => (el.incident = data));
    const svg = await s.el.toSVG();
    const doc = parse(svg);
    const text = texts(doc);
    expect(text).to.contain(data.title.slice(0, 30));
    expect(text).to.contain('Natural Earth');
    expect(text).to.match(/Updated/);
    const width = Number(doc.documentElement.getAttribute('width'));
    const height = Number(doc.documentElement.getAttribute('height'));
    const png = await s.el.toPNG();
    expect(png.type).to.equal('image/png');
    expect(await pngSize(png)).to.deep.equal({ width: width * 2, height: height * 2 });
    const one = await s.el.toPNG({ scale: 1 });
    expect(await pngSize(one)).to.deep.equal({ width, height });
    const card = await s.el.toPNG({ width: 1200, height: 675, scale: 1 });
    expect(await pngSize(card)).to.deep.equal({ width: 1200, height: 675 });
  });

  it('rejects with a clear message when nothing is drawn yet', async () => {
    const t = await mount<AttackTimeline>('attack-timeline');
    let message = '';
    await t.el.toSVG().catch((e: Error) => (message = e.message));
    expect(message).to.equal('<attack-timeline> has nothing drawn to export yet');
  });

  it('the source line says when a headline standing for its source was not verified', async () => {
    const data = await aiimsIncident();
    data.sources = [{ id: 'only', title: 'Rebuilt from the address', url: 'https://news.example.com/x', titleVerified: false }];
    data.events = data.events.map((e) => ({ ...e, sources: ['only'] }));
    data.claims = [];
    const t = await mount<AttackTimeline>('attack-timeline', (el) => (el.incident = data));
    expect(texts(parse(await t.el.toSVG()))).to.contain('Sources: Rebuilt from the address (headline not verified)');
  });

  it('rejects, and draws nothing broken, when the drawn element is hidden', async () => {
    const data = await aiimsIncident();
    const t = await mount<AttackTimeline>('attack-timeline', (el) => (el.incident = data));
    t.el.parentElement!.hidden = true;
    let message = '';
    await t.el.toSVG().catch((e: Error) => (message = e.message));
    expect(message).to.match(/nothing is drawn on screen to export/);
  });
});
