/**
 * Deterministic ids for the STIX writer: a 128-bit hash of text (cyrb128) laid out as a
 * version 5 UUID, so the same incident always gets the same STIX ids.
 */

/** A 128-bit hash of text (cyrb128), as four 32-bit words. */
function hash128(text: string): number[] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A deterministic UUID (version 5 layout) from text: the same incident gets the same ids. */
export function deterministicUuid(text: string): string {
  const hash = hash128(`attack-timeline:${text}`)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
  // Version 5 in the 13th digit; the variant (8, 9, a or b) in the 17th.
  const variant = '89ab'.charAt(parseInt(hash.charAt(16), 16) & 3);
  const h = `${hash.slice(0, 12)}5${hash.slice(13, 16)}${variant}${hash.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
