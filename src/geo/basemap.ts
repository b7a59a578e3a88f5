import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { Topology } from 'topojson-specification';

/**
 * Land from Natural Earth (via world-atlas), loaded only when a map is drawn: each resolution
 * is its own lazily imported chunk, fetched once per page whatever the number of maps.
 * Land only, no borders: international boundaries are a legal matter for many publishers.
 */
export type Resolution = '110m' | '50m';

export type Land = Feature | FeatureCollection | Geometry;

const land = new Map<Resolution, Promise<Land>>();

export function loadLand(resolution: Resolution): Promise<Land> {
  let p = land.get(resolution);
  if (!p) {
    const module = resolution === '50m' ? import('world-atlas/land-50m.json', { with: { type: 'json' } }) : import('world-atlas/land-110m.json', { with: { type: 'json' } });
    const loaded: Promise<Land> = module.then((m) => {
      const topology = m.default;
      const object = topology.objects.land;
      if (!object) throw new Error(`world-atlas land-${resolution} has no "land" object`);
      return feature(topology, object);
    });
    p = loaded;
    // A failed load may be retried by the next map.
    p.catch(() => land.delete(resolution));
    land.set(resolution, p);
  }
  return p;
}

/** The resolution that suits a map of this width. */
export const resolutionFor = (width: number): Resolution => (width >= 1200 ? '50m' : '110m');

/**
 * A publisher's boundary layer as drawable GeoJSON: TopoJSON becomes the mesh of all its
 * objects; GeoJSON is used as it is. Throws a message for anything else.
 */
export function boundaryGeometry(value: unknown): FeatureCollection | Geometry | MultiLineString {
  const o = value as { type?: unknown; objects?: Record<string, unknown> };
  if (o && o.type === 'Topology' && o.objects && typeof o.objects === 'object') {
    const topology = value as Topology;
    const lines: number[][][] = [];
    for (const key of Object.keys(topology.objects)) lines.push(...mesh(topology, topology.objects[key] as never).coordinates);
    return { type: 'MultiLineString', coordinates: lines };
  }
  const types = ['FeatureCollection', 'Feature', 'Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'GeometryCollection'];
  if (o && typeof o.type === 'string' && types.includes(o.type)) return value as FeatureCollection;
  throw new Error('is not TopoJSON or GeoJSON with lines or polygons');
}
