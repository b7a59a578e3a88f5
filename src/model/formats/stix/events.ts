/**
 * The STIX reader's events phase: everything that carries a time becomes an event, in bundle
 * order, each kind of object in its lane: reports (published, not our own sources), sightings
 * and observed data, campaign / intrusion-set / threat-actor periods, Incident Core `event`s
 * (their fidelities, status and our labels) and Attack Flow `attack-action`s (in the lane of
 * their ATT&CK tactic). An attack-flow names the incident where the incident does not.
 */
import { STATUSES } from '../../parse.js';
import type { Place, SourcingStatus } from '../../types.js';
import { slug } from '../issues.js';
import { atFidelity, describe, type Fidelity, FIDELITIES, isObject, isText, type Item, nameOf, timestamp } from './common.js';
import type { ReadContext } from './context.js';
import { TACTICS } from './countries.js';
import { EventBuilder } from './event-builder.js';
import { locatedAt } from './relationships.js';

const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;
const STATUS_FROM_EVENT: Record<string, SourcingStatus> = { 'not-occurred': 'denied', undetermined: 'disputed' };
const ACTIVITY: Record<'campaign' | 'intrusion-set' | 'threat-actor', [string, string]> = {
  campaign: ['campaigns', 'Campaigns'],
  'intrusion-set': ['actors', 'Actors'],
  'threat-actor': ['actors', 'Actors'],
};

function readReport(b: EventBuilder, it: Item): void {
  if (isText(it.x?.source)) return; // one of our sources, not an event
  const t = timestamp(it, 'published', b.ctx.issues);
  if (t === null) {
    b.ctx.timed++;
    return;
  }
  if (!t) {
    b.ctx.issues.warn(`${it.at}.published`, 'is missing; the report is not on the timeline');
    return;
  }
  b.ctx.timed++;
  b.push(it, b.base(it, nameOf(it.o) ?? 'Report published', t.text, { dateKind: 'reported', lane: b.lane('reports', 'Reports') }));
}

function readObservation(b: EventBuilder, it: Item): void {
  const { ctx } = b;
  const o = it.o;
  const [start, end] = it.type === 'sighting' ? ['first_seen', 'last_seen'] : ['first_observed', 'last_observed'];
  const r = b.range(it, start, end);
  if (r === undefined) return;
  ctx.timed++;
  if (r === null) return;
  const of = it.type === 'sighting' ? nameOf(ctx.byId.get(String(o.sighting_of_ref))?.o) : undefined;
  const t =
    nameOf(o) ??
    (it.type === 'sighting' ? (of ? `Sighting of ${of}` : 'Sighting') : `Observed data${typeof o.number_observed === 'number' ? ` (${o.number_observed} observed)` : ''}`);
  const where = Array.isArray(o.where_sighted_refs)
    ? o.where_sighted_refs.map((ref) => ctx.placeByStix.get(String(ref)) ?? (typeof ref === 'string' ? locatedAt(ctx, ref) : undefined)).filter((p): p is Place => !!p)
    : [];
  const e = b.base(it, t, r.start, { lane: b.lane('observations', 'Observations') });
  if (r.end) e.end = r.end;
  if (where.length) e.places = [...new Set(where.map((p) => p.id))];
  b.push(it, e);
}

function readActivity(b: EventBuilder, it: Item, type: keyof typeof ACTIVITY): void {
  const r = b.range(it, 'first_seen', 'last_seen');
  if (r === undefined) return;
  b.ctx.timed++;
  if (r === null) return;
  const label = nameOf(it.o) ?? it.type;
  const t = 'only' in r && r.only === 'start' ? `${label} first seen` : 'only' in r && r.only === 'end' ? `${label} last seen` : label;
  const [id, laneLabel] = ACTIVITY[type];
  const e = b.base(it, t, r.start, { lane: b.lane(id, laneLabel) });
  if (r.end) {
    e.end = r.end;
    e.kind = 'period';
  }
  b.push(it, e);
}

function readIncidentCoreEvent(b: EventBuilder, it: Item): void {
  const { ctx } = b;
  const o = it.o;
  const a = timestamp(it, 'start_time', ctx.issues);
  const z = timestamp(it, 'end_time', ctx.issues);
  if (a === undefined && z === undefined) {
    ctx.issues.warn(`${it.at}.start_time`, 'is missing; the event is not on the timeline');
    return;
  }
  ctx.timed++;
  if (a === null || z === null) return;
  const fid = (key: string): Fidelity | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if ((FIDELITIES as readonly unknown[]).includes(v)) return v as Fidelity;
    ctx.issues.warn(`${it.at}.${key}`, `${describe(v)} is not one of ${FIDELITIES.join(', ')}; ignored`);
    return undefined;
  };
  const sf = fid('start_time_fidelity');
  const ef = fid('end_time_fidelity') ?? sf;
  const first = (a ?? z)!;
  const s = atFidelity(first, a ? sf : ef, ctx.zone);
  const e = b.base(it, nameOf(o) ?? (Array.isArray(o.event_types) && isText(o.event_types[0]) ? o.event_types[0] : 'Event'), s.text);
  if (s.precision) e.precision = s.precision;
  if (a && z && z.ms > a.ms) {
    const en = atFidelity(z, ef, ctx.zone);
    if (en.text !== s.text) e.end = en.text;
    if (en.precision && !e.precision) e.precision = en.precision;
  }
  const st = typeof o.status === 'string' ? STATUS_FROM_EVENT[o.status] : undefined;
  if (st) e.status = st;
  // Labels a bundle of ours carries for tools without our extension.
  const labels = Array.isArray(o.labels) ? o.labels.filter(isText) : [];
  const labelled = labels.map((l) => /^status:(.+)$/.exec(l)?.[1]).find((v) => v && (STATUSES as readonly string[]).includes(v));
  if (labelled) e.status = labelled;
  if (labels.includes('date-kind:reported')) e.dateKind = 'reported';
  if (Array.isArray(o.event_types) && isText(o.event_types[0])) e.kind = o.event_types[0];
  b.push(it, e);
}

function readAttackAction(b: EventBuilder, it: Item): void {
  const { ctx } = b;
  const o = it.o;
  const r = b.range(it, 'execution_start', 'execution_end');
  if (r === undefined) {
    ctx.untimedActions++;
    return;
  }
  ctx.timed++;
  if (r === null) return;
  const tech = o.technique_id;
  const e = b.base(it, nameOf(o) ?? (isText(tech) ? tech : 'Attack step'), r.start);
  if (r.end) e.end = r.end;
  if (typeof tech === 'string' && TECHNIQUE.test(tech.trim())) e.techniques = [tech.trim()];
  else if (tech !== undefined) ctx.issues.warn(`${it.at}.technique_id`, `${describe(tech)} is not an ATT&CK technique id like "T1486"; ignored`);
  const tacticObj = typeof o.tactic_ref === 'string' ? ctx.byId.get(o.tactic_ref) : undefined;
  const tactic =
    nameOf(tacticObj?.o) ??
    (isText(o.tactic) ? o.tactic : isText(o.tactic_name) ? o.tactic_name : undefined) ??
    (isText(o.tactic_id) ? (TACTICS[o.tactic_id.trim().toUpperCase()] ?? o.tactic_id.trim()) : undefined);
  e.lane = tactic ? b.lane(slug(tactic, 'tactic'), tactic) : b.lane('attack-flow', 'Attack Flow');
  b.push(it, e);
}

/** Fills in the events and their lanes (ours first), the title and summary, and what carries a time. */
export function readEvents(ctx: ReadContext): void {
  const b = new EventBuilder(ctx);
  const meta = ctx.meta;
  if (Array.isArray(meta?.lanes)) for (const l of meta.lanes) if (isObject(l) && isText(l.id)) b.lane(l.id, isText(l.label) ? l.label : l.id);
  const incidentItem = ctx.incidentItem;
  ctx.title = incidentItem ? nameOf(incidentItem.o) : undefined;
  ctx.summary = incidentItem && isText(incidentItem.o.description) ? incidentItem.o.description : undefined;

  for (const it of ctx.items) {
    switch (it.type) {
      case 'report':
        readReport(b, it);
        break;
      case 'sighting':
      case 'observed-data':
        readObservation(b, it);
        break;
      case 'campaign':
      case 'intrusion-set':
      case 'threat-actor':
        readActivity(b, it, it.type);
        break;
      case 'event':
        readIncidentCoreEvent(b, it);
        break;
      case 'attack-action':
        readAttackAction(b, it);
        break;
      case 'attack-flow':
        ctx.title ??= nameOf(it.o);
        if (!ctx.summary && isText(it.o.description)) ctx.summary = it.o.description;
        break;
      default:
        break;
    }
  }

  const untimed = ctx.untimedActions;
  if (untimed)
    ctx.issues.warn(
      'objects',
      `${untimed} attack-action ${untimed === 1 ? 'object has' : 'objects have'} no execution_start: Attack Flow orders steps but gives no times, so ${untimed === 1 ? 'it is' : 'they are'} not on the timeline`,
    );
}
