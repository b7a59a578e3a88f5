/**
 * Reading STIX 2.1 bundles (Attack Flow and the OASIS Incident Core extension included) into an
 * incident document. Everything that carries a time becomes an event (report.published,
 * sighting, observed-data, campaign / intrusion-set / threat-actor periods, Incident Core
 * `event`s, Attack Flow `attack-action`s); `location`s become places; `located-at` /
 * `originates-from` / `attributed-to` with `targets` become claims. Issues name the object:
 * `objects[12] (report--1234abcd…).published`. The phases run in order over one context
 * (context.ts); this module runs them and builds the document from what they found.
 */
import type { Incident } from '../../types.js';
import { Issues } from '../issues.js';
import type { Converted } from '../types.js';
import { indexBundle, readTimeZone } from './bundle.js';
import { readClaims } from './claims.js';
import { DOCUMENT_KEYS, fail, isText, nameOf, ordered, PLACE_KEYS, TIMED_KINDS } from './common.js';
import { createContext, type ReadContext } from './context.js';
import { readEvents } from './events.js';
import { readPlaces } from './places.js';
import { readVictim } from './relationships.js';
import { readSources } from './sources.js';

/** Reads a STIX 2.1 bundle into an incident document. Never throws. */
export function fromStix(value: unknown, options: { timeZone?: string }): Converted {
  const issues = new Issues();
  try {
    return readBundle(value, options, issues);
  } catch (err) {
    issues.error('', `the STIX bundle could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return fail(issues);
  }
}

function readBundle(value: unknown, options: { timeZone?: string }, issues: Issues): Converted {
  const bundle = indexBundle(value, issues);
  if (!bundle) return fail(issues);
  const ctx = createContext(issues, bundle, readTimeZone(bundle.meta, options, issues));
  readSources(ctx);
  readPlaces(ctx);
  readVictim(ctx);
  readClaims(ctx);
  readEvents(ctx);
  return finish(ctx);
}

/** The objects left out, then the document, or an error when nothing carries a time. */
function finish(ctx: ReadContext): Converted {
  const { issues, items, other, meta, events } = ctx;
  if (other.size) {
    const total = [...other.values()].reduce((a, b) => a + b, 0);
    const list = [...other.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    issues.warn('objects', `${total} ${total === 1 ? 'object has' : 'objects have'} no place on the timeline or map and ${total === 1 ? 'was' : 'were'} not imported: ${list}`);
  }

  if (!events.length) {
    if (!ctx.timed) {
      issues.error(
        'objects',
        `the bundle has ${items.length} ${items.length === 1 ? 'object' : 'objects'} but none carries a time, so there is nothing to draw: a timeline needs a ${TIMED_KINDS}${ctx.untimedActions ? '. Attack Flow actions here give an order but no times' : ''}`,
      );
    } else if (!issues.errors.length) issues.error('objects', 'no object with a time could be read, so there is nothing to draw');
    return fail(issues);
  }

  let { title, summary } = ctx;
  if (isText(meta?.title)) title = meta.title;
  if (meta && 'summary' in meta) summary = isText(meta.summary) ? meta.summary : undefined;
  if (!title) title = items.find((i) => i.type === 'campaign' && nameOf(i.o))?.o.name as string | undefined;
  if (!title) title = items.find((i) => i.type === 'report' && nameOf(i.o))?.o.name as string | undefined;
  if (ctx.attributions.length) summary = [summary, `Attributions in the bundle: ${ctx.attributions.join(' ')}`].filter(Boolean).join('\n\n');

  const document: Incident = { version: 1, title: title ?? 'Imported STIX bundle', timeZone: ctx.zone, events };
  if (isText(meta?.id)) document.id = meta.id;
  if (summary) document.summary = summary;
  if (isText(meta?.updated)) document.updated = meta.updated;
  if (typeof meta?.$schema === 'string') document.$schema = meta.$schema;
  if (ctx.victim) document.victim = ctx.victim;
  if (ctx.lanes.length) document.lanes = ctx.lanes;
  if (ctx.places.length) document.places = ctx.places.map((p) => ordered(p, PLACE_KEYS));
  if (ctx.claims.length) document.claims = ctx.claims;
  if (ctx.sources.length) document.sources = ctx.sources;
  // Keep the document's key order close to the format's.
  const doc = ordered(document, DOCUMENT_KEYS);
  return { document: doc, errors: issues.errors, warnings: issues.warnings, origins: ctx.origins, placeOrigins: ctx.placeOrigins, claimOrigins: ctx.claimOrigins };
}
