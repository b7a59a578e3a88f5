/** Map height for a width, known before any geometry loads so the space is reserved. */
export function mapHeight(width: number): number {
  return Math.round(Math.min(560, Math.max(240, width * 0.62)));
}
