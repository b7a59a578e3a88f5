/**
 * `attack-timeline/model`: the incident data API, with no DOM. Import (TimelineJS3, CSV, STIX 2.1) and export, parse and validate incident
 * documents, read partial dates in a time zone, and check links.
 */
export * from './types.js';
export { parseIncident, parseIncidentJson, STATUSES, PRECISIONS, DEFAULT_LANE } from './parse.js';
export { resolveDate, isValidTimeZone, zonedToInstant, zoneOffset, wallTime } from './dates.js';
export type { DateResult, WallTime } from './dates.js';
export { safeHttpUrl } from './urls.js';
export { sourceLabel } from './resolve.js';
export { confidenceValue, likelihoodWord, isLikelihoodWord, LIKELIHOOD_WORDS } from './confidence.js';
export { importIncident, exportIncident, detectFormat, IMPORT_FORMATS, EXPORT_FORMATS } from './formats/index.js';
export type { ImportResult, ImportFormat, ExportFormat, ImportOptions } from './formats/index.js';
export { fallbackHtml } from './fallback.js';
