/**
 * The XSS and bad-data corpus (research/a11y-security.md §6.2): every payload goes into every
 * text field of an incident, every hostile URL into every URL field. Used by browser tests and
 * served by the test server for pages with a strict CSP.
 */
export const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=2"></svg>',
  '"><script>window.__xss=3</script>',
  "';window.__xss=4;//",
  '<a href="javascript:window.__xss=5">x</a>',
  '{{constructor.constructor("window.__xss=6")()}}',
  '<iframe srcdoc="<script>parent.__xss=7</script>">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=8">',
  '<svg><a><animate attributeName="href" values="javascript:window.__xss=9"/><text y="20">x</text></a></svg>',
  '\u202Eevil\u202C title',
];

export const HOSTILE_URLS = [
  'javascript:window.__xss=10',
  ' JaVaScRiPt:window.__xss=11',
  'java\tscript:window.__xss=12',
  '\x01javascript:window.__xss=13',
  'data:text/html,<script>window.__xss=14</script>',
  'vbscript:msgbox(15)',
];

/** An incident with a payload in every text field and a hostile URL in every URL field. */
export function hostileIncident(): Record<string, unknown> {
  const p = (i: number) => PAYLOADS[i % PAYLOADS.length];
  const sources = [
    ...HOSTILE_URLS.map((url, i) => ({ id: `bad${i}`, title: p(i), publisher: p(i + 1), url })),
    { id: 'good', title: p(3), publisher: p(4), url: 'https://example.org/report' },
  ];
  return {
    version: 1,
    id: 'hostile',
    title: p(0),
    summary: p(1),
    timeZone: 'Asia/Kolkata',
    updated: '2022-12-20',
    victim: { name: p(2), place: 'target' },
    lanes: PAYLOADS.map((label, i) => ({ id: `lane${i}`, label })),
    events: PAYLOADS.map((title, i) => ({
      id: `x${i}`,
      title,
      description: p(i + 1),
      displayDate: p(i + 2),
      start: `2022-11-${String(10 + i).padStart(2, '0')}`,
      lane: `lane${i}`,
      status: 'confirmed',
      kind: p(i + 3),
      sources: [sources[i % sources.length]!.id, 'good'],
      conflicts: [{ note: p(i + 4), date: '2022-11-09', sources: ['good'] }],
      places: ['origin'],
    })),
    places: [
      { id: 'target', name: p(5), role: 'target', lat: 28.6, lon: 77.2, precisionMeters: 500 },
      { id: 'origin', name: p(6), role: 'origin', lat: 22.4, lon: 114.1, precisionMeters: 30000 },
      { id: 'ref', name: p(7), role: 'reference', lat: 34.7, lon: 113.6 },
    ],
    claims: [
      {
        id: 'c1',
        from: 'origin',
        to: 'target',
        relation: 'infrastructure-located-in',
        assertion: p(8),
        assertedBy: p(9),
        status: 'reported',
        caveats: [p(0), p(1)],
        sources: ['bad0', 'good'],
        event: 'x0',
      },
      { id: 'c2', from: null, to: 'target', relation: 'actor-originates-from', assertion: p(2), assertedBy: p(3), status: 'reported', caveats: [p(4)], sources: ['good'] },
    ],
    sources,
  };
}
