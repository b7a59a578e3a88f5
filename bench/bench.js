// One bench case per page load: ?lib=attack|vis|timelinejs&n=<events>. Renders the same
// seeded events with the library and leaves the measurements in window.__result.
const params = new URLSearchParams(location.search);
const lib = params.get('lib');
/** A count of seeded events, or `aiims` for the flagship story's own 25 events. */
const size = params.get('n');
const n = size === 'aiims' ? 0 : Number(size);
const chart = document.getElementById('chart');
const LANES = ['network', 'host', 'mail', 'identity'];
const T0 = Date.UTC(2022, 10, 1);

/** Deterministic events: a linear congruential generator, not Math.random. */
function events(count) {
  let seed = 20221123;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    title: `Log entry ${i}: ${Math.floor(rand() * 1e6).toString(16)} seen on the perimeter`,
    time: T0 + Math.floor((rand() * 60 * 86_400_000) / 60_000) * 60_000,
    lane: LANES[i % LANES.length],
  }));
}

/** The AIIMS story's events, in the seeded shape every library is given. */
async function aiims() {
  const doc = await (await fetch('../examples/data/aiims-delhi-2022.json')).json();
  return doc.events.map((e) => ({ id: e.id, title: e.title, time: Date.parse(e.start.length <= 7 ? `${e.start}-01` : e.start), lane: e.lane, doc }));
}

/** Long main-thread tasks seen while `fn` runs and the page settles after it. */
const tasks = [];
new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });

const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const script = (src) =>
  new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = reject;
    document.head.append(s);
  });
const stylesheet = (href) =>
  new Promise((resolve) => {
    const l = document.createElement('link');
    l.rel = 'stylesheet';
    l.href = href;
    l.onload = resolve;
    document.head.append(l);
  });
function countNodes(root) {
  let count = 0;
  for (const el of root.querySelectorAll('*')) {
    count++;
    if (el.shadowRoot) count += countNodes(el.shadowRoot);
  }
  return count;
}

async function load() {
  if (lib === 'attack') await import('../dist/attack-timeline.min.js');
  if (lib === 'vis') await script('../node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js');
  if (lib === 'timelinejs') {
    await stylesheet('../node_modules/@knight-lab/timelinejs/dist/css/timeline.css');
    await script('../node_modules/@knight-lab/timelinejs/dist/js/timeline.js');
  }
}

let zoomStep = null;

async function render(data) {
  if (lib === 'attack') {
    const el = document.createElement('attack-timeline');
    chart.append(el);
    const doc = data[0]?.doc;
    // Drawn means the data is shown: a large document is read in slices first, and the element
    // says so with attack-load once the update that shows it is done.
    const shown = new Promise((resolve) => {
      el.addEventListener('attack-load', resolve, { once: true });
      el.addEventListener('attack-error', resolve, { once: true });
    });
    el.incident = doc ?? {
      version: 1,
      title: 'Bench',
      timeZone: 'UTC',
      lanes: LANES.map((id) => ({ id, label: id })),
      events: data.map((e) => ({ id: e.id, title: e.title, start: new Date(e.time).toISOString().slice(0, 16) + 'Z', lane: e.lane, status: 'confirmed', sources: [] })),
    };
    await shown;
    await el.updateComplete;
    const button = (label) => [...el.shadowRoot.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === label);
    zoomStep = async (zoomIn) => {
      button(zoomIn ? 'Zoom in' : 'Zoom out')?.click();
      await el.updateComplete;
    };
  } else if (lib === 'vis') {
    const lanes = [...new Set(data.map((e) => e.lane))];
    const items = new window.vis.DataSet(data.map((e) => ({ id: e.id, content: e.title, start: new Date(e.time), group: e.lane })));
    const groups = new window.vis.DataSet(lanes.map((id) => ({ id, content: id })));
    const timeline = new window.vis.Timeline(chart, items, groups, { height: '640px', stack: true });
    zoomStep = async (zoomIn) => (zoomIn ? timeline.zoomIn(0.5, { animation: false }) : timeline.zoomOut(0.5, { animation: false }));
  } else if (lib === 'timelinejs') {
    const done = new Promise((resolve) => {
      const tl = new window.TL.Timeline(
        chart,
        {
          title: { text: { headline: 'Bench' } },
          events: data.map((e) => {
            const d = new Date(e.time);
            return {
              unique_id: e.id,
              group: e.lane,
              text: { headline: e.title },
              start_date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
            };
          }),
        },
        { hash_bookmark: false, track_events: [] },
      );
      tl.on('loaded', resolve);
    });
    await done;
  }
  await frame();
  await frame();
}

/** Zoom in and out in steps, each until painted; the 95th percentile, after one warm-up step. */
async function zoomSteps() {
  if (!zoomStep) return null;
  await zoomStep(true);
  await frame();
  await frame();
  const times = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await zoomStep(i < 10);
    await frame();
    await frame();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.ceil(times.length * 0.95) - 1];
}

try {
  // The data first: fetching it after the library would give the library an idle moment
  // (when it fetches what it defers) that a page with its data inline does not have.
  const data = size === 'aiims' ? await aiims() : events(n);
  await load();
  window.gc?.();
  const heapBefore = performance.memory?.usedJSHeapSize ?? 0;
  tasks.length = 0;
  const start = performance.now();
  await render(data);
  const ms = performance.now() - start;
  // The scripts it took to get here: fetched before the first paint, not idle or zoom chunks after it.
  const scripts = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => u.endsWith('.js') && !u.includes('/bench/'));
  const nodes = countNodes(chart);
  // Work left over after the first paint counts too: wait for a quiet half second.
  await new Promise((r) => setTimeout(r, 500));
  const longest = Math.max(0, ...tasks);
  window.gc?.();
  const heap = (performance.memory?.usedJSHeapSize ?? 0) - heapBefore;
  const zoom = await zoomSteps();
  window.__result = { lib, n: data.length, ms, nodes, heap, longest, zoom, scripts };
} catch (err) {
  window.__result = { lib, n, error: String(err) };
}
