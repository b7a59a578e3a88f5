/**
 * The index arrow keys, Home and End move to in a list of `n` items (one tab stop, roving
 * focus), or null for any other key. Left/Up go back, Right/Down forward; the ends hold.
 */
export function rovingIndex(key: string, i: number, n: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(n - 1, i + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, i - 1);
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    default:
      return null;
  }
}
