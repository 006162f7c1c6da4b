// The reader's interface languages. Structured facts (event types, modes, modalities, agreement kinds
// and fields, claim statuses, dates) are shown in the interface language whatever the sources' language;
// text quoted from articles is never translated. Unknown codes fall back to the code itself, so a new
// PLOVER type or agreement kind shows up readable rather than missing.

// The dictionaries live with the other language data, in src/lang/<code>/ui.ts.
import { ui as en, type UiDict } from '../lang/en/ui.ts';
import { ui as id } from '../lang/id/ui.ts';

export type UiLang = 'en' | 'id';
export const UI_LANGS: readonly UiLang[] = ['en', 'id'];
export const LANG_COOKIE = 'kabar_lang';

export type Dict = UiDict;

const DICTS: Record<UiLang, Dict> = { en, id };

export function dict(lang: UiLang): Dict {
  return DICTS[lang];
}

export function isUiLang(v: unknown): v is UiLang {
  return typeof v === 'string' && (UI_LANGS as readonly string[]).includes(v);
}

/** The interface language: the cookie when set, else the browser's first supported Accept-Language, else English. */
export function pickLang(cookie: string | undefined, acceptLanguage: string | undefined): UiLang {
  if (isUiLang(cookie)) return cookie;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().split(/[;-]/)[0]!.toLowerCase();
    if (isUiLang(code)) return code;
    if (code === 'ms') return 'id'; // Malay readers read Indonesian more easily than English, usually
  }
  return 'en';
}

/** A claim's attribute in words: "people.dead" → "people: dead", "amount.USD" → "amount (USD)". */
export function claimFieldLabel(t: Dict, attr: string): string {
  if (t.claimFields[attr]) return t.claimFields[attr]!;
  const [head, rest] = [attr.split('.')[0]!, attr.split('.').slice(1).join('.')];
  if (head === 'people' && rest) return `${t.claimFields.people}: ${t.peopleStates[rest] ?? rest}`;
  if (head === 'amount' && rest) return `${t.claimFields.amount} (${rest})`;
  return attr;
}

/** A label from one of the dictionaries' tables, or the code as given when the table lacks it. */
export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return table[code] ?? code;
}

/**
 * A TIMEX3-style value (2025-10-11, 2025-10, 2025, 2025-10-11T09:30...) written in the interface language:
 * "11 October 2025" / "11 Oktober 2025". Anything else is shown as given.
 */
export function formatDate(value: string | null | undefined, lang: UiLang): string {
  if (!value) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const d = dict(lang);
  const month = m[2] ? d.months[Number(m[2]) - 1] : undefined;
  if (m[2] && !month) return value;
  const day = m[3] ? String(Number(m[3])) : '';
  return [day, month, m[1]].filter(Boolean).join(' ');
}

/** A date interval in the interface language; one date when both ends are the same. */
export function formatRange(start: string | null | undefined, end: string | null | undefined, lang: UiLang): string {
  const a = formatDate(start, lang);
  const b = formatDate(end, lang);
  if (!a) return b;
  if (!b || a === b) return a;
  return `${a} – ${b}`;
}
