import { test } from 'node:test';
import assert from 'node:assert/strict';
import { polylineLength, polylinePath, trimPolyline, tube, tubePath, type Point } from '../../src/layout/hit-geometry.js';

const line: Point[] = [
  [0, 0],
  [50, 0],
  [100, 0],
];
const near = (a: number, b: number, eps = 1e-6) => Math.abs(a - b) < eps;

test('trimPolyline stops the line short of both ends by the given lengths', () => {
  const t = trimPolyline(line, 20, 30);
  assert.deepEqual(t[0], [20, 0]);
  assert.deepEqual(t[t.length - 1], [70, 0]);
  assert.ok(near(polylineLength(t), 50));
});

test('trimPolyline follows a bend: the kept part lies on the original line', () => {
  const bent: Point[] = [
    [0, 0],
    [30, 0],
    [30, 40],
  ];
  const t = trimPolyline(bent, 10, 10);
  assert.deepEqual(t[0], [10, 0]);
  assert.deepEqual(t[1], [30, 0]);
  assert.deepEqual(t[2], [30, 30]);
});

test('trimPolyline keeps the middle of a line too short to trim, and a tiny line whole', () => {
  const t = trimPolyline(line, 60, 60, 8);
  assert.ok(near(polylineLength(t), 8));
  assert.deepEqual(t[0], [46, 0]);
  const tiny: Point[] = [
    [0, 0],
    [5, 0],
  ];
  assert.deepEqual(trimPolyline(tiny, 10, 10, 8), tiny);
});

test('tube(points, offset) surrounds the line: every point of it is offset px from the line, ends rounded outward', () => {
  const ring = tube(line, 6);
  for (const [x, y] of ring) {
    // Distance to the segment [0,0]-[100,0].
    const cx = Math.min(100, Math.max(0, x));
    assert.ok(near(Math.hypot(x - cx, y), 6, 1e-9), `(${x}, ${y}) is 6 px from the line`);
  }
  // The caps bulge past the ends, not back over the line.
  assert.ok(Math.min(...ring.map((p) => p[0])) < -5.9);
  assert.ok(Math.max(...ring.map((p) => p[0])) > 105.9);
  // Both sides are there.
  assert.ok(ring.some((p) => p[1] > 5.9) && ring.some((p) => p[1] < -5.9));
});

test('tube around a single point is a circle; tubePath closes its outline', () => {
  const ring = tube([[10, 10]], 4);
  for (const [x, y] of ring) assert.ok(near(Math.hypot(x - 10, y - 10), 4, 1e-9));
  assert.match(tubePath(line, 6), /^M.*Z$/);
  assert.equal(polylinePath(line), 'M0.0,0.0L50.0,0.0L100.0,0.0');
});
