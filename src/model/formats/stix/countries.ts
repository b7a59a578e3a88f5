/**
 * The places STIX names by code or region, and the tactics it names by id: a table of about 30
 * countries often in the news (ISO code, common English names, a rough centre and radius), the
 * rough centres of `region-ov` regions, the reading of a `country` value, and the ATT&CK
 * tactics that name an `attack-action`'s lane.
 */

export interface Country {
  code: string;
  name: string;
  lat: number;
  lon: number;
  /** Rough radius of the country, metres: drawn as a wide area, never a border. */
  radius: number;
  aliases?: string[];
}

const COUNTRIES: Country[] = [
  { code: 'CN', name: 'China', lat: 35.0, lon: 103.0, radius: 1_500_000, aliases: ["people's republic of china", 'prc', 'mainland china'] },
  { code: 'HK', name: 'Hong Kong', lat: 22.35, lon: 114.15, radius: 30_000, aliases: ['hong kong sar', 'hong kong sar, china', 'hongkong'] },
  { code: 'IN', name: 'India', lat: 22.0, lon: 79.0, radius: 1_200_000, aliases: ['republic of india', 'bharat'] },
  { code: 'RU', name: 'Russia', lat: 61.5, lon: 105.0, radius: 2_500_000, aliases: ['russian federation'] },
  { code: 'KP', name: 'North Korea', lat: 40.3, lon: 127.5, radius: 250_000, aliases: ['dprk', "democratic people's republic of korea"] },
  { code: 'KR', name: 'South Korea', lat: 36.5, lon: 127.9, radius: 250_000, aliases: ['republic of korea', 'korea'] },
  { code: 'IR', name: 'Iran', lat: 32.4, lon: 53.7, radius: 900_000, aliases: ['islamic republic of iran'] },
  { code: 'US', name: 'United States', lat: 39.8, lon: -98.6, radius: 2_000_000, aliases: ['usa', 'us', 'u.s.', 'u.s.a.', 'united states of america', 'america'] },
  { code: 'GB', name: 'United Kingdom', lat: 54.0, lon: -2.5, radius: 400_000, aliases: ['uk', 'u.k.', 'great britain', 'britain', 'england'] },
  { code: 'PK', name: 'Pakistan', lat: 30.4, lon: 69.3, radius: 700_000 },
  { code: 'IL', name: 'Israel', lat: 31.4, lon: 35.0, radius: 150_000 },
  { code: 'UA', name: 'Ukraine', lat: 49.0, lon: 31.5, radius: 600_000 },
  { code: 'BY', name: 'Belarus', lat: 53.7, lon: 28.0, radius: 350_000 },
  { code: 'TW', name: 'Taiwan', lat: 23.7, lon: 121.0, radius: 200_000 },
  { code: 'VN', name: 'Vietnam', lat: 16.0, lon: 107.8, radius: 600_000, aliases: ['viet nam'] },
  { code: 'JP', name: 'Japan', lat: 36.2, lon: 138.3, radius: 700_000 },
  { code: 'SG', name: 'Singapore', lat: 1.35, lon: 103.82, radius: 20_000 },
  { code: 'BD', name: 'Bangladesh', lat: 23.7, lon: 90.4, radius: 250_000 },
  { code: 'LK', name: 'Sri Lanka', lat: 7.9, lon: 80.7, radius: 200_000 },
  { code: 'NP', name: 'Nepal', lat: 28.4, lon: 84.1, radius: 300_000 },
  { code: 'AF', name: 'Afghanistan', lat: 33.9, lon: 67.7, radius: 600_000 },
  { code: 'TR', name: 'Turkey', lat: 39.0, lon: 35.2, radius: 700_000, aliases: ['türkiye', 'turkiye'] },
  { code: 'SA', name: 'Saudi Arabia', lat: 23.9, lon: 45.1, radius: 900_000 },
  { code: 'AE', name: 'United Arab Emirates', lat: 23.4, lon: 53.8, radius: 250_000, aliases: ['uae'] },
  { code: 'DE', name: 'Germany', lat: 51.2, lon: 10.4, radius: 400_000 },
  { code: 'FR', name: 'France', lat: 46.6, lon: 2.4, radius: 500_000 },
  { code: 'NL', name: 'Netherlands', lat: 52.2, lon: 5.3, radius: 150_000, aliases: ['the netherlands', 'holland'] },
  { code: 'CA', name: 'Canada', lat: 56.1, lon: -106.3, radius: 2_000_000 },
  { code: 'AU', name: 'Australia', lat: -25.3, lon: 133.8, radius: 1_800_000 },
  { code: 'BR', name: 'Brazil', lat: -14.2, lon: -51.9, radius: 1_800_000 },
];
const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
const COUNTRY_BY_NAME = new Map<string, Country>();
for (const c of COUNTRIES) for (const n of [c.name, ...(c.aliases ?? [])]) COUNTRY_BY_NAME.set(n.toLowerCase(), c);

/** Rough centres of STIX `region-ov` regions, for a location that names only its region. */
export const REGIONS: Record<string, [number, number]> = {
  'southern-asia': [22, 77],
  'eastern-asia': [35, 115],
  'south-eastern-asia': [5, 110],
  'central-asia': [45, 65],
  'western-asia': [30, 45],
  'eastern-europe': [52, 30],
  'western-europe': [48, 5],
  'northern-europe': [60, 15],
  'southern-europe': [42, 14],
  'northern-america': [45, -100],
  'northern-africa': [25, 15],
  'middle-east': [29, 45],
};
export const REGION_RADIUS = 2_000_000;

/** Reads a STIX `country`: an ISO alpha-2 code in any case, or a common English name. */
export function readCountry(value: string): { code?: string; country?: Country } {
  const t = value.trim();
  // "UK" is the common mistake for GB, and reads as a name before it reads as a code.
  const named = COUNTRY_BY_NAME.get(t.toLowerCase().replace(/\s+/g, ' '));
  if (named) return { code: named.code, country: named };
  if (/^[a-z]{2}$/i.test(t)) {
    const code = t.toUpperCase();
    return { code, country: COUNTRY_BY_CODE.get(code) };
  }
  const c = COUNTRY_BY_NAME.get(t.toLowerCase().replace(/\s+/g, ' '));
  return c ? { code: c.code, country: c } : {};
}

/** ATT&CK tactics by id, for attack-action lanes. */
export const TACTICS: Record<string, string> = {
  TA0043: 'Reconnaissance',
  TA0042: 'Resource Development',
  TA0001: 'Initial Access',
  TA0002: 'Execution',
  TA0003: 'Persistence',
  TA0004: 'Privilege Escalation',
  TA0005: 'Defense Evasion',
  TA0006: 'Credential Access',
  TA0007: 'Discovery',
  TA0008: 'Lateral Movement',
  TA0009: 'Collection',
  TA0011: 'Command and Control',
  TA0010: 'Exfiltration',
  TA0040: 'Impact',
};
