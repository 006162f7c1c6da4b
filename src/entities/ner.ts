// The NER tagger: BIO tags PERSON / PLACE / ORGANISATION (the NERGrit label set) for token sequences,
// with the perceptron weights shipped in data/ner-model.json (trained by scripts/train-ner.ts).
import fs from 'node:fs';
import path from 'node:path';
import { sentenceFeatures } from './features.ts';
import { Perceptron, TAGS, type SerializedModel } from './perceptron.ts';
import { readConll } from './conll.ts';
import { dataDir } from './normalise.ts';

export const NER_MODEL_PATH = path.join(dataDir, 'ner-model.json');
/** Longest token window tagged in one Viterbi pass; longer sentences are tagged in overlapping windows. */
export const MAX_WINDOW = 120;

let model: Perceptron | null = null;

export function nerModel(): Perceptron {
  if (!model) model = Perceptron.fromJSON(JSON.parse(fs.readFileSync(NER_MODEL_PATH, 'utf8')) as SerializedModel);
  return model;
}

/** Use another model (tests, k-fold evaluation); `null` restores the shipped one. */
export function setNerModel(m: Perceptron | null): void {
  model = m;
}

function tagWindow(m: Perceptron, tokens: string[]): string[] {
  return m.decode(sentenceFeatures(tokens, m.common, m.dict)).map((i) => TAGS[i]!);
}

/** BIO tags for one sentence's tokens. */
export function tagTokens(tokens: string[], m: Perceptron = nerModel()): string[] {
  if (tokens.length <= MAX_WINDOW) return tagWindow(m, tokens);
  // long runs (a paragraph with no sentence breaks): windows overlapping by a margin; each keeps its middle
  const margin = 10;
  const out: string[] = new Array(tokens.length).fill('O');
  for (let s = 0; s < tokens.length; s += MAX_WINDOW - 2 * margin) {
    const from = Math.max(0, s - margin);
    const to = Math.min(tokens.length, s + MAX_WINDOW - margin);
    const tags = tagWindow(m, tokens.slice(from, to));
    for (let i = s; i < Math.min(to, s + MAX_WINDOW - 2 * margin); i++) out[i] = tags[i - from]!;
    if (to >= tokens.length) break;
  }
  // repair BIO at window seams
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (t.startsWith('I-') && (i === 0 || out[i - 1]!.slice(2) !== t.slice(2))) out[i] = 'B-' + t.slice(2);
  }
  return out;
}

/** `kabar ner --conll FILE`: token-per-line input (optional TAB gold tag; blank line between sentences)
 * → `token TAB tag` in the same layout. */
export function runNerConll(input: string): string {
  const sents = readConll(input);
  return (
    sents
      .map((s) => {
        const tags = tagTokens(s.tokens);
        return s.tokens.map((tok, i) => `${tok}\t${tags[i]}`).join('\n');
      })
      .join('\n\n') + (sents.length ? '\n' : '')
  );
}
