/**
 * Geometry for pointer targets and focus rings on the map: a claim line's target stops short
 * of the places it joins, and a ring is drawn as a closed outline around a line, a shape that
 * cannot be mistaken for the line itself or for a highlight along it. Pure functions of
 * points in px.
 */

export type Point = [number, number];

const dist = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);
const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** The length of a polyline. */
export function polylineLength(points: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += dist(points[i - 1]!, points[i]!);
  return total;
}

/** The part of a polyline between `from` px after its start and `to` px after its start. */
function slice(points: readonly Point[], from: number, to: number): Point[] {
  const out: Point[] = [];
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = dist(a, b);
    const end = walked + len;
    if (end >= from && walked <= to && len > 0) {
      if (!out.length) out.push(lerp(a, b, Math.max(0, (from - walked) / len)));
      out.push(lerp(a, b, Math.min(1, (to - walked) / len)));
    }
    walked = end;
    if (walked > to) break;
  }
  return out;
}

/**
 * A polyline shortened by `start` px at its start and `end` px at its end, so its target
 * leaves the places at either end to their own. When the line is too short to leave
 * `minLength` px, the middle `minLength` px (or the whole line, if shorter) is kept.
 */
export function trimPolyline(points: readonly Point[], start: number, end: number, minLength = 8): Point[] {
  const total = polylineLength(points);
  if (points.length < 2 || total === 0) return [...points];
  if (total - start - end >= minLength) return slice(points, start, total - end);
  if (total <= minLength) return [...points];
  const mid = total / 2;
  return slice(points, mid - minLength / 2, mid + minLength / 2);
}

/** SVG path data for a polyline. */
export function polylinePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('');
}

/**
 * A closed outline `offset` px either side of a polyline, with round ends: the shape of a
 * ring around a line. Each vertex is moved along the mean of its segments' normals.
 */
export function tubePath(points: readonly Point[], offset: number): string {
  return polygonPath(tube(points, offset));
}

/** The outline's points (see `tubePath`), for tests and hit checks. */
export function tube(points: readonly Point[], offset: number, capSteps = 6): Point[] {
  const pts = points.filter((p, i) => i === 0 || dist(points[i - 1]!, p) > 1e-6);
  if (pts.length < 2) {
    const [x, y] = pts[0] ?? [0, 0];
    return Array.from({ length: capSteps * 2 }, (_, i) => {
      const a = (i / (capSteps * 2)) * 2 * Math.PI;
      return [x + offset * Math.cos(a), y + offset * Math.sin(a)] as Point;
    });
  }
  const normal = (i: number): Point => {
    const a = pts[Math.max(0, i - 1)]!;
    const b = pts[Math.min(pts.length - 1, i + 1)]!;
    const len = dist(a, b) || 1;
    return [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
  };
  const at = (i: number, sign: number): Point => {
    const n = normal(i);
    return [pts[i]![0] + sign * n[0] * offset, pts[i]![1] + sign * n[1] * offset];
  };
  /** A half circle round the end `i`, from the `from` side to the other, bulging away from the line. */
  const cap = (i: number, from: 1 | -1): Point[] => {
    const n = normal(i);
    const inward = i === 0 ? 1 : -1;
    // Outward along the line: away from its neighbour.
    const d: Point = [n[1] * -inward, -n[0] * -inward];
    const out: Point[] = [];
    for (let k = 1; k < capSteps; k++) {
      const a = (k / capSteps) * Math.PI;
      const c = Math.cos(a) * from;
      const s = Math.sin(a);
      out.push([pts[i]![0] + offset * (c * n[0] + s * d[0]), pts[i]![1] + offset * (c * n[1] + s * d[1])]);
    }
    return out;
  };
  const last = pts.length - 1;
  const left = pts.map((_, i) => at(i, 1));
  const right = pts.map((_, i) => at(i, -1)).reverse();
  return [...left, ...cap(last, 1), ...right, ...cap(0, -1)];
}

const polygonPath = (points: readonly Point[]) => `M${points.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('L')}Z`;
