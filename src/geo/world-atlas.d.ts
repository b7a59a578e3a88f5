// The world-atlas JSON files are TopoJSON topologies; typed here rather than inferred from
// half a megabyte of JSON.
declare module 'world-atlas/*.json' {
  import type { Topology } from 'topojson-specification';
  const topology: Topology;
  export default topology;
}
