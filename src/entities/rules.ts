// Rule/gazetteer-only tagger: the baseline the learned tagger is measured against (eval/ner.ts).
// Countries and cities → PLACE; an organisation head word with its capitalised tail → ORGANISATION;
// a capitalised run after a title or honorific → PERSON; any other capitalised run not at sentence start → PERSON.
import { matchAt } from './gazetteer.ts';
import { entityData } from './langdata.ts';

const isCap = (w: string) => /^\p{Lu}/u.test(w);

export function ruleTag(tokens: string[], lang = 'id'): string[] {
  const lower = tokens.map((w) => w.toLowerCase());
  const fn = new Set(entityData(lang).functionWords);
  const tags: string[] = tokens.map(() => 'O');
  const put = (type: string, s: number, e: number) => {
    for (let k = s; k < e; k++) tags[k] = (k === s ? 'B-' : 'I-') + type;
  };
  const capRun = (s: number, allowFn: boolean) => {
    let e = s;
    while (e < tokens.length && (isCap(tokens[e]!) || (allowFn && fn.has(lower[e]!) && e + 1 < tokens.length && isCap(tokens[e + 1]!)))) e++;
    return e;
  };
  for (let i = 0; i < tokens.length; ) {
    if (!isCap(tokens[i]!)) {
      i++;
      continue;
    }
    const ctry = matchAt('CTRY', lower, i);
    const city = matchAt('CITY', lower, i);
    const place = Math.max(ctry, city);
    const org = matchAt('ORGH', lower, i);
    const title = Math.max(matchAt('TITLE', lower, i), matchAt('HON', lower, i));
    if (org) {
      const e = capRun(i + org, true);
      if (e > i + org) {
        put('ORGANISATION', i, e);
        i = e;
        continue;
      }
    }
    if (place) {
      put('PLACE', i, i + place);
      i += place;
      continue;
    }
    if (title) {
      const e = capRun(i + title, false);
      if (e > i + title) put('PERSON', i + title, e);
      i = Math.max(e, i + title);
      continue;
    }
    const e = capRun(i, false);
    const none = matchAt('NONE', lower, i) || matchAt('CAL', lower, i);
    if (i > 0 && !none && tokens[i] !== tokens[i]!.toUpperCase()) put('PERSON', i, e);
    i = e;
  }
  return tags;
}
