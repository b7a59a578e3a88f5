import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { geoArea, geoDistance } from 'd3-geo';
import { parseIncident } from '../../src/model/parse.js';
import type { Place, ResolvedIncident } from '../../src/model/types.js';
import { approximateMeasure } from '../../src/layout/text.js';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import {
  arcOpacity,
  CONFIDENCE_FLOOR,
  enclosingCap,
  fitProjection,
  landInView,
  layoutMap,
  mapHeight,
  placeArea,
  placePoint,
  rewind,
  type Box,
} from '../../src/layout/map-layout.js';
import { ringCrossesItself, WHOLE_EARTH_M } from '../../src/model/read-places.js';
import { precisionText } from '../../src/internal/describe.js';
import { ashburn, bowtie, delhi, saoPaulo } from '../fixtures/far-places.js';
import { en, hi } from '../../src/i18n/messages.js';

const aiims = (): ResolvedIncident => parseIncident(JSON.parse(readFileSync(new URL('../../../examples/data/aiims-delhi-2022.json', import.meta.url), 'utf8'))).resolved!;
const layout = (width: number, over: Partial<Parameters<typeof layoutMap>[1]> = {}) =>
  layoutMap(aiims(), { width, height: mapHeight(width), measure: approximateMeasure, ...over });
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const labelBox = (l: NonNullable<ReturnType<typeof layout>['places'][number]['label']>) => {
  const w = Math.max(...l.lines.map((t) => approximateMeasure(t, 13)));
  const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
  return { x0, x1: x0 + w, y0: l.y - 12, y1: l.y - 12 + l.lines.length * 16 };
};

test('fitProjection(AIIMS places) keeps New Delhi, Hong Kong and Henan inside the frame with margins', () => {
  for (const width of [375, 700, 1280]) {
    const height = mapHeight(width);
    const p = fitProjection(aiims().incident.places!, width, height);
    for (const [lon, lat] of [
      [77.21, 28.565],
      [114.131, 22.385],
      [113.484, 33.9055],
    ] as const) {
      const [x, y] = p([lon, lat])!;
      assert.ok(x > 30 && x < width - 30 && y > 30 && y < height - 30, `${lon},${lat} at ${x},${y} in ${width}x${height}`);
    }
  }
});

test('fitProjection(one place) does not zoom to street level', () => {
  const p = fitProjection([{ id: 'a', name: 'A', lat: 28.6, lon: 77.2, precisionMeters: 10 }], 600, 400);
  const [x0] = p([77.2, 28.6])!;
  const [x1] = p([78.2, 28.6])!;
  assert.ok(x1 - x0 < 60, `one degree is ${x1 - x0} px`);
});

test('layoutMap(AIIMS) draws origins as areas, the target as a marker, and arcs for the two IP claims', () => {
  const l = layout(700);
  const byId = new Map(l.places.map((p) => [p.id, p]));
  assert.ok(byId.get('henan')!.area, 'Henan is its province outline');
  assert.ok(byId.get('hong-kong')!.area, 'Hong Kong is an area, not a pin');
  assert.equal(byId.get('hong-kong')!.marker, 0);
  assert.equal(byId.get('aiims-new-delhi')!.area, null);
  assert.ok(byId.get('aiims-new-delhi')!.marker > 0);
  assert.deepEqual(
    l.arcs.map((a) => a.id),
    ['att-hk-ip', 'att-henan-ip'],
  );
  assert.deepEqual(
    l.listed.map((c) => c.id),
    ['att-china-actor-claim', 'att-pti-origin-claim'],
    'a claim with no mappable origin is listed, not drawn',
  );
  for (const arc of l.arcs) assert.match(arc.d, /^M[\d.-]+,[\d.-]+/);
});

test('layoutMap(AIIMS) labels every place, with no label touching another label or an arc', () => {
  for (const width of [375, 700, 1280]) {
    const l = layout(width);
    const labelled = l.places.filter((p) => p.label);
    assert.ok(
      ['aiims-new-delhi', 'hong-kong', 'henan'].every((id) => labelled.some((p) => p.id === id)),
      `main places labelled at ${width}`,
    );
    const boxes = labelled.map((p) => ({ id: p.id, box: labelBox(p.label!) }));
    for (const [i, { id, box }] of boxes.entries()) {
      assert.ok(box.x0 >= 0 && box.x1 <= width, `label inside the map at ${width}`);
      for (const other of boxes.slice(i + 1)) assert.ok(!overlap(box, other.box), `${id} and ${other.id} overlap at ${width}`);
      for (const arc of l.arcs) for (const [x, y] of arc.points) assert.ok(!(x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1), `${id} label on ${arc.id} at ${width}`);
    }
  }
});

test('layoutMap hides denied claims unless asked, and lists them instead', () => {
  const doc = JSON.parse(readFileSync(new URL('../../../examples/data/aiims-delhi-2022.json', import.meta.url), 'utf8'));
  doc.claims[0].status = 'denied';
  const r = parseIncident(doc).resolved!;
  const hidden = layoutMap(r, { width: 700, height: 434, measure: approximateMeasure });
  assert.ok(!hidden.arcs.some((a) => a.id === 'att-hk-ip'));
  assert.ok(hidden.listed.some((c) => c.id === 'att-hk-ip'));
  const shown = layoutMap(r, { width: 700, height: 434, measure: approximateMeasure, showDenied: true });
  assert.equal(shown.arcs.find((a) => a.id === 'att-hk-ip')!.status, 'denied');
});

test('arcOpacity(…) follows confidence with a floor', () => {
  const claim = { id: 'c', from: 'a', to: 'b', relation: 'infrastructure-located-in', assertion: 'x', assertedBy: 'y' } as const;
  assert.equal(arcOpacity({ ...claim, confidence: 0 }), CONFIDENCE_FLOOR);
  assert.equal(arcOpacity({ ...claim, confidence: 100 }), 1);
  assert.ok(arcOpacity({ ...claim, confidence: 'likely' }) > arcOpacity({ ...claim, confidence: 'unlikely' }));
});

test('rewind(…) fixes RFC 7946 winding so a province is not the whole world', () => {
  const ccw = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [110, 32],
        [116, 32],
        [116, 36],
        [110, 36],
        [110, 32],
      ],
    ],
  };
  assert.ok(geoArea(ccw) > 2 * Math.PI, 'counter-clockwise reads as everything else to d3');
  assert.ok(geoArea(rewind(ccw)) < 0.1);
  const henan = aiims().incident.places!.find((p) => p.id === 'henan')!;
  assert.ok(geoArea(placeArea(henan)!) < 0.01, 'the shipped Henan outline is a province');
});

test('placeArea(origin without precision) is still an area', () => {
  const area = placeArea({ id: 'x', name: 'X', role: 'origin', lat: 10, lon: 10 });
  assert.ok(area && geoArea(area) > 0);
});

test('layoutMap never draws an origin area so small it reads as a pin', () => {
  const l = layout(375);
  const hk = l.places.find((p) => p.id === 'hong-kong')!;
  assert.ok(hk.area && hk.radius >= 6.5, `Hong Kong radius ${hk.radius}`);
});

test('landInView keeps every piece of land that shows in the view, and leaves out land that cannot', async () => {
  const { feature } = await import('topojson-client');
  const topology = JSON.parse(readFileSync(new URL('../../../node_modules/world-atlas/land-110m.json', import.meta.url), 'utf8'));
  const land = feature(topology, topology.objects.land) as unknown as FeatureCollection;
  const all = land.features.flatMap((f) => (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : []));
  const far: Place[] = [
    { id: 'ny', name: 'New York', role: 'target', lat: 40.7, lon: -74 },
    { id: 'sp', name: 'São Paulo', role: 'origin', lat: -23.5, lon: -46.6, precisionMeters: 50_000 },
  ];
  for (const places of [aiims().incident.places!, far]) {
    for (const width of [375, 1280]) {
      const height = mapHeight(width);
      const projection = fitProjection(places, width, height);
      const centre: [number, number] = [-projection.rotate()[0], -projection.rotate()[1]];
      const shown = landInView(land, projection, width, height)!;
      const kept = new Set((shown.geometries[0] as MultiPolygon).coordinates);
      const inView = all.filter((polygon) =>
        polygon[0]!.some((pt) => {
          // Past the clip angle a point is not drawn, wherever the raw projection puts it.
          if (geoDistance(centre, pt as [number, number]) > (projection.clipAngle()! * Math.PI) / 180) return false;
          const xy = projection(pt as [number, number]);
          return xy && xy[0] >= 0 && xy[0] <= width && xy[1] >= 0 && xy[1] <= height;
        }),
      );
      for (const polygon of inView) assert.ok(kept.has(polygon), `a polygon in view at ${width} px is kept`);
      // New York to São Paulo shows a whole hemisphere; the AIIMS map, a region.
      assert.ok(kept.size < all.length / (places === far ? 1 : 2), `${kept.size} of ${all.length} polygons projected at ${width} px`);
    }
  }
});

/** An incident with a target and places that a claim each joins to it. */
function farIncident(target: Place, others: Place[]): ResolvedIncident {
  const result = parseIncident({
    version: 1,
    title: 'Far places',
    timeZone: 'UTC',
    events: [{ id: 'e', title: 'Event', start: '2024-01-01', status: 'confirmed', sources: ['s'] }],
    sources: [{ id: 's', publisher: 'Desk', url: 'https://example.org/' }],
    places: [target, ...others],
    claims: others.map((o) => ({
      id: `c-${o.id}`,
      from: o.id,
      to: target.id,
      relation: 'infrastructure-located-in',
      assertion: 'Traced there.',
      assertedBy: 'Police',
      status: 'reported',
      sources: ['s'],
    })),
  });
  assert.ok(result.resolved, JSON.stringify([...result.errors, ...result.warnings]));
  return result.resolved;
}

/** Asserts that every place's anchor and every arc point lies inside the frame. */
function assertAllInFrame(r: ResolvedIncident, label: string) {
  for (const width of [375, 700, 1280]) {
    const height = mapHeight(width);
    const l = layoutMap(r, { width, height, measure: approximateMeasure });
    assert.equal(l.places.length, r.incident.places!.length, `${label}: every place is laid out at ${width} px`);
    assert.equal(l.arcs.length, r.claims.length, `${label}: every claim is an arc at ${width} px`);
    const inside = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;
    for (const p of l.places) assert.ok(inside([p.x, p.y]), `${label}: ${p.id} at ${p.x.toFixed(0)},${p.y.toFixed(0)} in ${width}×${height}`);
    for (const a of l.arcs) {
      assert.equal(a.points.length, 25, `${label}: the whole arc ${a.id} projects`);
      for (const pt of a.points) assert.ok(inside(pt), `${label}: arc ${a.id} passes ${pt.map((n) => n.toFixed(0)).join(',')} in ${width}×${height}`);
    }
  }
}

test('layoutMap keeps far places and the whole arc between them in the frame: New Delhi and Ashburn, a shape near São Paulo', () => {
  assertAllInFrame(farIncident(delhi, [ashburn]), 'Ashburn');
  assertAllInFrame(farIncident(delhi, [saoPaulo]), 'São Paulo');
  assertAllInFrame(farIncident(delhi, [saoPaulo, { id: 'ashburn', name: 'Ashburn', role: 'infrastructure', lat: 39.04, lon: -77.49 }]), 'both');
});

test('layoutMap keeps any pair of points on the globe in the frame, antipodes and poles included', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const pairs: Array<[number, number, number, number]> = [
    [0, 0, 179.9, 0],
    [10, 45, -170, -45],
    [0, 89.9, 0, -89.9],
    [-179.5, 10, 179.5, -10],
  ];
  for (let i = 0; i < 24; i++)
    pairs.push([random() * 360 - 180, Math.asin(random() * 2 - 1) * (180 / Math.PI), random() * 360 - 180, Math.asin(random() * 2 - 1) * (180 / Math.PI)]);
  for (const [lon1, lat1, lon2, lat2] of pairs) {
    const label = `${lon1.toFixed(1)},${lat1.toFixed(1)} → ${lon2.toFixed(1)},${lat2.toFixed(1)}`;
    assertAllInFrame(farIncident({ id: 't', name: 'T', role: 'target', lat: lat1, lon: lon1 }, [{ id: 'o', name: 'O', role: 'origin', lat: lat2, lon: lon2 }]), label);
  }
});

test('enclosingCap holds every point and is close to the smallest cap', () => {
  const pts: [number, number][] = [
    [77.2, 28.6],
    [-77.5, 39],
  ];
  const cap = enclosingCap(pts);
  const half = (geoDistance(pts[0]!, pts[1]!) * 180) / Math.PI / 2;
  for (const p of pts) assert.ok((geoDistance(cap.centre, p) * 180) / Math.PI <= cap.radius + 1e-9);
  assert.ok(cap.radius < half + 1, `radius ${cap.radius} for a half-distance of ${half}`);
});

test('a self-intersecting outline is anchored among its own points, not on the far side of the globe, and warned about', () => {
  const [lon, lat] = placePoint(bowtie)!;
  assert.ok(lon > 100 && lon < 110 && lat > 20 && lat < 30, `anchor ${lon},${lat}`);
  assert.equal(ringCrossesItself((bowtie.shape!.coordinates as number[][][])[0]!), true);
  const square = [
    [100, 20],
    [110, 20],
    [110, 30],
    [100, 30],
    [100, 20],
  ];
  assert.equal(ringCrossesItself(square), false);
  const result = parseIncident({
    version: 1,
    title: 'Bowtie',
    events: [{ id: 'e', title: 'Event', start: '2024-01-01', status: 'confirmed', sources: [] }],
    places: [{ id: 't', name: 'T', role: 'target', lat: 28, lon: 77 }, bowtie],
  });
  const warning = result.warnings.find((i) => i.path === 'places[1].shape.coordinates[0]');
  assert.ok(warning, JSON.stringify([...result.errors, ...result.warnings]));
  assert.match(warning.message, /crosses itself/);
  const l = layoutMap(result.resolved!, { width: 700, height: mapHeight(700), measure: approximateMeasure });
  const laid = l.places.find((p) => p.id === 'bow')!;
  assert.ok(laid.x > 0 && laid.x < 700 && laid.y > 0 && laid.y < mapHeight(700), `drawn at ${laid.x},${laid.y}`);
});

test('a precision wider than the Earth is capped at the whole globe, with a warning', () => {
  const result = parseIncident({
    version: 1,
    title: 'Everywhere',
    events: [{ id: 'e', title: 'Event', start: '2024-01-01', status: 'confirmed', sources: [] }],
    places: [{ id: 'p', name: 'Somewhere', role: 'origin', lat: 10, lon: 10, precisionMeters: 1e9 }],
  });
  assert.equal(result.resolved!.incident.places![0]!.precisionMeters, WHOLE_EARTH_M);
  const warning = result.warnings.find((i) => i.path === 'places[0].precisionMeters');
  assert.ok(warning, JSON.stringify([...result.errors, ...result.warnings]));
  // Said as the whole Earth, not "within about 10,00,000 km".
  const place = result.resolved!.incident.places![0]!;
  assert.equal(precisionText(place, 'en-IN', en), 'Not located: the stated precision covers the whole Earth');
  assert.equal(precisionText(place, 'hi-IN', hi), hi.map.anywhereOnEarth);
  assert.equal(precisionText({ ...place, precisionMeters: 25_000 }, 'en-IN', en), 'Located only to within about 25 km');
  // Drawn as (nearly) the whole sphere, never a small circle.
  assert.ok(geoArea(placeArea(result.resolved!.incident.places![0]!)!) > 4 * Math.PI * 0.99);
});
