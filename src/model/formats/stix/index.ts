/**
 * STIX 2.1 bundles, in and out (Attack Flow and the OASIS Incident Core extension included):
 * the public face of the STIX format. Reading (read.ts) runs one phase per concern over a
 * shared context; writing (write.ts) gives standard STIX objects that also carry our own
 * fields in `x_attack_timeline`, so a bundle we write reads back unchanged.
 */
export { EVENT_EXTENSION } from './common.js';
export { fromStix } from './read.js';
export { deterministicUuid } from './uuid.js';
export { toStix } from './write.js';
