/**
 * How the STIX reader's events phase builds an event: the lanes it goes in, an event from an
 * object (its description, confidence and sources), a time range from two timestamp keys, and
 * adding the event, where a bundle of ours gives back its own fields (and dates, when read in
 * the zone they were written in) and an opinion can dispute it.
 */
import type { IncidentEvent } from '../../types.js';
import { slug, uniqueIds } from '../issues.js';
import { EVENT_KEYS, isText, type Item, ordered, timestamp } from './common.js';
import type { ReadContext } from './context.js';
import { cite } from './sources.js';

/** A time range: a start, an end after it, or which of the two the object gave (only). */
export interface Range {
  start: string;
  end?: string;
  only?: 'start' | 'end';
}

export class EventBuilder {
  private readonly laneIds = new Set<string>();
  private readonly eventId = uniqueIds();

  constructor(readonly ctx: ReadContext) {}

  /** The lane's id, the lane added the first time. */
  lane(id: string, label: string): string {
    if (!this.laneIds.has(id)) {
      this.laneIds.add(id);
      this.ctx.lanes.push({ id, label });
    }
    return id;
  }

  /** Adds the object's event. */
  push(it: Item, e: IncidentEvent): void {
    const x = it.x;
    // A bundle we wrote: our fields as they were (dates too, when read in the same zone).
    if (x && isText(x.id) && isText(x.title)) {
      const { start, end, precision } = e;
      Object.assign(e, x);
      if (x.status === undefined) delete e.status;
      if (!this.ctx.sameZone || !isText(x.start)) {
        e.start = start;
        if (end) e.end = end;
        else delete e.end;
        if (precision) e.precision = precision;
        else delete e.precision;
      }
    }
    e.id = this.eventId(e.id);
    if (this.ctx.disputed.has(it.id) && e.status !== 'denied' && (!x || x.status === undefined)) e.status = 'disputed';
    this.ctx.events.push(ordered(e, EVENT_KEYS));
    this.ctx.origins.push(it.at);
  }

  /** An event from an object: its description, confidence and sources. */
  base(it: Item, title: string, start: string, extra: Partial<IncidentEvent> = {}): IncidentEvent {
    // STIX says nothing of who confirms what: "reported" unless an opinion or status says otherwise.
    const e: IncidentEvent = { id: slug(title, 'event'), title, start, status: 'reported', ...extra };
    if (isText(it.o.description) && e.description === undefined) e.description = it.o.description;
    const conf = it.o.confidence;
    if (typeof conf === 'number' && Number.isFinite(conf) && conf >= 0 && conf <= 100) e.confidence = conf;
    const cited = cite(this.ctx, it, extra.dateKind === 'reported' ? start : undefined);
    if (cited.length) e.sources = cited;
    return e;
  }

  /** The object's range between two timestamps: undefined when it has neither, null after an error. */
  range(it: Item, startKey: string, endKey: string): Range | undefined | null {
    const issues = this.ctx.issues;
    const a = timestamp(it, startKey, issues);
    const b = timestamp(it, endKey, issues);
    if (a === null || b === null) return null;
    if (!a && !b) return undefined;
    if (a && b && b.ms < a.ms) {
      issues.warn(`${it.at}.${endKey}`, `is before ${startKey}; drawn as a single moment`);
      return { start: a.text };
    }
    if (a && b && b.ms > a.ms) return { start: a.text, end: b.text };
    return { start: (a ?? b)!.text, only: a ? 'start' : 'end' };
  }
}
