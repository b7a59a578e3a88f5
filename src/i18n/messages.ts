import type { LikelihoodWord, SourcingStatus } from '../model/types.js';

/**
 * UI strings. Every locale implements the whole interface, so a missing key is a type
 * error, not a blank in the page. Data text (titles, descriptions) is never translated.
 */
export interface Messages {
  status: Record<SourcingStatus, string>;
  statusMeaning: Record<SourcingStatus, string>;
  likelihood: Record<LikelihoodWord, string>;
  /** "Likely (70 in 100), an editorial judgement". */
  confidence(word: string, value: number | null): string;
  around(date: string): string;
  reportedOn(date: string): string;
  range(start: string, end: string): string;
  alsoGiven(date: string): string;
  /** How finely a date is known. */
  precision: Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
  approximate: string;
  recordedAs(text: string): string;
  events(n: number): string;
  chartLabel(title: string): string;
  summary(n: number, start: string, end: string, zone: string): string;
  timesIn(zone: string): string;
  keyboardHelp: string;
  zoomIn: string;
  zoomOut: string;
  showAll: string;
  zoomControls: string;
  wheelHint: string;
  legendTitle: string;
  milestone: string;
  range_: string;
  dateUncertain: string;
  conflictingDate: string;
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
  allEvents: string;
  listLimited(shown: number, total: number): string;
  loading: string;
  empty: string;
  errorTitle: string;
  partialErrorTitle(n: number): string;
  binLabel(n: number, start: string, end: string): string;
  selected: string;
  // Map
  mapTitle: string;
  mapLabel(title: string): string;
  mapSummary: string;
  mapKeyboardHelp: string;
  role: Record<'target' | 'origin' | 'infrastructure' | 'reference', string>;
  relation: Record<'infrastructure-located-in' | 'actor-originates-from' | 'claimed-responsibility', string>;
  claimBy(assertedBy: string, assertion: string): string;
  claims: string;
  caveats: string;
  withinAbout(km: string): string;
  notOnMap: string;
  eventsHere: string;
  claimedIn: string;
  legendArea: string;
  legendTarget: string;
  legendStrength: string;
  credit: string;
  boundaryCredit: string;
  // Story
  updated(date: string): string;
  previous: string;
  next: string;
  stepper: string;
  /** "Event 2 of 20:", followed by the event's title. */
  stepPosition(i: number, n: number): string;
  stepStart(n: number): string;
}

const enPlural = new Intl.PluralRules('en');

/** Formats a count for the reader's locale: Indian grouping (1,00,000) for en-IN and hi-IN. */
type Num = (n: number) => string;

const english = (num: Num): Messages => ({
  status: {
    confirmed: 'Confirmed on the record',
    reported: 'Reported',
    'single-source': 'Single source',
    disputed: 'Disputed',
    denied: 'Denied',
  },
  statusMeaning: {
    confirmed: 'said on the record by an official body',
    reported: 'reported by media citing unnamed sources',
    'single-source': 'reported by one outlet only',
    disputed: 'credible sources disagree',
    denied: 'denied by an official body',
  },
  likelihood: {
    'almost-no-chance': 'almost no chance',
    'very-unlikely': 'very unlikely',
    unlikely: 'unlikely',
    'roughly-even-chance': 'roughly even chance',
    likely: 'likely',
    'very-likely': 'very likely',
    'almost-certain': 'almost certain',
  },
  confidence: (word, value) => `${word.charAt(0).toUpperCase()}${word.slice(1)}${value === null ? '' : ` (${value} in 100)`}, an editorial judgement`,
  around: (d) => `around ${d}`,
  reportedOn: (d) => `reported ${d}`,
  range: (a, b) => `${a} – ${b}`,
  alsoGiven: (d) => `also given as ${d}`,
  precision: {
    year: 'known to the year',
    month: 'known to the month',
    day: 'known to the day',
    hour: 'known to the hour',
    minute: 'known to the minute',
    second: 'known to the second',
  },
  approximate: 'approximate',
  recordedAs: (t) => `recorded as ${t}`,
  events: (n) => `${num(n)} ${enPlural.select(n) === 'one' ? 'event' : 'events'}`,
  chartLabel: (t) => `Timeline: ${t}`,
  summary: (n, a, b, z) => `${num(n)} ${enPlural.select(n) === 'one' ? 'event' : 'events'} from ${a} to ${b}. Times in ${z}.`,
  timesIn: (z) => `Times in ${z}`,
  keyboardHelp: 'Arrow keys move between events in time order; Home and End go to the first and last; Enter opens details; Escape closes them.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  showAll: 'Show all',
  zoomControls: 'Zoom',
  wheelHint: 'Hold Ctrl and scroll to zoom',
  legendTitle: 'How to read it',
  milestone: 'Milestone',
  range_: 'Period',
  dateUncertain: 'Date known only to the day or month',
  conflictingDate: 'Another source gives another date',
  details: 'Details',
  close: 'Close details',
  date: 'Date',
  statusLabel: 'Status',
  confidenceLabel: 'Likelihood',
  lane: 'Category',
  sources: 'Sources',
  noSources: 'No source cited',
  conflicts: 'Conflicting accounts',
  techniques: 'ATT&CK techniques',
  allEvents: 'All events in order',
  listLimited: (shown, total) => `Listing ${num(shown)} of ${num(total)} events: those in view. Zoom or pan to list others.`,
  loading: 'Loading the timeline…',
  empty: 'This incident has no events yet.',
  errorTitle: 'The timeline could not be shown',
  partialErrorTitle: (n) => `${num(n)} ${enPlural.select(n) === 'one' ? 'item' : 'items'} in the data could not be shown`,
  binLabel: (n, a, b) => `${num(n)} ${enPlural.select(n) === 'one' ? 'event' : 'events'} from ${a} to ${b}. Press Enter to zoom in.`,
  selected: 'selected',
  mapTitle: 'Where it was said to come from',
  mapLabel: (t) => `Map of claims: ${t}`,
  mapSummary: 'Places named in the reporting. Shaded areas show how precisely each place is known; lines are claims, drawn by how they are sourced.',
  mapKeyboardHelp: 'Arrow keys move between places and claims; Enter shows details; Escape clears them.',
  role: { target: 'Target', origin: 'Said origin', infrastructure: 'Infrastructure', reference: 'Reference point' },
  relation: {
    'infrastructure-located-in': 'Where infrastructure was traced',
    'actor-originates-from': "Attacker's origin, as claimed",
    'claimed-responsibility': 'Claim of responsibility',
  },
  claimBy: (who, what) => `${who}: “${what}”`,
  claims: 'Claims',
  caveats: 'Caveats',
  withinAbout: (km) => `Located only to within about ${km} km`,
  notOnMap: 'not on the map',
  eventsHere: 'Events naming this place',
  claimedIn: 'Reported in',
  legendArea: 'Shaded area: a place as precisely as it is known, not a pin',
  legendTarget: 'Target',
  legendStrength: 'Fainter line: less likely',
  credit: 'Land: Natural Earth. No international boundaries are drawn.',
  boundaryCredit: 'Boundaries supplied by the publisher.',
  updated: (d) => `Updated ${d}`,
  previous: 'Previous event',
  next: 'Next event',
  stepper: 'Step through the events',
  stepPosition: (i, n) => `Event ${num(i)} of ${num(n)}:`,
  stepStart: (n) => `${num(n)} events. Step through them with Next.`,
});

const hindi = (num: Num): Messages => ({
  status: {
    confirmed: 'रिकॉर्ड पर पुष्टि',
    reported: 'रिपोर्ट',
    'single-source': 'केवल एक स्रोत',
    disputed: 'विवादित',
    denied: 'खंडन',
  },
  statusMeaning: {
    confirmed: 'किसी आधिकारिक संस्था ने रिकॉर्ड पर कहा',
    reported: 'मीडिया ने अनाम स्रोतों के हवाले से बताया',
    'single-source': 'केवल एक समाचार संस्थान ने बताया',
    disputed: 'विश्वसनीय स्रोतों में मतभेद है',
    denied: 'किसी आधिकारिक संस्था ने खंडन किया',
  },
  likelihood: {
    'almost-no-chance': 'लगभग कोई संभावना नहीं',
    'very-unlikely': 'बहुत कम संभावना',
    unlikely: 'कम संभावना',
    'roughly-even-chance': 'लगभग बराबर संभावना',
    likely: 'संभावना है',
    'very-likely': 'प्रबल संभावना',
    'almost-certain': 'लगभग निश्चित',
  },
  confidence: (word, value) => `${word}${value === null ? '' : ` (100 में ${value})`}, संपादकीय आकलन`,
  around: (d) => `लगभग ${d}`,
  reportedOn: (d) => `${d} को रिपोर्ट हुआ`,
  range: (a, b) => `${a} – ${b}`,
  alsoGiven: (d) => `${d} भी बताया गया`,
  precision: {
    year: 'केवल वर्ष ज्ञात',
    month: 'केवल महीना ज्ञात',
    day: 'केवल दिन ज्ञात',
    hour: 'घंटे तक ज्ञात',
    minute: 'मिनट तक ज्ञात',
    second: 'सेकंड तक ज्ञात',
  },
  approximate: 'अनुमानित',
  recordedAs: (t) => `दर्ज: ${t}`,
  events: (n) => (n === 1 ? `${num(1)} घटना` : `${num(n)} घटनाएँ`),
  chartLabel: (t) => `समयरेखा: ${t}`,
  summary: (n, a, b, z) => `${a} से ${b} तक ${n === 1 ? `${num(1)} घटना` : `${num(n)} घटनाएँ`}। समय ${z} में।`,
  timesIn: (z) => `समय ${z} में`,
  keyboardHelp: 'तीर कुंजियों से घटनाओं में समय के क्रम से आगे-पीछे जाएँ; Home और End से पहली और आख़िरी घटना पर; Enter से विवरण खोलें; Escape से बंद करें।',
  zoomIn: 'ज़ूम इन',
  zoomOut: 'ज़ूम आउट',
  showAll: 'पूरा देखें',
  zoomControls: 'ज़ूम',
  wheelHint: 'ज़ूम करने के लिए Ctrl दबाकर स्क्रॉल करें',
  legendTitle: 'कैसे पढ़ें',
  milestone: 'मुख्य पड़ाव',
  range_: 'अवधि',
  dateUncertain: 'तारीख़ केवल दिन या महीने तक ज्ञात',
  conflictingDate: 'किसी अन्य स्रोत में अलग तारीख़',
  details: 'विवरण',
  close: 'विवरण बंद करें',
  date: 'तारीख़',
  statusLabel: 'स्थिति',
  confidenceLabel: 'संभावना',
  lane: 'श्रेणी',
  sources: 'स्रोत',
  noSources: 'कोई स्रोत नहीं दिया गया',
  conflicts: 'परस्पर विरोधी विवरण',
  techniques: 'ATT&CK तकनीकें',
  allEvents: 'सभी घटनाएँ क्रम से',
  listLimited: (shown, total) => `${num(total)} में से ${num(shown)} घटनाएँ दिखाई गई हैं: जो दृश्य में हैं। बाक़ी के लिए ज़ूम करें या खिसकाएँ।`,
  loading: 'समयरेखा लोड हो रही है…',
  empty: 'इस घटना में अभी कोई प्रविष्टि नहीं है।',
  errorTitle: 'समयरेखा नहीं दिखाई जा सकी',
  partialErrorTitle: (n) => `डेटा की ${num(n)} प्रविष्टियाँ नहीं दिखाई जा सकीं`,
  binLabel: (n, a, b) => `${a} से ${b} तक ${n === 1 ? `${num(1)} घटना` : `${num(n)} घटनाएँ`}। ज़ूम करने के लिए Enter दबाएँ।`,
  selected: 'चुना गया',
  mapTitle: 'यह कहाँ से आया बताया गया',
  mapLabel: (t) => `दावों का नक्शा: ${t}`,
  mapSummary: 'रिपोर्टों में नामित स्थान। छायांकित क्षेत्र दिखाते हैं कि कोई स्थान कितनी सटीकता से ज्ञात है; रेखाएँ दावे हैं, जिन्हें उनके स्रोत के अनुसार बनाया गया है।',
  mapKeyboardHelp: 'तीर कुंजियों से स्थानों और दावों के बीच जाएँ; Enter से विवरण देखें; Escape से हटाएँ।',
  role: { target: 'निशाना', origin: 'बताया गया मूल स्थान', infrastructure: 'इन्फ्रास्ट्रक्चर', reference: 'संदर्भ बिंदु' },
  relation: {
    'infrastructure-located-in': 'इन्फ्रास्ट्रक्चर कहाँ पाया गया',
    'actor-originates-from': 'हमलावर का मूल स्थान, दावे के अनुसार',
    'claimed-responsibility': 'ज़िम्मेदारी का दावा',
  },
  claimBy: (who, what) => `${who}: “${what}”`,
  claims: 'दावे',
  caveats: 'सावधानियाँ',
  withinAbout: (km) => `केवल लगभग ${km} किमी के भीतर ज्ञात`,
  notOnMap: 'नक्शे पर नहीं',
  eventsHere: 'इस स्थान का नाम लेने वाली घटनाएँ',
  claimedIn: 'रिपोर्ट हुआ',
  legendArea: 'छायांकित क्षेत्र: स्थान उतनी ही सटीकता से जितना ज्ञात है, पिन नहीं',
  legendTarget: 'निशाना',
  legendStrength: 'हल्की रेखा: कम संभावना',
  credit: 'भूमि: Natural Earth. कोई अंतरराष्ट्रीय सीमा नहीं दिखाई गई है।',
  boundaryCredit: 'सीमाएँ प्रकाशक द्वारा दी गई हैं।',
  updated: (d) => `अपडेट: ${d}`,
  previous: 'पिछली घटना',
  next: 'अगली घटना',
  stepper: 'घटनाओं को क्रम से देखें',
  stepPosition: (i, n) => `${num(n)} में से घटना ${num(i)}:`,
  stepStart: (n) => `${num(n)} घटनाएँ। क्रम से देखने के लिए “अगली घटना” दबाएँ।`,
});

const catalogues = new Map<string, Messages>();

/**
 * The catalogue for a BCP 47 locale: Hindi for `hi*`, English otherwise, with counts formatted
 * for that locale (en-IN and hi-IN group as 1,00,000).
 */
export function messagesFor(locale: string): Messages {
  let m = catalogues.get(locale);
  if (!m) {
    const format = new Intl.NumberFormat(locale);
    const num: Num = (n) => format.format(n);
    m = /^hi\b/i.test(locale) ? hindi(num) : english(num);
    catalogues.set(locale, m);
  }
  return m;
}

/** English and Hindi for India, as most callers and tests want them. */
export const en = messagesFor('en-IN');
export const hi = messagesFor('hi-IN');
