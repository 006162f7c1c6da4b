// Keyword-only baseline for the event eval: the category of the first lexicon trigger in the sentence,
// with no framing, negation, modality or structure. It shows what the coder's meaning rules add.
import type { PloverType } from './lexicon.ts';
import { eventLexicon } from './lexicons.ts';
import { matchPhrase } from './lexicon.ts';
import { tokens } from './tokens.ts';

export function keywordType(text: string, lang: string): PloverType | null {
  const lex = eventLexicon(lang);
  const toks = tokens(text);
  for (let i = 0; i < toks.length; i++) for (const e of lex.triggers) if (matchPhrase(lex, e.p, toks, i) > i) return e.t;
  return null;
}
