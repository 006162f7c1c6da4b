// Language identification accuracy on a labelled set built from the shared eval data:
// our identifier vs eld alone vs franc alone, per language and text size.
// Run alone: `npx tsx eval/language.ts [sharedDir]`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { eld } from 'eld/medium';
import { franc } from 'franc';
import { identifyLanguage } from '../src/text/language.ts';
import { indonesian, malay } from '../src/text/language.fixtures.ts';

export interface LabelledText {
  lang: string;
  /** `doc` = whole article (or several sentences), `sent` = one sentence. */
  kind: 'doc' | 'sent';
  source: string;
  text: string;
}

// franc answers in ISO 639-3 (with individual codes for macrolanguages); map to ISO 639-1.
const ISO3_TO_1: Record<string, string> = {
  afr: 'af', amh: 'am', arb: 'ar', ara: 'ar', azj: 'az', aze: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', cat: 'ca',
  ces: 'cs', cmn: 'zh', zho: 'zh', dan: 'da', deu: 'de', ell: 'el', eng: 'en', est: 'et', ekk: 'et', eus: 'eu', fin: 'fi',
  fra: 'fr', gle: 'ga', glg: 'gl', guj: 'gu', hau: 'ha', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy', ibo: 'ig',
  ind: 'id', isl: 'is', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kat: 'ka', kaz: 'kk', khm: 'km', kor: 'ko', lao: 'lo',
  lit: 'lt', lvs: 'lv', lav: 'lv', mal: 'ml', mar: 'mr', mkd: 'mk', mya: 'my', nld: 'nl', nob: 'no', nno: 'nn', nor: 'no',
  npi: 'ne', pan: 'pa', pes: 'fa', fas: 'fa', pol: 'pl', por: 'pt', ron: 'ro', rus: 'ru', sin: 'si', slk: 'sk', slv: 'sl',
  som: 'so', spa: 'es', als: 'sq', sqi: 'sq', srp: 'sr', sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta', tel: 'te', tgl: 'tl',
  tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms', zsm: 'ms', msa: 'ms', zul: 'zu',
  xho: 'xh', khk: 'mn', ydd: 'yi', plt: 'mg', kin: 'rw', nya: 'ny', sna: 'sn', tat: 'tt', tuk: 'tk', uig: 'ug', ceb: 'ceb',
};

export function iso6393to1(code: string): string {
  return ISO3_TO_1[code] ?? (code === 'und' ? 'und' : code);
}

const PER_BUCKET = 300;

/** Re-join CoNLL tokens into running text (no space before closing punctuation, none after opening). */
function joinTokens(tokens: string[]): string {
  let out = '';
  let openQuote = false;
  for (const t of tokens) {
    if (out === '') { out = t; if (t === '"') openQuote = true; continue; }
    if (/^[.,;:!?)\]%]$/.test(t) || /^'/.test(t)) out += t;
    else if (t === '"') { out += openQuote ? t : ' ' + t; openQuote = !openQuote; }
    else if (/[([]$/.test(out) || (out.endsWith('"') && openQuote) || out.endsWith('-') && t !== '-') out += t;
    else if (t === '-') out += t;
    else out += ' ' + t;
  }
  return out;
}

function conllSentences(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const sents: string[] = [];
  let cur: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const tok = line.split('\t')[0]?.trim() ?? '';
    if (tok === '') { if (cur.length) sents.push(joinTokens(cur)); cur = []; }
    else cur.push(tok);
  }
  if (cur.length) sents.push(joinTokens(cur));
  return sents;
}

/** Deterministic spread sample: every k-th item so the subset covers the whole file. */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

function chunk(sents: string[], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= sents.length; i += size) out.push(sents.slice(i, i + size).join(' '));
  return out;
}

function listFiles(dir: string, re: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, re));
    else if (re.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** Builds the labelled set; empty when the eval data is absent. `extraction: false` skips the slow HTML pages. */
export function loadLanguageSet(sharedDir: string, opts: { extraction?: boolean } = {}): LabelledText[] {
  const ev = path.join(sharedDir, 'eval');
  const items: LabelledText[] = [];
  const add = (lang: string, kind: 'doc' | 'sent', source: string, texts: string[]) => {
    for (const text of spread(texts.filter((t) => t.trim().length >= 20), PER_BUCKET)) items.push({ lang, kind, source, text });
  };

  // Indonesian: NER corpora (sentences, and runs of 8 sentences as documents) and IndoTimex articles.
  const idSents = [
    ...conllSentences(path.join(ev, 'ner/nergrit/valid_preprocess.txt')),
    ...conllSentences(path.join(ev, 'ner/nergrit/train_preprocess.txt')),
    ...conllSentences(path.join(ev, 'ner/indolem/nerugm.txt')),
    ...conllSentences(path.join(ev, 'ner/indolem/nergithub.txt')),
  ];
  add('id', 'sent', 'ner', idSents);
  const timex = listFiles(path.join(ev, 'time/indotimex-dev'), /\.tml$/).map((f) => {
    const xml = fs.readFileSync(f, 'utf8');
    const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
    return body.replace(/<[^>]+>/g, '').trim();
  });
  add('id', 'doc', 'indotimex+ner', [...timex, ...chunk(idSents, 8)]);

  // Vietnamese: MDS article bodies and their sentences.
  const viDocs = listFiles(path.join(ev, 'clusters/vietnamese-mds-dev'), /^\d+\.body\.txt$/).map((f) => fs.readFileSync(f, 'utf8').trim());
  add('vi', 'doc', 'vietnamese-mds', viDocs);
  add('vi', 'sent', 'vietnamese-mds', viDocs.flatMap((d) => d.split(/(?<=[.!?])\s+(?=\p{Lu})/u)));

  // English: PLOVER sentences; other languages: main-text snippets of extraction pages, labelled by <html lang>.
  const ploverFile = path.join(ev, 'events/PLOVER_GSR_dev.json');
  if (fs.existsSync(ploverFile)) {
    const plover = JSON.parse(fs.readFileSync(ploverFile, 'utf8')) as Array<{ text: string }>;
    add('en', 'sent', 'plover', plover.map((r) => r.text));
    add('en', 'doc', 'plover', chunk(plover.map((r) => r.text), 6));
  }
  const evalJson = path.join(ev, 'extraction/evaldata.json');
  if (opts.extraction !== false && fs.existsSync(evalJson)) {
    const pages = JSON.parse(fs.readFileSync(evalJson, 'utf8')) as Record<string, { file: string; with?: string[] }>;
    const byLang = new Map<string, string[]>();
    for (const page of Object.values(pages)) {
      const file = path.join(ev, 'extraction/html', page.file + '.gz');
      if (!fs.existsSync(file) || !page.with?.length) continue;
      const head = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8', 0, 4000);
      const lang = /<html[^>]*\slang=["']?([a-zA-Z]{2})\b/i.exec(head)?.[1]?.toLowerCase();
      if (!lang) continue;
      const text = page.with.join(' ');
      if (text.length < 60) continue;
      byLang.set(lang, [...(byLang.get(lang) ?? []), text]);
    }
    for (const [lang, texts] of byLang) if (texts.length >= 5) add(lang, 'doc', 'extraction-declared', texts);
  }
  // Malay has no public eval data here: hand-written sentences (tiny, so indicative only), with their Indonesian twins.
  for (const text of malay) items.push({ lang: 'ms', kind: 'sent', source: 'own-fixtures', text });
  for (const text of indonesian) items.push({ lang: 'id', kind: 'sent', source: 'own-fixtures', text });
  return items;
}

type Detector = (text: string) => string;

const detectors: Record<string, Detector> = {
  kabar: (t) => identifyLanguage(t).lang,
  eld: (t) => eld.detect(t).language || 'und',
  franc: (t) => iso6393to1(franc(t, { minLength: 10 })),
};

/** Accuracy where Indonesian and Malay count as one: how good each library is as the base detector. */
const sameFamily = (a: string, b: string) => a === b || (['id', 'ms'].includes(a) && ['id', 'ms'].includes(b));

/** Accuracy per language and text kind for our identifier, eld alone and franc alone. */
export async function evalLanguage(sharedDir: string): Promise<Array<Record<string, string | number>>> {
  const items = loadLanguageSet(sharedDir);
  const rows: Array<Record<string, string | number>> = [];
  const buckets = new Map<string, LabelledText[]>();
  for (const it of items) {
    const key = `${it.lang}/${it.kind}/${it.source}`;
    buckets.set(key, [...(buckets.get(key) ?? []), it]);
  }
  const total: Record<string, number> = {};
  for (const [key, list] of [...buckets].sort()) {
    const [lang, kind, source] = key.split('/') as [string, string, string];
    const row: Record<string, string | number> = { lang, kind, source, n: list.length };
    for (const [name, detect] of Object.entries(detectors)) {
      const answers = list.map((it) => detect(it.text));
      const correct = answers.filter((a) => a === lang).length;
      row[name] = +(correct / list.length).toFixed(3);
      total[name] = (total[name] ?? 0) + correct;
      if (name !== 'kabar') {
        const fam = answers.filter((a) => sameFamily(a, lang)).length;
        row[name + '(id=ms)'] = +(fam / list.length).toFixed(3);
        total[name + '(id=ms)'] = (total[name + '(id=ms)'] ?? 0) + fam;
      }
    }
    rows.push(row);
  }
  const all: Record<string, string | number> = { lang: 'ALL', kind: '', source: '', n: items.length };
  for (const name of Object.keys(total)) all[name] = +((total[name] ?? 0) / Math.max(1, items.length)).toFixed(3);
  rows.push(all);
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.argv[2] ?? path.resolve(repoRoot, '../shared');
  if (!fs.existsSync(path.join(shared, 'eval'))) {
    console.log(`eval data not found under ${shared}; nothing to evaluate`);
  } else {
    void evalLanguage(shared).then((rows) => console.table(rows));
  }
}
