/**
 * Reading an incident's places: an id and a name, a role, a point (lat and lon, kept only as
 * a pair), how precise it is in metres, a country, and a GeoJSON Polygon or MultiPolygon
 * shape. A missing id or name, or an id used twice, leaves the place out with an error; a
 * latitude or longitude out of range is an error but keeps the place, without its point; a
 * bad shape, role or precision is a warning and ignored.
 */
import { checkFields, compact, describe, isObject, type Checker } from './check.js';
import { clip } from './dates.js';
import { ROLES } from './keywords.js';
import type { Place, PlaceShape } from './types.js';

/** Half the Earth's circumference (mean radius 6,371,008.8 m): a precision this wide covers the whole globe. */
export const WHOLE_EARTH_M = Math.round(Math.PI * 6_371_008.8);

/** Rings longer than this are not checked for crossings (the check compares every pair of edges). */
const CROSSING_CHECK_MAX = 2000;

/**
 * True when two edges of a ring cross (a "bowtie"), compared in [lon, lat] as drawn on a
 * plate carrée. Rings with an edge over 180° of longitude (across the antimeridian) or with
 * more than `CROSSING_CHECK_MAX` positions are not judged.
 */
export function ringCrossesItself(ring: number[][]): boolean {
  const n = ring.length - 1;
  if (n < 4 || n > CROSSING_CHECK_MAX) return false;
  for (let i = 0; i < n; i++) if (Math.abs(ring[i + 1]![0]! - ring[i]![0]!) > 180) return false;
  const side = (a: number[], b: number[], c: number[]) => Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    // Edges that share a vertex (neighbours, and the first with the last) do not count.
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const c = ring[j]!;
      const d = ring[j + 1]!;
      if (side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0) return true;
    }
  }
  return false;
}

function isPosition(p: unknown): boolean {
  return Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
}
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isPolygon = (p: unknown) => Array.isArray(p) && p.length > 0 && p.every(isRing);

/** A GeoJSON Polygon or MultiPolygon with [lon, lat] positions, or undefined after a warning. */
function readShape(c: Checker, raw: unknown, path: string): PlaceShape | undefined {
  if (raw === undefined || raw === null) return undefined;
  const ok =
    isObject(raw) &&
    ((raw.type === 'Polygon' && isPolygon(raw.coordinates)) ||
      (raw.type === 'MultiPolygon' && Array.isArray(raw.coordinates) && raw.coordinates.length > 0 && raw.coordinates.every(isPolygon)));
  if (ok) {
    const shape = raw as unknown as PlaceShape;
    const polygons = (shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates) as number[][][][];
    polygons.forEach((polygon, i) =>
      polygon.forEach((ring, j) => {
        const at = shape.type === 'Polygon' ? `${path}.coordinates[${j}]` : `${path}.coordinates[${i}][${j}]`;
        if (ringCrossesItself(ring)) c.warn(at, 'crosses itself, so it has no clear inside; it is drawn as given and anchored at the middle of its points');
      }),
    );
    return shape;
  }
  c.warn(path, 'is not a GeoJSON Polygon or MultiPolygon with [lon, lat] positions; ignored');
  return undefined;
}

/** The places, each checked; a duplicate id is an error and keeps the first. */
export function readPlaces(c: Checker, raw: unknown): Place[] {
  const out: Place[] = [];
  c.objects(raw, 'places', 'error', (p, path) => {
    checkFields(c, p, 'place', path);
    const id = c.requiredText(p, 'id', path);
    const name = c.requiredText(p, 'name', path);
    if (!id || !name) return;
    if (out.some((o) => o.id === id)) return c.error(`${path}.id`, `"${clip(id)}" is used twice; the second is left out`);
    const coord = (key: 'lat' | 'lon', limit: number) => {
      const v = p[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit) return v;
      c.error(`${path}.${key}`, `${describe(v)} is not a ${key === 'lat' ? 'latitude (-90 to 90)' : 'longitude (-180 to 180)'}`);
      return undefined;
    };
    const lat = coord('lat', 90);
    const lon = coord('lon', 180);
    const shape = readShape(c, p.shape, `${path}.shape`);
    const hasPoint = lat !== undefined && lon !== undefined;
    if (!hasPoint && !shape) c.warn(path, 'has neither lat and lon nor a shape; it is listed but not drawn on a map');
    let precisionMeters: number | undefined;
    if (p.precisionMeters !== undefined) {
      if (typeof p.precisionMeters === 'number' && Number.isFinite(p.precisionMeters) && p.precisionMeters >= 0) {
        precisionMeters = Math.min(p.precisionMeters, WHOLE_EARTH_M);
        if (p.precisionMeters > WHOLE_EARTH_M)
          c.warn(`${path}.precisionMeters`, `${p.precisionMeters} m is more than halfway round the Earth; capped at ${WHOLE_EARTH_M} m, the whole globe`);
      } else c.warn(`${path}.precisionMeters`, `${describe(p.precisionMeters)} is not a distance in metres; ignored`);
    }
    out.push(
      compact({
        id,
        name,
        role: c.oneOf(p, 'role', path, ROLES),
        lat: hasPoint ? lat : undefined,
        lon: hasPoint ? lon : undefined,
        precisionMeters,
        country: c.optionalText(p, 'country', path),
        shape,
      }),
    );
  });
  return out;
}
