/**
 * What assistive technology hears: option names that lead with what tells items apart (the
 * date and title; the places a claim joins), descriptions with the rest (status, lane,
 * sources, caveats), the live region's sentence after a choice, the whole incident in two
 * sentences, and the `lang` of data text. A publisher may reword names and descriptions with
 * a `describe` hook, as Highcharts' point description format allows.
 */
import { formatConfidence, formatEventDate, formatResolvedDate } from '../i18n/format.js';
import { isolate } from '../i18n/bidi.js';
import type { Messages } from '../i18n/messages.js';
import { clipText } from '../layout/text.js';
import { WHOLE_EARTH_M } from '../model/read-places.js';
import type { Place, PlaceRole, ResolvedClaim, ResolvedDate, ResolvedEvent, ResolvedIncident, SourcingStatus } from '../model/types.js';

/** Longest option name, in characters (about 8 s of speech at 180 words a minute). */
export const NAME_MAX = 140;
/** Longest data text in an option's description, in characters: a paragraph, not a whole document. */
export const DESCRIPTION_MAX = 1000;

/** Text cut at a word boundary, with an ellipsis, when it is longer than `max`. */
export function shorten(text: string, max = NAME_MAX): string {
  if (text.length <= max) return text;
  // Cut between graphemes (never inside an emoji sequence or a letter's marks), then at a word.
  const cut = clipText(text, max - 1).slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** An option's accessible name and description. */
export interface OptionText {
  name: string;
  description: string;
}

/** What a `describe` hook receives: the default text, and the pieces it is made of. */
export interface DescribeItem extends OptionText {
  kind: 'event' | 'place' | 'claim';
  id: string;
  /** Plain-text pieces: `date`, `title`, `status`, `lane`, `sources`… (events); `name`, `role`… (places); `from`, `to`, `relation`, `by`, `assertion`… (claims). */
  parts: Record<string, string>;
}

/**
 * Rewords an option: return `{ name, description }` (either may be left out to keep the
 * default). Called for every drawn item; it must be fast and must not throw (if it does, the
 * default text is used).
 */
export type Describe = (item: DescribeItem) => Partial<OptionText> | null | undefined;

/** The hook's text where it gives some, else the default. */
export function applyDescribe(hook: Describe | null | undefined, item: DescribeItem): OptionText {
  if (!hook) return item;
  let out: Partial<OptionText> | null | undefined;
  try {
    out = hook(item);
  } catch {
    return item;
  }
  return {
    name: typeof out?.name === 'string' && out.name.trim() ? shorten(out.name.trim()) : item.name,
    description: typeof out?.description === 'string' ? out.description : item.description,
  };
}

export interface TextContext {
  resolved: ResolvedIncident;
  locale: string;
  zone: string;
  messages: Messages;
}

/** An event as an option: "23 Nov 2022, around 7 am IST: Ransomware attack…", then status, lane, sources. */
export function eventText(e: ResolvedEvent, { resolved: r, locale, zone, messages: m }: TextContext): DescribeItem {
  const date = formatEventDate(e, locale, zone, m, true);
  const title = e.event.title;
  // Data text is isolated where it shares a string with interface words (see i18n/bidi); `parts` stay as given.
  const name = shorten(`${date}: ${isolate(title)}`);
  const parts = {
    date,
    title,
    status: m.common.status[e.status],
    milestone: e.milestone ? m.timeline.milestone : '',
    lane: r.laneById.get(e.lane)?.label ?? e.lane,
    sources: e.sources.length ? m.common.sourceCount(e.sources.length) : m.common.noSources,
  };
  // A long title is heard in full up to DESCRIPTION_MAX; the details hold all of it.
  const description = m.common.sentences([name.endsWith('…') ? isolate(clipText(title, DESCRIPTION_MAX)) : '', parts.status, parts.milestone, isolate(parts.lane), parts.sources]);
  return { kind: 'event', id: e.id, name, description, parts };
}

/** How precisely a place is known, in words: nothing for a point, "within about N km", or "the whole Earth" at the cap. */
export function precisionText(p: Place, locale: string, m: Messages): string {
  if (p.precisionMeters === undefined || p.precisionMeters < 1000) return '';
  if (p.precisionMeters >= WHOLE_EARTH_M) return m.map.anywhereOnEarth;
  return m.map.withinAbout(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(p.precisionMeters / 1000));
}

/** A place as an option: "Hong Kong: where infrastructure was traced", then precision and claims. */
export function placeText(p: Place, role: PlaceRole, { resolved: r, locale, messages: m }: TextContext): DescribeItem {
  const n = r.claimsByPlace.get(p.id)?.length ?? 0;
  const parts = { name: p.name, role: m.map.role[role], precision: precisionText(p, locale, m), claims: n ? `${m.map.claims}: ${n}` : '' };
  return { kind: 'place', id: p.id, name: shorten(`${isolate(p.name)}: ${parts.role}`), description: m.common.sentences([parts.precision, parts.claims]), parts };
}

/** A claim as an option: "Hong Kong → AIIMS: where infrastructure was traced, Delhi Police…", then what was said. */
export function claimText(c: ResolvedClaim, { messages: m }: TextContext): DescribeItem {
  const k = c.claim;
  const relation = m.map.relation[c.relation];
  const parts = {
    from: c.from?.name ?? '',
    to: c.to.name,
    relation,
    by: k.assertedBy,
    assertion: k.assertion,
    status: m.common.status[c.status],
    likelihood: c.confidence !== undefined ? formatConfidence(c.confidence, m) : '',
    caveats: k.caveats?.join(' ') ?? '',
  };
  const by = isolate(parts.by);
  const name = shorten(c.from ? m.map.claimName(isolate(parts.from), isolate(parts.to), relation, by) : m.map.claimNameUndrawn(relation, by));
  const description = m.common.sentences([
    c.from ? '' : upperFirst(m.map.notOnMap),
    m.map.claimBy(by, isolate(parts.assertion)),
    parts.status,
    parts.likelihood,
    parts.caveats ? `${m.map.caveats}: ${(k.caveats ?? []).map(isolate).join(' ')}` : '',
  ]);
  return { kind: 'claim', id: c.id, name, description, parts };
}

/** The live region's sentence for an event: "Selected: 23 Nov 2022…, Ransomware attack…, Confirmed on the record; details below." */
export function eventAnnouncement(e: ResolvedEvent, ctx: TextContext): string {
  const m = ctx.messages;
  return m.common.selectedAnnouncement(`${formatEventDate(e, ctx.locale, ctx.zone, m, true)}, ${isolate(shorten(e.event.title, 120))}, ${m.common.status[e.status]}`);
}

const STATUSES: readonly SourcingStatus[] = ['confirmed', 'reported', 'single-source', 'disputed', 'denied'];

/** The whole incident for screen readers: the span, the events by status, the milestones. The data's `description` wins. */
export function incidentDescription(ctx: TextContext): string {
  const given = ctx.resolved.incident.description?.trim();
  if (given) return given;
  // Counting 100,000 events on every zoom step would be the step's cost: once per document.
  let known = descriptions.get(ctx.resolved);
  if (!known) descriptions.set(ctx.resolved, (known = new Map<string, string>()));
  const key = `${ctx.locale}|${ctx.zone}`;
  let text = known.get(key);
  if (text === undefined) known.set(key, (text = describeIncident(ctx)));
  return text;
}

const descriptions = new WeakMap<ResolvedIncident, Map<string, string>>();

function describeIncident({ resolved: r, locale, zone, messages: m }: TextContext): string {
  const first = r.events[0];
  const last = r.events[r.events.length - 1];
  if (!first || !last) return '';
  const byStatus = new Map<SourcingStatus, number>();
  for (const e of r.events) byStatus.set(e.status, (byStatus.get(e.status) ?? 0) + 1);
  const counts = STATUSES.flatMap((s) => {
    const n = byStatus.get(s) ?? 0;
    return n ? [m.common.statusCount[s](n)] : [];
  });
  const milestones = r.events.filter((e) => e.milestone).map((e) => `${formatEventDate(e, locale, zone, m, true)}, ${shorten(e.event.title, 80)}`);
  const end = last.end ?? last.start;
  // The span is told in days at the finest: "from 23 Nov 2022", not "from 23 Nov 2022, 7:00 am".
  const day = (d: ResolvedDate) => formatResolvedDate(d.unit === 'year' || d.unit === 'month' ? d : { ...d, unit: 'day' }, locale, zone);
  return m.common.incidentDescription(r.events.length, day(first.start), day(end), counts, milestones.slice(0, 6));
}

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** A `lang` for data text written in `lang` shown in a UI in `locale`: set only when they differ (bind with `ifDefined`). */
export function langOf(lang: string | undefined, locale: string): string | undefined {
  return lang && primary(lang) !== primary(locale) ? lang : undefined;
}

/** "not on the map" → "Not on the map" (scripts without case are unchanged). */
function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
