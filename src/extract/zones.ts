// A page's approximate UTC offset from the region it declares (lang="en-US", og:locale fr_CA,
// content-language) or, failing that, its country-code domain. Used only to read the local day of a
// timestamp stated in UTC: "2020-05-02T02:54Z" on a US page is the evening of 1 May there.
// One standard-time offset per country (its most populous zone); daylight saving is ignored, which
// moves the day only for stamps within an hour of local midnight.

/** ISO 3166 country → hours east of UTC. Countries within an hour of UTC are left out (no day shifts worth guessing). */
const COUNTRY_OFFSET: Readonly<Record<string, number>> = {
  // Americas
  us: -5, ca: -5, mx: -6, gt: -6, sv: -6, hn: -6, ni: -6, cr: -6, pa: -5, cu: -5, jm: -5, ht: -5, do: -4, pr: -4,
  co: -5, pe: -5, ec: -5, ve: -4, bo: -4, cl: -4, py: -4, ar: -3, uy: -3, br: -3, tt: -4,
  // Europe beyond UTC±1
  gr: 2, fi: 2, ee: 2, lv: 2, lt: 2, ro: 2, bg: 2, ua: 2, md: 2, cy: 2, by: 3, ru: 3, tr: 3,
  // Africa and the Middle East
  eg: 2, ly: 2, sd: 2, za: 2, zw: 2, zm: 2, mz: 2, bw: 2, rw: 2, il: 2, ps: 2, lb: 2, jo: 2, sy: 2,
  ke: 3, et: 3, tz: 3, ug: 3, so: 3, iq: 3, sa: 3, kw: 3, qa: 3, bh: 3, ye: 3, ir: 3.5,
  ae: 4, om: 4, az: 4, ge: 4, am: 4, mu: 4, af: 4.5,
  // Asia and Oceania
  pk: 5, uz: 5, tj: 5, mv: 5, in: 5.5, lk: 5.5, np: 5.75, bd: 6, kz: 6, kg: 6, bt: 6, mm: 6.5,
  th: 7, vn: 7, kh: 7, la: 7, id: 7, cn: 8, hk: 8, mo: 8, tw: 8, sg: 8, my: 8, ph: 8, bn: 8, mn: 8,
  jp: 9, kr: 9, kp: 9, tl: 9, au: 10, pg: 10, nz: 12, fj: 12,
  // Within an hour of UTC, listed so a region tag there does not fall through to the domain.
  gb: 0, uk: 0, ie: 0, pt: 0, is: 0, ma: 0, sn: 0, gh: 0, ng: 1, de: 1, fr: 1, es: 1, it: 1, nl: 1, be: 1,
  ch: 1, at: 1, pl: 1, cz: 1, sk: 1, hu: 1, se: 1, no: 1, dk: 1, hr: 1, si: 1, rs: 1, ba: 1, al: 1,
  mk: 1, me: 1, lu: 1, dz: 1, tn: 1, cm: 1, ao: 1, cd: 1,
};

/** Country-code domains sold worldwide as generic names (.co, .tv, .fm…): they say nothing of place. */
const GENERIC_CCTLD = new Set(['co', 'tv', 'fm', 'me', 'ly', 'io', 'ai', 'to', 'ws', 'cc', 'am', 'la', 'md', 'so', 'tk', 'ag', 'gg', 'sh', 'ac', 'vc']);

/** Locales that name no country: Facebook's generic Arabic "ar_AR" (AR is Argentina) and Latin-American Spanish "es_LA" (LA is Laos). */
const PSEUDO_LOCALES = new Set(['ar-ar', 'es-la']);

/** Region subtag of a language tag: "en-US", "fr_CA", "zh-Hant-TW" → "us", "ca", "tw". */
function regionOf(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  if (PSEUDO_LOCALES.has(parts.join('-'))) return null;
  for (const p of parts.slice(1)) if (/^[a-z]{2}$/.test(p)) return p;
  return null;
}

/**
 * Hours east of UTC for a page, or null when nothing says where it is. The region the page
 * declares first (it names the audience the day was written for), then its country-code domain.
 * Measured on both eval sets: domain-first lost a page (an "en-US" video page on a .com.au host
 * dated by the US day) and gained none.
 */
export function pageOffset(langTags: ReadonlyArray<string | null | undefined>, host: string | null): number | null {
  for (const t of langTags) {
    const r = regionOf(t);
    if (r && r in COUNTRY_OFFSET) return COUNTRY_OFFSET[r]!;
  }
  const tld = host ? /\.([a-z]{2})$/i.exec(host)?.[1]?.toLowerCase() : undefined;
  if (tld && tld in COUNTRY_OFFSET && !GENERIC_CCTLD.has(tld)) return COUNTRY_OFFSET[tld]!;
  return null;
}

/**
 * The local YYYY-MM-DD of a UTC timestamp ("…T02:54:29Z", "+00:00") at `offsetHours`; null when
 * `value` is not a full UTC timestamp.
 */
export function localDayOfUtc(value: string, offsetHours: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::\d{1,2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)$/i.exec(value.trim());
  // "T00:00:00Z" is a bare date padded with midnight, not an instant: its day stands as written.
  if (!m || (+m[4]! === 0 && +m[5]! === 0)) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(t)) return null;
  return new Date(t + offsetHours * 3600000).toISOString().slice(0, 10);
}
