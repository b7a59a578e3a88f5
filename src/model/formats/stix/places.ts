/**
 * The STIX reader's places phase: each `location` becomes a place, named by its name, city,
 * country or region, and placed by its latitude and longitude, else the rough centre of its
 * country or region (never a border). A location of ours keeps the place as it was.
 */
import { clip } from '../../dates.js';
import type { Place } from '../../types.js';
import { type Issues, slug, uniqueIds } from '../issues.js';
import { describe, isObject, isText, type Item, nameOf, type Obj } from './common.js';
import type { ReadContext } from './context.js';
import { type Country, readCountry, REGION_RADIUS, REGIONS } from './countries.js';

/** A location's country: a known code and country, or text kept as written. */
interface CountryOf {
  code?: string;
  country?: Country;
  countryText?: string;
}

function countryOf(issues: Issues, it: Item): CountryOf {
  const o = it.o;
  if (isText(o.country)) {
    const { code, country } = readCountry(o.country);
    if (code) return { code, country };
    if (!it.x) issues.warn(`${it.at}.country`, `"${clip(o.country)}" is not an ISO 3166-1 alpha-2 code nor a country name this reader knows; kept as written, with no position`);
    return { code, country, countryText: o.country.trim() };
  }
  if (o.country !== undefined) issues.warn(`${it.at}.country`, `must be text, not ${describe(o.country)}; ignored`);
  return {};
}

/** The place's position: the location's own, else its country's or region's rough centre. */
function position(issues: Issues, it: Item, place: Place, { code, country, countryText }: CountryOf, region: string | undefined): void {
  const o = it.o;
  const lat = o.latitude;
  const lon = o.longitude;
  const hasPoint = typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if ((lat !== undefined || lon !== undefined) && !hasPoint) issues.warn(it.at, 'latitude and longitude must both be numbers in range; the position is ignored');
  if (hasPoint) {
    place.lat = lat;
    place.lon = lon;
    if (typeof o.precision === 'number' && Number.isFinite(o.precision) && o.precision >= 0) place.precisionMeters = o.precision;
    else if (o.precision !== undefined) issues.warn(`${it.at}.precision`, `${describe(o.precision)} is not a distance in metres; ignored`);
  } else if (country) {
    place.lat = country.lat;
    place.lon = country.lon;
    place.precisionMeters = country.radius;
  } else if (region && REGIONS[region] && !code && !countryText) {
    [place.lat, place.lon] = REGIONS[region];
    place.precisionMeters = REGION_RADIUS;
  } else if (code && !it.x) {
    issues.warn(
      `${it.at}.country`,
      `"${code}" has no position this reader knows (it has rough centres for about 30 countries often in the news); add latitude, longitude and precision to draw it. It is listed, not drawn on the map`,
    );
  }
}

/** A location as a place, its id not yet given. */
function locationPlace(issues: Issues, it: Item): Place {
  const o = it.o;
  const where = countryOf(issues, it);
  const { code, country, countryText } = where;
  const region = isText(o.region) ? o.region.trim().toLowerCase() : undefined;
  const name =
    nameOf(o) ||
    [o.city, o.administrative_area].filter(isText).join(', ') ||
    country?.name ||
    countryText ||
    code ||
    (region ? region.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) : undefined) ||
    'Unnamed location';
  const place: Place = { id: '', name };
  position(issues, it, place, where, region);
  if (code) place.country = code;
  else if (countryText) place.country = countryText;
  return place;
}

/** A bundle we wrote keeps the place as it was. */
function keepOurs(place: Place, x: Obj): void {
  for (const k of ['lat', 'lon', 'precisionMeters', 'country'] as const) delete place[k];
  place.name = x.name as string;
  for (const k of ['lat', 'lon', 'precisionMeters'] as const) if (typeof x[k] === 'number') place[k] = x[k];
  if (isText(x.country)) place.country = x.country;
  if (isObject(x.shape)) place.shape = x.shape as unknown as Place['shape'];
  if (isText(x.role)) place.role = x.role;
}

/** Fills in the places, one for each location, in bundle order. */
export function readPlaces(ctx: ReadContext): void {
  const placeId = uniqueIds();
  for (const it of ctx.items) {
    if (it.type !== 'location') continue;
    const x = it.x;
    const place = locationPlace(ctx.issues, it);
    if (x && isText(x.name)) {
      keepOurs(place, x);
      ctx.fixedRole.add(place);
    }
    place.id = placeId(isText(x?.id) ? x.id : slug(place.name, 'place'));
    ctx.places.push(place);
    ctx.placeOrigins.push(it.at);
    ctx.placeByStix.set(it.id, place);
    ctx.placeRoles.set(place, new Set());
  }
}
