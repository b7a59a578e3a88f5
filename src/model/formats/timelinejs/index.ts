/**
 * TimelineJS3, in and out: the public face of the TimelineJS3 format. Its JSON and its
 * Google-Sheets template both become slides (slides.ts), read into an incident by one converter
 * (read.ts); write.ts writes TimelineJS3 JSON.
 */
export { type DateParts, headerKey, SHEET_COLUMNS, type Slide } from './common.js';
export { convertSlides, fromTimelineJs } from './read.js';
export { slidesFromJson, slidesFromSheet } from './slides.js';
export { toTimelineJs } from './write.js';
