// A consumer's React app: the AIIMS story through the wrappers of attack-timeline/react, and
// the tags written directly (typed by attack-timeline/jsx). Type-checked against React 18's and
// React 19's types, then bundled and run by scripts/consumer-check.mjs. No cast, no `any`, no
// declaration of our own: what the package ships has to be enough.
import { StrictMode, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import type { AttackSelectEvent, Incident } from 'attack-timeline';
import 'attack-timeline';
import type {} from 'attack-timeline/jsx';
import { AttackMap, AttackStory, AttackTimeline } from 'attack-timeline/react';
import aiims from './aiims.json';

// The imported JSON is an Incident as it is.
const incident: Incident = aiims;
const react19 = Number(version.split('.')[0]) >= 19;

function App() {
  const [selected, setSelected] = useState('');
  const [loaded, setLoaded] = useState('');
  const [rawSelected, setRawSelected] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const onSelect = (e: AttackSelectEvent) => setSelected(e.detail.id ?? '');
  return (
    <main>
      <output id="selected">{selected}</output>
      <output id="loaded">{loaded}</output>
      <output id="raw-selected">{rawSelected}</output>
      <output id="errors">{errors.join(' ')}</output>
      <AttackStory
        id="wrapped"
        incident={incident}
        locale="en-IN"
        theme="light"
        onAttackSelect={onSelect}
        onAttackLoad={(e) => setLoaded(e.detail.incident.title)}
        onAttackError={(e) => setErrors(e.detail.errors.map((x) => `${x.path}: ${x.message}`))}
      />
      {react19 ? (
        // React 19 sets `incident` as a property and listens to `onattack-select`.
        <attack-story id="raw" incident={aiims} locale="en-IN" time-zone="Asia/Kolkata" onattack-select={(e) => setRawSelected(e.detail.id ?? '')} />
      ) : (
        // React 18 turns props into attributes: the tag takes `src`.
        <attack-timeline id="raw" src="./aiims.json" locale="en-IN" heading-level={3} />
      )}
      <TypeChecks />
    </main>
  );
}

/** Never rendered: what the types must refuse. Each line fails to compile if the types were `any`. */
function TypeChecks() {
  if (Math.random() < 2) return null;
  return (
    <>
      {/* @ts-expect-error: `selected` is an event id, a string */}
      <AttackTimeline selected={42} />
      {/* @ts-expect-error: no such theme */}
      <AttackMap theme="sepia" />
      {/* @ts-expect-error: the detail has `id`, `place` and `claim` */}
      <AttackStory onAttackSelect={(e) => e.detail.nothing} />
      {/* @ts-expect-error: `incident` is a document, not a string */}
      <AttackStory incident="aiims.json" />
      {/* @ts-expect-error: `issues` is read-only: read it through a ref */}
      <AttackStory issues={{ errors: [], warnings: [] }} />
      {/* @ts-expect-error: methods are not props */}
      <AttackTimeline select={() => undefined} />
      {/* Booleans as properties (TypeScript lets any JSX attribute with a hyphen through, so the types cannot refuse show-denied={false}) */}
      <attack-map showDenied={false} noCaption />
      {/* @ts-expect-error: an Incident needs its events */}
      <attack-story incident={{ version: 1, title: 'No events' }} />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
