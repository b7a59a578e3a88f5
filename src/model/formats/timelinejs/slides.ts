/**
 * TimelineJS3 slides from its two shapes: the JSON (`{ title?, events[], eras? }`, fields named
 * `events[3].start_date.month`) and the Google-Sheets template's rows (cells named
 * `row 7, "Month"`, times like "10:30 AM" read into date parts).
 */
import { clip } from '../../dates.js';
import type { Issues } from '../issues.js';
import { type DateParts, headerKey, isObject, type Obj, type Slide } from './common.js';

/** Slides from TimelineJS3 JSON: `{ title?, events[], eras? }`. */
export function slidesFromJson(doc: Obj): Slide[] {
  const slide = (o: Obj, origin: string, type: Slide['type']): Slide => {
    const t = isObject(o.text) ? o.text : {};
    const date = (v: unknown) => (isObject(v) ? v : undefined);
    return {
      origin,
      type,
      start: date(o.start_date),
      end: date(o.end_date),
      displayDate: o.display_date,
      headline: t.headline,
      text: t.text,
      media: isObject(o.media) ? o.media : undefined,
      group: o.group,
      uniqueId: o.unique_id,
      at: (field, which) => (which ? `${origin}.${which}_date.${field}` : `${origin}.${field === 'headline' || field === 'text' ? `text.${field}` : field}`),
    };
  };
  const out: Slide[] = [];
  if (isObject(doc.title)) out.push(slide(doc.title, 'title', 'title'));
  if (Array.isArray(doc.events)) doc.events.forEach((e, i) => isObject(e) && out.push(slide(e, `events[${i}]`, 'event')));
  if (Array.isArray(doc.eras)) doc.eras.forEach((e, i) => isObject(e) && out.push(slide(e, `eras[${i}]`, 'era')));
  return out;
}

/** "10:30 AM", "10:30:15 pm", "22:15" → parts; undefined when it is not a time. */
function readTime(value: string): { hour: number; minute?: number; second?: number } | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$|^(\d{1,2}):(\d{2})(?::(\d{2}))?$/i.exec(value.trim());
  if (!m) return undefined;
  if (m[4]) {
    const h = Number(m[1]);
    if (h < 1 || h > 12) return undefined;
    const hour = (h % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
    // "10 AM" says the hour only: the date keeps hour precision.
    return { hour, minute: m[2] === undefined ? undefined : Number(m[2]), second: m[3] === undefined ? undefined : Number(m[3]) };
  }
  return { hour: Number(m[5]), minute: Number(m[6]), second: m[7] === undefined ? undefined : Number(m[7]) };
}

/**
 * Slides from the sheet's rows (after the header). `row` is the spreadsheet's row number.
 * A time that is not a time is reported here; the other cells are checked by the converter.
 */
export function slidesFromSheet(header: string[], rows: { cells: string[]; row: number }[], issues: Issues): Slide[] {
  const index = new Map(header.map((h, i) => [headerKey(h), i] as const));
  const label = new Map(header.map((h) => [headerKey(h), h.trim()] as const));
  return rows.map(({ cells, row }) => {
    const cell = (name: string) => {
      const i = index.get(headerKey(name));
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const where = (name: string) => `row ${row}, "${label.get(headerKey(name)) ?? name}"`;
    const dateOf = (prefix: '' | 'End '): DateParts | undefined => {
      const parts: DateParts = { year: cell(`${prefix}Year`), month: cell(`${prefix}Month`), day: cell(`${prefix}Day`) };
      const time = cell(`${prefix}Time`);
      if (time) {
        const t = readTime(time);
        if (t) Object.assign(parts, t);
        else issues.warn(where(`${prefix}Time`), `"${clip(time)}" is not a time like "10:30 AM" or "22:15"; the date is kept without it`);
      }
      return Object.values(parts).some((v) => v !== '' && v !== undefined) ? parts : undefined;
    };
    const type = cell('Type').toLowerCase();
    return {
      origin: `row ${row}`,
      type: type === 'title' ? 'title' : type === 'era' ? 'era' : 'event',
      start: dateOf(''),
      end: dateOf('End '),
      displayDate: cell('Display Date'),
      headline: cell('Headline'),
      text: cell('Text'),
      media: { url: cell('Media'), caption: cell('Media Caption'), credit: cell('Media Credit') },
      group: cell('Group'),
      at: (field, which) => {
        const col = field === 'hour' || field === 'minute' || field === 'second' || field === 'millisecond' ? 'Time' : field.charAt(0).toUpperCase() + field.slice(1);
        const name = which === 'end' ? `End ${col}` : which === 'start' ? col : field;
        return where(name);
      },
    } satisfies Slide;
  });
}
