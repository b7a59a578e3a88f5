/**
 * The UI strings' shape and the catalogue for a locale. Strings are grouped by the element that
 * shows them (`common` for what the base class and the details panel share); each locale lives
 * in its own file and implements the whole interface, so a missing key is a type error, not a
 * blank in the page. Data text (titles, descriptions) is never translated.
 */
import type { LikelihoodWord, SourcingStatus } from '../model/types.js';
import { english } from './en.js';
import { hindi } from './hi.js';
import { counting } from './plural.js';

export interface CommonMessages {
  status: Record<SourcingStatus, string>;
  statusMeaning: Record<SourcingStatus, string>;
  likelihood: Record<LikelihoodWord, string>;
  /** "Likely (70 in 100), an editorial judgement". */
  confidence(word: string, value: number | null): string;
  around(date: string): string;
  reportedOn(date: string): string;
  range(start: string, end: string): string;
  /** A range as read aloud: "23 Nov 2022 to 5 Dec 2022" (screen readers drop the dash). */
  rangeSpoken(start: string, end: string): string;
  alsoGiven(date: string): string;
  /** How finely a date is known. */
  precision: Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
  approximate: string;
  recordedAs(text: string): string;
  events(n: number): string;
  timesIn(zone: string): string;
  legendTitle: string;
  details: string;
  close: string;
  date: string;
  statusLabel: string;
  confidenceLabel: string;
  lane: string;
  sources: string;
  noSources: string;
  conflicts: string;
  techniques: string;
  selected: string;
  loading: string;
  errorTitle: string;
  partialErrorTitle(n: number): string;
  /** What readers see when part of the data could not be shown (no paths). */
  someNotShown: string;
  /** Said of a source whose headline was not seen on its page (`titleVerified: false`). */
  titleUnverified: string;
  /** The full stop: "." or "।". */
  stop: string;
  /** Sentences joined with the language's full stop (". " or "। "); empty parts left out. */
  sentences(parts: string[]): string;
  /** The source line of an exported image. */
  sourcesLine(list: string): string;
  /** The live region after a reader's choice: "Selected: 23 Nov 2022, …; details below." */
  selectedAnnouncement(what: string): string;
  /** Read after a link that opens a new tab. */
  newTab: string;
  /** "3 sources". */
  sourceCount(n: number): string;
  /** A long list shown a page at a time: "Events 51–100 of 100,000". */
  pageRange(from: number, to: number, total: number): string;
  /** The buttons that turn its pages: "Previous 50", "Next 50". */
  previousPage(n: number): string;
  nextPage(n: number): string;
  /** How many events have each status, for the description: "12 confirmed on the record". */
  statusCount: Record<SourcingStatus, (n: number) => string>;
  /** The whole incident in two sentences, for screen readers (unless the data gives a `description`). */
  incidentDescription(n: number, start: string, end: string, counts: string[], milestones: string[]): string;
  showTable: string;
  hideTable: string;
  /** The table's column heads. */
  columns: { date: string; event: string; status: string };
}

export interface TimelineMessages {
  /** The timeline's heading inside a story, where the story's heading names the incident. */
  title: string;
  label(title: string): string;
  summary(n: number, start: string, end: string, zone: string): string;
  keyboardHelp: string;
  zoomIn: string;
  zoomOut: string;
  showAll: string;
  /** The button under a story's shortened list of events on a phone. */
  showAllEvents: (n: number) => string;
  /** The toolbar's name. */
  controls: string;
  zoomControls: string;
  /** The group of the Earlier and Later buttons. */
  panControls: string;
  /** Moves the view to earlier times. */
  panEarlier: string;
  /** Moves the view to later times. */
  panLater: string;
  /** The button that plays the events as sound; while playing it reads {@link stopSound}. */
  playSound: string;
  stopSound: string;
  /** Said when the sound starts: what the reader hears, and how to stop it. */
  playing: string;
  /** Said when the sound stops, by the reader or at the end. */
  stopped: string;
  wheelHint: string;
  milestone: string;
  period: string;
  dateUncertain: string;
  conflictingDate: string;
  allEvents: string;
  listLimited(shown: number, total: number): string;
  empty: string;
  binLabel(n: number, start: string, end: string): string;
  /** A bin too dense to open by zooming (its events share one moment): Enter lists them. */
  binListLabel(n: number, start: string, end: string): string;
  /** The heading of that list. */
  binListTitle(n: number, start: string, end: string): string;
}

export interface MapMessages {
  title: string;
  label(title: string): string;
  summary: string;
  keyboardHelp: string;
  role: Record<'target' | 'origin' | 'infrastructure' | 'reference', string>;
  relation: Record<'infrastructure-located-in' | 'actor-originates-from' | 'claimed-responsibility', string>;
  claimBy(assertedBy: string, assertion: string): string;
  /** A claim option's name: "Hong Kong → AIIMS: where infrastructure was traced, Delhi Police". */
  claimName(from: string, to: string, relation: string, by: string): string;
  /** A claim with no place of its own (not drawn): "Attacker's origin, as claimed, by …". */
  claimNameUndrawn(relation: string, by: string): string;
  claims: string;
  /** The button that opens a story's claims list on a phone, and closes it again. */
  showClaims: (n: number) => string;
  hideClaims: string;
  caveats: string;
  withinAbout(km: string): string;
  /** A precision as wide as the Earth (capped at half its circumference): the place says nothing. */
  anywhereOnEarth: string;
  notOnMap: string;
  /** What a map says when the incident names no place. */
  noPlaces: string;
  eventsHere: string;
  claimedIn: string;
  legendArea: string;
  legendTarget: string;
  legendStrength: string;
  credit: string;
  boundaryCredit: string;
}

export interface StoryMessages {
  updated(date: string): string;
  previous: string;
  next: string;
  stepper: string;
  /** "Event 2 of 20:", followed by the event's title. */
  stepPosition(i: number, n: number): string;
  stepStart(n: number): string;
}

export interface Messages {
  common: CommonMessages;
  timeline: TimelineMessages;
  map: MapMessages;
  story: StoryMessages;
}

const catalogues = new Map<string, Messages>();

/**
 * The catalogue for a BCP 47 locale: Hindi for `hi*`, English otherwise, with counts formatted
 * and pluralised for that locale (en-IN and hi-IN group as 1,00,000).
 */
export function messagesFor(locale: string): Messages {
  let m = catalogues.get(locale);
  if (!m) {
    const c = counting(locale);
    m = /^hi\b/i.test(locale) ? hindi(c) : english(c);
    catalogues.set(locale, m);
  }
  return m;
}

/** English and Hindi for India, as most callers and tests want them. */
export const en = messagesFor('en-IN');
export const hi = messagesFor('hi-IN');
