/**
 * Image export: the drawn charts of an element, as the reader sees them now (zoom, selection,
 * theme), copied into one standalone SVG with a title, a "Times in …" line and a source line;
 * and that SVG rasterised to PNG. The copy keeps text as text and carries its look as SVG
 * presentation attributes read from the computed styles, so it needs no stylesheet, no font
 * file and nothing from the network. Only elements and attributes on an allow-list are copied:
 * no script, no foreignObject, no event handler, no link outside the document.
 */
import { wrap, type SizedMeasure } from '../layout/text.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Drawing elements copied; anything else (script, foreignObject, image, a, use, style) is dropped with its content. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'title',
  'defs',
  'clipPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
]);

/** Geometry and structure attributes copied as they are. */
const ATTRIBUTES = new Set(
  'x y x1 y1 x2 y2 cx cy r rx ry d points width height viewBox transform dx dy rotate text-anchor id clip-path clipPathUnits gradientUnits patternUnits offset stop-color stop-opacity fx fy preserveAspectRatio'.split(
    ' ',
  ),
);

/** Presentation properties read from computed styles; inherited ones are written only where they change. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'letter-spacing',
  'visibility',
] as const;
const OWN: Record<string, string> = { opacity: '1' };

/** A text reference inside the document (`#id`, `url(#id)`), the only kind kept. */
const LOCAL_REF = /^\s*(url\(\s*["']?#[^)"']*["']?\s*\)|#[\w-]*)\s*$/;

export interface ExportInput {
  /** The element: its box is the frame, its background and font the defaults. */
  host: HTMLElement;
  /** The drawn charts, placed as they are on screen. */
  charts: SVGSVGElement[];
  title: string;
  /** Lines under the title: "Times in IST", "Updated …". */
  subtitle: string[];
  /** Lines at the foot: sources, data credits. */
  footer: string[];
  measure: SizedMeasure;
}

const PAD = 16;

/** A standalone SVG document (as text) of the charts with their header and footer. */
export function exportSvg(input: ExportInput): string {
  const { host, charts, measure } = input;
  const hostStyle = getComputedStyle(host);
  const ink = hostStyle.color || '#1a1a1a';
  const background = opaque(hostStyle.backgroundColor) ? hostStyle.backgroundColor : backgroundOf(host);
  const font = hostStyle.fontFamily || 'sans-serif';
  // Positions come from the screen, in CSS px of the layout: a scaled ancestor (a preview shrunk
  // to fit) is divided out, so the image is the element at its own size.
  const hostBox = host.getBoundingClientRect();
  const zoom = host.offsetWidth > 0 && hostBox.width > 0 ? hostBox.width / host.offsetWidth : 1;
  const placed = charts
    .map((chart) => ({ chart, box: chart.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && box.height > 0)
    .map(({ chart, box }) => ({ chart, left: box.left / zoom, top: box.top / zoom, right: box.right / zoom, bottom: box.bottom / zoom }));
  if (!placed.length) throw new Error('nothing is drawn on screen to export (the element is hidden or has no size)');
  const left = Math.min(...placed.map((b) => b.left));
  const top = Math.min(...placed.map((b) => b.top));
  const chartsWidth = placed.length ? Math.max(...placed.map((b) => b.right)) - left : 0;
  const chartsHeight = placed.length ? Math.max(...placed.map((b) => b.bottom)) - top : 0;
  const width = Math.ceil(Math.max(chartsWidth + 2 * PAD, 320));
  const textWidth = width - 2 * PAD;

  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const node = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const body = el('g', { 'font-family': font, fill: ink });
  let y = PAD;
  const lines = (texts: string[], size: number, attrs: Record<string, string | number>, max: number) => {
    for (const text of texts) {
      for (const line of wrap(text, textWidth, max, (t) => measure(t, size) * (attrs['font-weight'] === 700 ? 1.08 : 1))) {
        y += size * 1.3;
        body.append(el('text', { x: PAD, y: Math.round(y - size * 0.3), 'font-size': size, ...attrs }, line));
      }
    }
  };
  lines([input.title], 20, { 'font-weight': 700 }, 3);
  lines(input.subtitle.filter(Boolean), 13, { 'fill-opacity': 0.75 }, 2);
  y += 10;
  placed.forEach((b) => {
    const g = el('g', { transform: `translate(${round(PAD + b.left - left)} ${round(y + b.top - top)})` });
    const copy = copyElement(b.chart, doc, null);
    if (copy) g.append(copy);
    body.append(g);
  });
  y += chartsHeight + 6;
  lines(input.footer.filter(Boolean), 12, { 'fill-opacity': 0.75 }, 4);
  const height = Math.ceil(y + PAD);

  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.append(el('title', {}, input.title));
  root.append(el('rect', { width, height, fill: background }));
  root.append(body);
  return new XMLSerializer().serializeToString(doc);
}

const round = (n: number) => Math.round(n * 100) / 100;

function opaque(colour: string): boolean {
  return Boolean(colour) && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour);
}

/** The first opaque background up the tree (the page's, for a transparent element), else white. */
function backgroundOf(node: Element): string {
  let n: Node | null = node;
  while (n) {
    if (n instanceof Element) {
      const c = getComputedStyle(n).backgroundColor;
      if (opaque(c)) return c;
    }
    n = n instanceof ShadowRoot ? n.host : n.parentNode;
  }
  return '#ffffff';
}

/**
 * A copy of one drawn element and its allowed descendants, its look read from computed style.
 * Inherited properties are written where they differ from the parent's; on a chart's root
 * (no parent) all of them, as the copy's new parent does not have them.
 */
function copyElement(source: Element, doc: XMLDocument, parentStyle: CSSStyleDeclaration | null): Element | null {
  if (source.namespaceURI !== SVG_NS || !ELEMENTS.has(source.localName)) return null;
  const style = getComputedStyle(source);
  if (style.display === 'none') return null;
  const copy = doc.createElementNS(SVG_NS, source.localName);
  for (const attr of Array.from(source.attributes)) {
    if (!ATTRIBUTES.has(attr.name)) continue;
    if (attr.name === 'clip-path' && !LOCAL_REF.test(attr.value)) continue;
    copy.setAttribute(attr.name, attr.value);
  }
  for (const prop of INHERITED) {
    const value = style.getPropertyValue(prop);
    if (value && value !== parentStyle?.getPropertyValue(prop)) copy.setAttribute(prop, safePaint(value));
  }
  for (const [prop, initial] of Object.entries(OWN)) {
    const value = style.getPropertyValue(prop);
    if (value && value !== initial) copy.setAttribute(prop, value);
  }
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) copy.append(doc.createTextNode(child.textContent ?? ''));
    else if (child instanceof Element) {
      const c = copyElement(child, doc, style);
      if (c) copy.append(c);
    }
  }
  return copy;
}

/** Paint values keep colours and in-document references; a `url()` to anything else becomes `none`. */
function safePaint(value: string): string {
  if (!value.includes('url(')) return value;
  return /url\(\s*["']?#/.test(value) && !/url\(\s*["']?(?!#)/.test(value) ? value : 'none';
}

export interface PngOptions {
  /** Pixels per SVG unit; 2 by default, for sharp images on high-density screens. */
  scale?: number;
  /** A fixed frame (a social card: 1200 × 675): the image is fitted inside, centred, on its background. */
  width?: number;
  height?: number;
}

/**
 * Rasterises an SVG document to a PNG blob through an `<img>` of a `blob:` URL and a canvas.
 * The page's Content-Security-Policy must allow `img-src blob:`.
 */
export async function rasterise(svg: string, options: PngOptions = {}): Promise<Blob> {
  let scale = options.scale && options.scale > 0 ? options.scale : 2;
  const size = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  const w = Number(size?.[1] ?? 300);
  const h = Number(size?.[2] ?? 150);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    try {
      await img.decode();
    } catch {
      throw new Error('the image could not be drawn: the page must allow img-src blob: in its Content-Security-Policy');
    }
    const frameW = options.width ?? w;
    const frameH = options.height ?? h;
    // Browsers refuse canvases past about 16,384 px a side or 16 M pixels: a very long image is drawn at a smaller scale.
    scale = Math.min(scale, 16_384 / frameW, 16_384 / frameH, Math.sqrt(16_000_000 / (frameW * frameH)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(frameW * scale);
    canvas.height = Math.round(frameH * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw to a canvas');
    const fit = Math.min(frameW / w, frameH / h);
    if (options.width || options.height) {
      // The card's background is the image's own: its top-left pixel.
      const bg = /<rect width="\d+" height="\d+" fill="([^"]+)"/.exec(svg)?.[1] ?? '#ffffff';
      ctx.fillStyle = bg;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
    const dw = w * fit * scale;
    const dh = h * fit * scale;
    ctx.drawImage(img, (canvas.width - dw) / 2, (canvas.height - dh) / 2, dw, dh);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
