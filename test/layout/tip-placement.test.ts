import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeTip } from '../../src/layout/tip-placement.js';

const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });

test('placeTip puts the tip below its item, centred, when nothing is there', () => {
  assert.deepEqual(placeTip(box(90, 90, 110, 110), 100, 40, 400, 300, []), { left: 50, top: 118 });
});

test('placeTip keeps the tip inside the frame: above an item at the bottom, shifted in at the edge', () => {
  assert.deepEqual(placeTip(box(0, 270, 20, 290), 100, 40, 400, 300, []), { left: 0, top: 222 });
});

test('placeTip moves off another place: above, or beside, rather than over it', () => {
  const item = box(190, 140, 210, 160);
  const below = box(190, 175, 210, 195);
  assert.deepEqual(placeTip(item, 100, 40, 400, 300, [below]), { left: 150, top: 92 });
  const above = box(190, 100, 210, 120);
  const spot = placeTip(item, 100, 40, 400, 300, [below, above]);
  assert.deepEqual(spot, { left: 218, top: 130 });
});

test('placeTip prefers covering less of a line, and goes outside the frame only when every spot inside covers a place', () => {
  const item = box(190, 140, 210, 160);
  const line = [box(100, 168, 300, 200)];
  assert.equal(placeTip(item, 100, 40, 400, 300, [], line).top, 92);
  // A frame too small to hold the tip anywhere but over a neighbour: just below it.
  const small = placeTip(box(40, 40, 60, 60), 90, 60, 100, 100, [box(0, 0, 30, 30), box(70, 70, 100, 100), box(0, 70, 30, 100), box(70, 0, 100, 30)]);
  assert.deepEqual(small, { left: 5, top: 104 });
});
