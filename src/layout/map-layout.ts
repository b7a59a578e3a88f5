import { geoArea, geoAzimuthalEqualArea, geoCentroid, geoCircle, geoDistance, geoInterpolate, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, GeometryCollection, GeometryObject, LineString, MultiLineString, Polygon, MultiPolygon, Position } from 'geojson';
import { confidenceValue } from '../model/confidence.js';
import { confidenceOf, placeRole } from '../model/keywords.js';
import type { Claim, Place, PlaceRole, ResolvedIncident, SourcingStatus } from '../model/types.js';
import { polylinePath, trimPolyline, tubePath } from './hit-geometry.js';
import { wrap, type SizedMeasure } from './text.js';

/**
 * (incident, size) -> view model for <attack-map>. Pure: d3-geo gives projected path strings,
 * the component binds them. Origins are areas (a shape, or a circle as wide as the place's
 * precision), never pins; claims are great-circle arcs styled by who says so; labels are
 * placed so they collide with nothing.
 */

const EARTH_RADIUS_M = 6_371_008.8;
const DEG_M = (Math.PI * EARTH_RADIUS_M) / 180;
/** Precision assumed for an origin whose editor gave none: an area, not a point. */
export const DEFAULT_ORIGIN_PRECISION_M = 25_000;
/** Smallest radius an uncertainty circle is drawn at: smaller would read as a pin. */
export const MIN_AREA_PX = 7;
/** Opacity of the least confident arc, so it stays visible. */
export const CONFIDENCE_FLOOR = 0.55;
/**
 * Radius of the round pointer target every place has, whatever its size (WCAG 2.5.8 asks
 * for 24 × 24 CSS px; a little more, so a tap on the edge of the square still lands).
 */
export const PLACE_TARGET_PX = 13;
/** Gap left between a claim line's pointer target and the target of a place it joins. */
export const TARGET_GAP_PX = 3;
/** Offsets of the selection outline and the focus ring either side of a claim line. */
export const CLAIM_BAND_PX = 6;
export const CLAIM_RING_PX = 10;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlaceLayout {
  id: string;
  place: Place;
  role: PlaceRole;
  /** Projected anchor (the place's point, or its shape's centroid). */
  x: number;
  y: number;
  /** Area outline when the place is drawn as an area. */
  area: string | null;
  /** The outline's projected bounding box; null for a marker. */
  areaBox: Box | null;
  /** Marker radius in px for a point marker (target, reference); 0 for areas. */
  marker: number;
  /** Pixel radius of the area, roughly, for hit testing and labels. */
  radius: number;
  /** Radius of the round pointer target about (x, y): at least `PLACE_TARGET_PX`. */
  target: number;
  label: { lines: string[]; x: number; y: number; anchor: 'start' | 'middle' | 'end' } | null;
  box: Box;
}

export interface ArcLayout {
  id: string;
  claim: Claim;
  status: SourcingStatus;
  d: string;
  opacity: number;
  /** Points along the arc in px, for hit testing and label avoidance. */
  points: [number, number][];
  /** The pointer target: the arc, stopped short of the targets of the places it joins. */
  hit: string;
  /** Outlines around the target: the selection's band and, farther out, the focus ring. */
  band: string;
  ring: string;
}

export interface MapLayout {
  width: number;
  height: number;
  land: string | null;
  boundaries: string | null;
  places: PlaceLayout[];
  arcs: ArcLayout[];
  /** Claims that are not drawn (no mappable origin, denied while hidden): listed as text. */
  listed: Claim[];
}

export interface MapLayoutOptions {
  width: number;
  height: number;
  measure: SizedMeasure;
  land?: Geometry | Feature | FeatureCollection | null;
  boundaries?: Geometry | Feature | FeatureCollection | null;
  showDenied?: boolean;
}

export { mapHeight } from './map-size.js';

/** A GeoJSON polygon with d3-geo's winding (exterior clockwise); RFC 7946 order is reversed. */
export function rewind<T extends Polygon | MultiPolygon>(shape: T): T {
  const area = geoArea(shape);
  if (area <= 2 * Math.PI) return shape;
  const flip = (polygon: number[][][]) => polygon.map((ring) => [...ring].reverse());
  return (shape.type === 'Polygon' ? { type: 'Polygon', coordinates: flip(shape.coordinates) } : { type: 'MultiPolygon', coordinates: shape.coordinates.map(flip) }) as T;
}

/** The area a place covers, as GeoJSON: its shape, or a circle of its precision. */
export function placeArea(p: Place): Polygon | MultiPolygon | null {
  if (p.shape) return rewind(p.shape as Polygon | MultiPolygon);
  if (p.lat === undefined || p.lon === undefined) return null;
  const meters = p.precisionMeters ?? (p.role === 'origin' || p.role === 'infrastructure' ? DEFAULT_ORIGIN_PRECISION_M : 0);
  if (meters <= 0) return null;
  // A cap as wide as the whole Earth (the model caps precision there) is drawn just short of it.
  return geoCircle()
    .center([p.lon, p.lat])
    .radius(Math.min(meters / DEG_M, 179.5))
    .precision(2)();
}

const anchors = new WeakMap<object, [number, number]>();

/**
 * The point that stands for a place: its coordinates, else its shape's centroid. An outline
 * that crosses itself (a "bowtie") can have no area and a centroid on the far side of the
 * globe; when the centroid falls outside the smallest cap around the outline's own vertices,
 * the centre of that cap stands for it instead (the reader also gets a warning, from the
 * model's check of the shape).
 */
export function placePoint(p: Place): [number, number] | null {
  if (p.lat !== undefined && p.lon !== undefined) return [p.lon, p.lat];
  if (!p.shape) return null;
  let anchor = anchors.get(p.shape);
  if (!anchor) {
    const shape = rewind(p.shape as Polygon | MultiPolygon);
    const centroid = geoCentroid(shape);
    const cap = enclosingCap(positionsOf(shape));
    const inside = Number.isFinite(centroid[0]) && Number.isFinite(centroid[1]) && geoDistance(centroid, cap.centre) * (180 / Math.PI) <= cap.radius + 1e-6;
    anchor = inside && geoArea(shape) > 1e-12 ? centroid : cap.centre;
    anchors.set(p.shape, anchor);
  }
  return anchor;
}

/** Arc opacity from confidence, with a floor; unknown confidence draws at mid strength. */
export function arcOpacity(c: Claim): number {
  const confidence = confidenceOf(c.confidence);
  if (confidence === undefined) return (1 + CONFIDENCE_FLOOR) / 2;
  return CONFIDENCE_FLOOR + (1 - CONFIDENCE_FLOOR) * (confidenceValue(confidence) / 100);
}

/** Unit vector of a [lon, lat] position in degrees. */
function unit([lon, lat]: Position): [number, number, number] {
  const rad = Math.PI / 180;
  const cl = Math.cos(lat! * rad);
  return [cl * Math.cos(lon! * rad), cl * Math.sin(lon! * rad), Math.sin(lat! * rad)];
}

/** At most this many positions are used to find a cap: enough for any outline's shape. */
const CAP_SAMPLE = 4000;

/**
 * The smallest spherical cap (centre, and radius in degrees) that holds every position, within
 * a degree or so: Bădoiu and Clarkson's iteration (step towards the farthest point by
 * 1/(k+1)) on unit vectors, from their mean direction, or from the first point when they
 * cancel out (two antipodes). Any pair of points fits in a cap of at most 90°.
 */
export function enclosingCap(positions: Position[]): { centre: [number, number]; radius: number } {
  const step = Math.max(1, Math.ceil(positions.length / CAP_SAMPLE));
  const v: [number, number, number][] = [];
  for (let i = 0; i < positions.length; i += step) v.push(unit(positions[i]!));
  if (!v.length) return { centre: [0, 20], radius: 0 };
  let c = v.reduce((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]], [0, 0, 0] as [number, number, number]);
  let norm = Math.hypot(...c);
  c = norm < 1e-9 ? v[0]! : [c[0] / norm, c[1] / norm, c[2] / norm];
  const farthest = () => {
    let least = 2;
    let at = v[0]!;
    for (const p of v) {
      const dot = p[0] * c[0] + p[1] * c[1] + p[2] * c[2];
      if (dot < least) [least, at] = [dot, p];
    }
    return { least, at };
  };
  let best = { c, least: farthest().least };
  for (let k = 1; k <= 300; k++) {
    const { least, at } = farthest();
    if (least > best.least) best = { c, least };
    const t = 1 / (k + 1);
    const next: [number, number, number] = [c[0] + (at[0] - c[0]) * t, c[1] + (at[1] - c[1]) * t, c[2] + (at[2] - c[2]) * t];
    norm = Math.hypot(...next);
    // Stepping from a point to its antipode passes through the centre: go round instead.
    if (norm < 1e-9) break;
    c = [next[0] / norm, next[1] / norm, next[2] / norm];
  }
  const last = farthest().least;
  if (last > best.least) best = { c, least: last };
  const deg = 180 / Math.PI;
  const [x, y, z] = best.c;
  return { centre: [Math.atan2(y, x) * deg, Math.asin(Math.max(-1, Math.min(1, z))) * deg], radius: Math.acos(Math.max(-1, Math.min(1, best.least))) * deg };
}

/** Every position of a geometry (points, lines, rings). */
function positionsOf(g: GeometryObject, out: Position[] = []): Position[] {
  if (g.type === 'Point') out.push(g.coordinates);
  else if (g.type === 'LineString' || g.type === 'MultiPoint') out.push(...g.coordinates);
  else if (g.type === 'Polygon' || g.type === 'MultiLineString') for (const r of g.coordinates) out.push(...r);
  else if (g.type === 'MultiPolygon') for (const p of g.coordinates) for (const r of p) out.push(...r);
  else if (g.type === 'GeometryCollection') for (const c of g.geometries) positionsOf(c, out);
  return out;
}

/** Points along the great-circle arc from `a` to `b`, ends included. */
function arcPositions(a: Position, b: Position, n = 32): Position[] {
  const at = geoInterpolate(a as [number, number], b as [number, number]);
  return Array.from({ length: n + 1 }, (_, i) => at(i / n));
}

/**
 * An azimuthal equal-area projection fitted, with margins, to every place (its area or its
 * point) and to the whole great-circle arc of every pair in `arcs`. It is centred on the
 * smallest cap that holds them all, and clipped a little beyond that cap, so places on
 * opposite sides of the globe (New Delhi and Ashburn, an origin near São Paulo) stay in the
 * frame with the arcs between them. A span of at least 1,600 km is kept in view so one place
 * alone is not a street map.
 */
export function fitProjection(places: Place[], width: number, height: number, arcs: Array<[Position, Position]> = []): GeoProjection {
  const features: Feature<GeometryObject>[] = [];
  for (const p of places) {
    const area = placeArea(p);
    const point = placePoint(p);
    if (area) features.push({ type: 'Feature', properties: {}, geometry: area });
    if (point) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } });
  }
  for (const [a, b] of arcs) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: arcPositions(a, b) } });
  const positions: Position[] = [];
  for (const f of features) positionsOf(f.geometry, positions);
  const cap = enclosingCap(positions);
  const centre = positions.length ? cap.centre : ([0, 20] as [number, number]);
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  collection.features.push({
    type: 'Feature',
    properties: {},
    geometry: geoCircle()
      .center(centre)
      .radius(800_000 / DEG_M)(),
  });
  const margin = Math.max(36, Math.min(width, height) * 0.12);
  return geoAzimuthalEqualArea()
    .rotate([-centre[0], -centre[1]])
    .clipAngle(Math.min(179, Math.max(90, cap.radius + 15)))
    .precision(0.3)
    .fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      collection,
    );
}

// Land in view

/** A part of a layer and the spherical cap around it: centre, and radius in radians. */
interface Piece {
  type: 'Polygon' | 'LineString';
  coordinates: Position[][] | Position[];
  centre: [number, number];
  radius: number;
}

const pieces = new WeakMap<object, Piece[]>();

/** A cap around some points: their mean direction, out to the farthest (one pass of unit vectors, no trigonometry per pair). */
function capOf(points: Position[]): { centre: [number, number]; radius: number } {
  const rad = Math.PI / 180;
  const v = new Float64Array(points.length * 3);
  let x = 0;
  let y = 0;
  let z = 0;
  points.forEach(([lon, lat], i) => {
    const cl = Math.cos(lat! * rad);
    x += v[i * 3] = cl * Math.cos(lon! * rad);
    y += v[i * 3 + 1] = cl * Math.sin(lon! * rad);
    z += v[i * 3 + 2] = Math.sin(lat! * rad);
  });
  const norm = Math.hypot(x, y, z);
  // Points all around the globe: no cap but the whole sphere.
  if (norm < 1e-9) return { centre: [0, 0], radius: Math.PI };
  x /= norm;
  y /= norm;
  z /= norm;
  let least = 1;
  for (let i = 0; i < v.length; i += 3) least = Math.min(least, x * v[i]! + y * v[i + 1]! + z * v[i + 2]!);
  return { centre: [Math.atan2(y, x) / rad, Math.asin(z) / rad], radius: Math.acos(Math.max(-1, least)) };
}

/** The polygons and lines of a layer, each with its cap; computed once per layer object. */
function piecesOf(layer: Geometry | Feature | FeatureCollection): Piece[] {
  let list = pieces.get(layer);
  if (list) return list;
  list = [];
  const add = (g: Geometry | null) => {
    if (!g) return;
    if (g.type === 'Polygon') list.push({ type: 'Polygon', coordinates: g.coordinates, ...capOf(g.coordinates[0] ?? []) });
    else if (g.type === 'MultiPolygon') for (const c of g.coordinates) list.push({ type: 'Polygon', coordinates: c, ...capOf(c[0] ?? []) });
    else if (g.type === 'LineString') list.push({ type: 'LineString', coordinates: g.coordinates, ...capOf(g.coordinates) });
    else if (g.type === 'MultiLineString') for (const c of g.coordinates) list.push({ type: 'LineString', coordinates: c, ...capOf(c) });
    else if (g.type === 'GeometryCollection') for (const c of g.geometries) add(c);
  };
  if (layer.type === 'FeatureCollection') for (const f of layer.features) add(f.geometry);
  else if (layer.type === 'Feature') add(layer.geometry);
  else add(layer);
  pieces.set(layer, list);
  return list;
}

/**
 * The part of a land or boundary layer that can show in a `width` × `height` view of an
 * azimuthal `projection`: the view is a cap around the projection's centre out to its farthest
 * corner, and a polygon or line whose own cap cannot reach it is left out before projecting.
 * Projecting and resampling the whole world's land was most of a map's layout time.
 * Polygons whose cap reaches half the globe (Eurasia, Antarctica) are always kept.
 */
export function landInView(layer: Geometry | Feature | FeatureCollection, projection: GeoProjection, width: number, height: number): GeometryCollection | null {
  const rotate = projection.rotate();
  const centre: [number, number] = [-rotate[0], -rotate[1]];
  const clip = ((projection.clipAngle() ?? 180) * Math.PI) / 180;
  let view = 0;
  for (const corner of [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ] as [number, number][]) {
    const at = projection.invert?.(corner);
    // A corner past the clip angle: everything up to the clip angle shows.
    view = Math.max(view, at && Number.isFinite(at[0]) ? geoDistance(centre, at) : clip);
  }
  view = Math.min(clip, view) + 0.02;
  const list = piecesOf(layer);
  const kept = list.filter((p) => p.radius >= Math.PI / 2 || geoDistance(centre, p.centre) - p.radius <= view);
  const polygons = kept.filter((p) => p.type === 'Polygon').map((p) => p.coordinates as Position[][]);
  const lines = kept.filter((p) => p.type === 'LineString').map((p) => p.coordinates as Position[]);
  const geometries: (MultiPolygon | MultiLineString)[] = [];
  if (polygons.length) geometries.push({ type: 'MultiPolygon', coordinates: polygons });
  if (lines.length) geometries.push({ type: 'MultiLineString', coordinates: lines });
  return geometries.length ? { type: 'GeometryCollection', geometries } : null;
}

// Label placement

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** True when the segment p-q crosses the box (Liang-Barsky clipping). */
function segmentHitsBox(p: [number, number], q: [number, number], b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const edges: [number, number][] = [
    [-dx, p[0] - b.x0],
    [dx, b.x1 - p[0]],
    [-dy, p[1] - b.y0],
    [dy, b.y1 - p[1]],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function hitsArcs(box: Box, arcs: ArcLayout[]): boolean {
  for (const arc of arcs) {
    let prev: [number, number] | undefined;
    for (const point of arc.points) {
      if (prev && segmentHitsBox(prev, point, box)) return true;
      prev = point;
    }
  }
  return false;
}

const LABEL_FONT = 13;
const LABEL_LINE = 16;

function placeLabels(places: PlaceLayout[], arcs: ArcLayout[], width: number, height: number, measure: SizedMeasure) {
  const taken: Box[] = places.filter((p) => p.marker > 0).map((p) => ({ x0: p.x - p.marker - 2, x1: p.x + p.marker + 2, y0: p.y - p.marker - 2, y1: p.y + p.marker + 2 }));
  const order = [...places].sort((a, b) => rank(a.role) - rank(b.role));
  const areas = places.flatMap((p) => (p.areaBox ? [p.areaBox] : []));
  for (const p of order) {
    const lines = wrap(p.place.name, Math.min(160, width * 0.4), 2, (t) => measure(t, LABEL_FONT));
    const w = Math.max(...lines.map((l) => measure(l, LABEL_FONT)));
    const h = lines.length * LABEL_LINE;
    // Clear of the place and of its focus ring (4 px outside its round target).
    const gap = Math.max(Math.max(p.marker, Math.min(p.radius, 40)) + 6, p.target + 10);
    // Candidate spots: beside, above and below the anchor, then farther out; inside a large area last.
    const spots: [number, number, 'start' | 'middle' | 'end'][] = [];
    for (const d of [gap, gap + 18, gap + 40]) {
      spots.push(
        [p.x + d, p.y - h / 2, 'start'],
        [p.x - d, p.y - h / 2, 'end'],
        [p.x, p.y - d - h, 'middle'],
        [p.x, p.y + d, 'middle'],
        [p.x + d * 0.8, p.y - d * 0.8 - h, 'start'],
        [p.x - d * 0.8, p.y - d * 0.8 - h, 'end'],
        [p.x + d * 0.8, p.y + d * 0.8, 'start'],
        [p.x - d * 0.8, p.y + d * 0.8, 'end'],
      );
    }
    const inside = p.radius > w / 2 + 8;
    if (inside) spots.push([p.x, p.y - h / 2, 'middle']);
    // First clear of every area's outline too (its bounding box, 8 px out: text ink can reach a
    // few px past the line box), so no label touches a shape; then, if no spot is, as before:
    // clear of markers, labels and arcs.
    const outlines = areas.map((b) => ({ x0: b.x0 - 8, x1: b.x1 + 8, y0: b.y0 - 8, y1: b.y1 + 8 }));
    for (const strict of [true, false]) {
      for (const [i, [x, top, anchor]] of spots.entries()) {
        const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
        const box = { x0: x0 - 3, x1: x0 + w + 3, y0: top - 2, y1: top + h + 2 };
        if (box.x0 < 2 || box.x1 > width - 2 || box.y0 < 2 || box.y1 > height - 2) continue;
        if (taken.some((t) => overlaps(t, box)) || hitsArcs(box, arcs)) continue;
        if (strict && !(inside && i === spots.length - 1) && outlines.some((t) => overlaps(t, box))) continue;
        p.label = { lines, x, y: top + LABEL_FONT - 1, anchor };
        taken.push(box);
        break;
      }
      if (p.label) break;
    }
  }
}

const rank = (role: PlaceLayout['role']) => ({ target: 0, origin: 1, infrastructure: 2, reference: 3 })[role];

export function layoutMap(r: ResolvedIncident, o: MapLayoutOptions): MapLayout {
  const { width, height } = o;
  const places = r.incident.places ?? [];
  // Every claim drawn as an arc is fitted whole, so its ends and its bulge stay in the frame.
  const mappable = new Map(places.map((p) => [p.id, placePoint(p)]));
  const pairs: Array<[Position, Position]> = [];
  for (const { status, from, to } of r.claims) {
    const a = from && mappable.get(from.id);
    const b = to && mappable.get(to.id);
    if (a && b && (status !== 'denied' || o.showDenied)) pairs.push([a, b]);
  }
  const projection = fitProjection(places, width, height, pairs);
  const path = geoPath(projection);

  // Places: areas for uncertain locations, markers for precise ones.
  const laid: PlaceLayout[] = [];
  for (const place of places) {
    const point = placePoint(place);
    if (!point) continue;
    const projected = projection(point);
    if (!projected) continue;
    const role = placeRole(place);
    let area = placeArea(place);
    let bounds = area ? path.bounds(area) : null;
    let radius = bounds ? Math.max(bounds[1][0] - bounds[0][0], bounds[1][1] - bounds[0][1]) / 2 : 0;
    if (area && !place.shape && (role === 'origin' || role === 'infrastructure') && radius < MIN_AREA_PX) {
      // Widen a small circle rather than let it pass for a precise point.
      const meters = (place.precisionMeters ?? DEFAULT_ORIGIN_PRECISION_M) * (MIN_AREA_PX / Math.max(radius, 0.5));
      area = geoCircle()
        .center(point)
        .radius(meters / DEG_M)
        .precision(2)();
      bounds = path.bounds(area);
      radius = Math.max(bounds[1][0] - bounds[0][0], bounds[1][1] - bounds[0][1]) / 2;
    }
    const d = area ? path(area) : null;
    // Origins and infrastructure are always areas; a reference point is always a marker.
    const isArea = Boolean(d) && (role === 'origin' || role === 'infrastructure' || (role === 'target' && radius >= 6));
    const marker = isArea ? 0 : role === 'target' ? 7 : 4;
    const [x, y] = projected;
    const hit = Math.max(12, isArea ? radius : marker + 6);
    const target = Math.max(PLACE_TARGET_PX, isArea ? 0 : marker + 6);
    laid.push({
      id: place.id,
      place,
      role,
      x,
      y,
      area: isArea ? d : null,
      areaBox: isArea && bounds ? { x0: bounds[0][0], y0: bounds[0][1], x1: bounds[1][0], y1: bounds[1][1] } : null,
      marker,
      radius: isArea ? radius : marker,
      target,
      label: null,
      box: { x0: x - hit, x1: x + hit, y0: y - hit, y1: y + hit },
    });
  }

  // Claims: arcs from origin to target; the rest listed as text.
  const byId = new Map(laid.map((p) => [p.id, p]));
  const arcs: ArcLayout[] = [];
  const listed: Claim[] = [];
  for (const { claim, status, from: fromPlace, to } of r.claims) {
    const from = fromPlace ?? undefined;
    const a = from && placePoint(from);
    const b = to && placePoint(to);
    if (!a || !b || !byId.has(from.id) || !byId.has(to.id) || (status === 'denied' && !o.showDenied)) {
      listed.push(claim);
      continue;
    }
    const line: LineString = { type: 'LineString', coordinates: [a, b] };
    const interpolate = geoInterpolate(a, b);
    const points: [number, number][] = [];
    for (let i = 0; i <= 24; i++) {
      const pt = projection(interpolate(i / 24));
      if (pt) points.push(pt);
    }
    const gap = (p: PlaceLayout) => p.target + TARGET_GAP_PX;
    const kept = trimPolyline(points, gap(byId.get(from.id)!), gap(byId.get(to.id)!));
    arcs.push({
      id: claim.id,
      claim,
      status,
      d: path(line) ?? '',
      opacity: arcOpacity(claim),
      points,
      hit: polylinePath(kept),
      band: tubePath(kept, CLAIM_BAND_PX),
      ring: tubePath(kept, CLAIM_RING_PX),
    });
  }

  placeLabels(laid, arcs, width, height, o.measure);
  const inView = (layer: Geometry | Feature | FeatureCollection) => {
    const shown = landInView(layer, projection, width, height);
    return shown ? path(shown) : null;
  };
  return {
    width,
    height,
    land: o.land ? inView(o.land) : null,
    boundaries: o.boundaries ? inView(o.boundaries) : null,
    places: laid,
    arcs,
    listed,
  };
}
