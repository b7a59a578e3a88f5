/**
 * Loading under attributes an author got wrong and servers that answer with the wrong type:
 * junk `max-bytes` and `timeout` keep their defaults (with a warning), the last of `src` and
 * `incident` set is what shows, and the Content-Type policy (warn by default, refuse with
 * `strict-type`). Endpoints are in web-test-runner.config.mjs (`testApi`).
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { AttackTimeline } from '../../src/components/attack-timeline/attack-timeline.js';
import type { Incident, Issue } from '../../src/model/types.js';
import { cleanup, trapPageErrors, waitFor } from '../browser/helpers.js';
import { mount, type Harness } from '../browser/harness.js';

type T = Harness<AttackTimeline>;

const small = (title: string) =>
  ({
    version: 1,
    title,
    timeZone: 'Asia/Kolkata',
    events: [{ id: 'p', title: 'From the property', start: '2022-11-23', status: 'confirmed', sources: [] }],
  }) as unknown as Incident;

/** A timeline with fallback content, set up by `setup` before it connects. */
const timeline = (setup: (el: AttackTimeline) => void) =>
  mount<AttackTimeline>('attack-timeline', (el) => {
    const ol = document.createElement('ol');
    ol.append(Object.assign(document.createElement('li'), { textContent: '23 Nov 2022: attack' }));
    el.append(ol);
    setup(el);
  });

/** The warnings about loading (the attributes, the type served), not about the document's content. */
const loading = (issues: Issue[]) => issues.filter((i) => ['src', 'timeout', 'max-bytes'].includes(i.path));

/** Waits until the element has loaded or failed and has drawn what it got: its errors, and its warnings about loading. */
async function outcome(t: T): Promise<{ errors: Issue[]; warnings: Issue[] }> {
  await waitFor(() => t.el.incident || t.el.issues.errors.length, `a load or an error for ${t.el.src}`, 15000);
  await t.settle();
  return { errors: t.el.issues.errors, warnings: loading(t.el.issues.warnings) };
}

/** What a reader sees: the title drawn, the event marks, and whether the fallback content shows. */
function shown(t: T) {
  return {
    title: t.part('title')?.textContent?.trim() ?? null,
    events: t.all('data-event-id').map((e) => e.id),
    fallback: Boolean(t.root.querySelector('slot')) && t.el.querySelector('ol')!.getBoundingClientRect().height > 0,
  };
}

let trap: ReturnType<typeof trapPageErrors>;
beforeEach(() => (trap = trapPageErrors()));
afterEach(() => {
  trap.stop();
  cleanup();
  expect(trap.errors, 'nothing reaches the host page').to.deep.equal([]);
});

describe('max-bytes and timeout that are not usable fall back to the defaults, with a warning', () => {
  for (const bad of ['5MB', 'NaN']) {
    it(`max-bytes="${bad}" still caps a 60 MB stream at 5 MB`, async () => {
      const t = await timeline((el) => {
        el.setAttribute('max-bytes', bad);
        el.src = '/test-api/huge-chunked';
      });
      const { errors, warnings } = await outcome(t);
      expect(errors).to.deep.equal([{ path: 'src', message: 'the file is larger than the limit of 5.0 MB (max-bytes)' }]);
      expect(warnings).to.deep.include({ path: 'max-bytes', message: `"${bad}" is not a number of bytes (a whole number above 0); using 5,000,000` });
      expect(t.role('alert'), 'the failure is shown').to.exist;
    });
  }

  for (const bad of ['-1', '0']) {
    it(`max-bytes="${bad}" does not refuse every file`, async () => {
      const t = await timeline((el) => {
        el.setAttribute('max-bytes', bad);
        el.src = '/test-api/typed?type=application/json';
      });
      const { errors, warnings } = await outcome(t);
      expect(errors).to.deep.equal([]);
      expect(shown(t).title).to.equal('Served as application/json');
      expect(warnings).to.deep.equal([{ path: 'max-bytes', message: `"${bad}" is not a number of bytes (a whole number above 0); using 5,000,000` }]);
    });
  }

  for (const bad of ['NaN', '10s', 'Infinity', '']) {
    it(`timeout="${bad}" waits the default 10 s, not no time at all`, async () => {
      const t = await timeline((el) => {
        el.setAttribute('timeout', bad);
        el.src = '/test-api/slow-ok';
      });
      const { errors, warnings } = await outcome(t);
      expect(errors).to.deep.equal([]);
      expect(shown(t).title).to.equal('Slow but fine');
      expect(warnings).to.deep.equal([{ path: 'timeout', message: `"${bad}" is not a number of milliseconds (a whole number above 0); using 10,000` }]);
    });
  }

  it('timeout="3000000000" is clamped to the longest timer a browser has, not overflowed into no wait', async () => {
    const t = await timeline((el) => {
      el.setAttribute('timeout', '3000000000');
      el.src = '/test-api/slow-ok';
    });
    const { errors, warnings } = await outcome(t);
    expect(errors).to.deep.equal([]);
    expect(shown(t).title).to.equal('Slow but fine');
    expect(warnings).to.deep.equal([{ path: 'timeout', message: '"3000000000" is longer than a browser can wait (2,147,483,647 ms, about 24.8 days); using 2,147,483,647' }]);
  });

  it('the properties are checked as the attributes are, and removing an attribute restores the default silently', async () => {
    const t = await timeline((el) => {
      el.maxBytes = -1;
      el.timeout = Number.NaN;
      el.src = '/test-api/slow-ok';
    });
    const first = await outcome(t);
    expect(first.errors).to.deep.equal([]);
    expect(first.warnings.map((w) => `${w.path}: ${w.message}`)).to.deep.equal([
      'timeout: "NaN" is not a number of milliseconds (a whole number above 0); using 10,000',
      'max-bytes: "-1" is not a number of bytes (a whole number above 0); using 5,000,000',
    ]);
    // Lit sets a removed number attribute's property to null: that is the default, not 0 ms.
    t.el.setAttribute('timeout', '10s');
    t.el.removeAttribute('timeout');
    t.el.maxBytes = 5_000_000;
    t.el.src = '/test-api/typed?type=application/json';
    await waitFor(() => t.el.incident?.title === 'Served as application/json' || t.el.issues.errors.length, 'the second src');
    expect(t.el.issues.errors).to.deep.equal([]);
    expect(loading(t.el.issues.warnings)).to.deep.equal([]);
  });

  it('usable values give no warning and are used', async () => {
    const t = await timeline((el) => {
      el.setAttribute('max-bytes', '1000000');
      el.setAttribute('timeout', '5000');
      el.src = '/test-api/big-chunked';
    });
    const { errors, warnings } = await outcome(t);
    expect(errors).to.deep.equal([{ path: 'src', message: 'the file is larger than the limit of 1.0 MB (max-bytes)' }]);
    expect(warnings).to.deep.equal([]);
  });
});

describe('src and incident: the one set last shows', () => {
  it('src set after incident loads and replaces it', async () => {
    const t = await timeline((el) => (el.incident = small('From the property')));
    expect(shown(t).title).to.equal('From the property');
    t.el.src = '/test-api/typed?type=application/json';
    await waitFor(() => t.el.incident?.title === 'Served as application/json', 'the src document');
    await t.settle();
    expect(shown(t)).to.deep.equal({ title: 'Served as application/json', events: ['a'], fallback: false });
  });

  it('incident set after src replaces it, and src set again wins again', async () => {
    const data = small('From the property');
    const t = await timeline((el) => (el.src = '/test-api/typed?type=application/json'));
    await outcome(t);
    t.el.incident = data;
    await t.settle();
    expect(shown(t).title).to.equal('From the property');
    t.el.src = '/test-api/slow-ok';
    await waitFor(() => t.el.incident?.title === 'Slow but fine', 'the second src');
    // The same object as before still counts as newly set.
    t.el.incident = data;
    await t.settle();
    expect(shown(t)).to.deep.equal({ title: 'From the property', events: ['p'], fallback: false });
  });

  it('src then incident in one task: the incident shows', async () => {
    const t = await timeline((el) => {
      el.src = '/test-api/typed?type=application/json';
      el.incident = small('Set last');
    });
    await t.settle();
    expect(shown(t).title).to.equal('Set last');
  });

  it('removing src clears what it loaded, back to the fallback content', async () => {
    const t = await timeline((el) => el.setAttribute('src', '/test-api/typed?type=application/json'));
    await outcome(t);
    expect(shown(t).events).to.deep.equal(['a']);
    t.el.removeAttribute('src');
    await t.settle();
    expect(t.el.incident).to.equal(null);
    expect(shown(t)).to.deep.equal({ title: null, events: [], fallback: true });
  });

  it('removing src does not bring back an incident that src replaced', async () => {
    const t = await timeline((el) => (el.incident = small('From the property')));
    t.el.src = '/test-api/typed?type=application/json';
    await waitFor(() => t.el.incident?.title === 'Served as application/json', 'the src document');
    t.el.src = null;
    await t.settle();
    expect(t.el.incident).to.equal(null);
    expect(shown(t)).to.deep.equal({ title: null, events: [], fallback: true });
  });

  it('removing src falls back to an inline script', async () => {
    const t = await timeline((el) => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(small('Inline'));
      el.append(script);
      el.setAttribute('src', '/test-api/typed?type=application/json');
    });
    await outcome(t);
    expect(shown(t).title).to.equal('Served as application/json');
    t.el.removeAttribute('src');
    await t.settle();
    expect(shown(t).title).to.equal('Inline');
  });

  it('clearing incident while src is still set loads src again', async () => {
    const t = await timeline((el) => (el.src = '/test-api/typed?type=application/json'));
    await outcome(t);
    t.el.incident = small('From the property');
    await t.settle();
    expect(shown(t).title).to.equal('From the property');
    t.el.incident = null;
    await waitFor(() => t.el.incident?.title === 'Served as application/json', 'src again');
    await t.settle();
    expect(shown(t).title).to.equal('Served as application/json');
    // Clearing an incident that is not what shows changes nothing.
    t.el.incident = undefined;
    await t.settle();
    expect(shown(t).title).to.equal('Served as application/json');
  });
});

describe('Content-Type: any body that parses, with a warning; strict-type refuses other types', () => {
  it('JSON served as text/html is read, with a warning naming the type', async () => {
    const t = await timeline((el) => (el.src = '/test-api/typed?type=text/html'));
    const { errors, warnings } = await outcome(t);
    expect(errors).to.deep.equal([]);
    expect(shown(t).title).to.equal('Served as text/html');
    expect(warnings).to.deep.equal([
      { path: 'src', message: '/test-api/typed?type=text/html was served as "text/html", not as JSON or CSV; read as data anyway (strict-type would refuse it)' },
    ]);
  });

  it('an HTML page is still an error, with the same warning', async () => {
    const t = await timeline((el) => (el.src = '/test-api/not-json'));
    const { errors, warnings } = await outcome(t);
    expect(errors[0]!.message).to.match(/^this is an HTML page, not data/);
    expect(warnings).to.deep.equal([
      { path: 'src', message: '/test-api/not-json was served as "text/html", not as JSON or CSV; read as data anyway (strict-type would refuse it)' },
    ]);
  });

  it('strict-type refuses JSON served as text/html, naming the type, and draws nothing', async () => {
    let fired: Issue[] | null = null;
    const t = await timeline((el) => {
      el.addEventListener('attack-error', (e) => (fired = e.detail.errors));
      el.setAttribute('strict-type', '');
      el.debug = true;
      el.src = '/test-api/typed?type=text/html';
    });
    const { errors } = await outcome(t);
    const refusal = {
      path: 'src',
      message: '/test-api/typed?type=text/html was served as "text/html", not as JSON or CSV; strict-type accepts only application/json, a +json type or text/csv',
    };
    expect(errors).to.deep.equal([refusal]);
    await waitFor(() => fired, 'attack-error');
    expect(fired).to.deep.equal([refusal]);
    expect(t.el.incident).to.equal(null);
    expect(t.role('alert')!.textContent).to.contain('"text/html"');
    expect(shown(t)).to.deep.equal({ title: null, events: [], fallback: true });
  });

  it('strict-type refuses a body served without a Content-Type', async () => {
    const t = await timeline((el) => {
      el.strictType = true;
      el.src = '/test-api/typed';
    });
    const { errors } = await outcome(t);
    expect(errors.map((e) => e.message)).to.deep.equal([
      '/test-api/typed was served without a Content-Type, not as JSON or CSV; strict-type accepts only application/json, a +json type or text/csv',
    ]);
  });

  for (const [query, title] of [
    ['type=application/json;%20charset=utf-8', 'Served as application/json; charset=utf-8'],
    ['type=application/stix%2Bjson', 'Served as application/stix+json'],
    ['type=text/csv&csv', null],
  ] as const) {
    it(`strict-type reads ${query.split('&')[0]!} without a warning`, async () => {
      const t = await timeline((el) => {
        el.strictType = true;
        el.src = `/test-api/typed?${query}`;
      });
      const { errors, warnings } = await outcome(t);
      expect(errors).to.deep.equal([]);
      expect(warnings).to.deep.equal([]);
      if (title) expect(shown(t).title).to.equal(title);
      expect(shown(t).events).to.deep.equal(['a']);
    });
  }
});
