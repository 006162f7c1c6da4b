// Trains the NER tagger on NERGrit train ONLY (valid is for measuring) and writes data/ner-model.json.
// Reproducible: fixed seed, fixed epochs, fixed runs. Usage: npx tsx scripts/train-ner.ts [--shared DIR] [--epochs N] [--runs N]
// The model also carries the training dictionary (word and entity-span label counts of the train split).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConll } from '../src/entities/conll.ts';
import { NER_TRAIN_DEFAULTS, trainPerceptron } from '../src/entities/train.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const shared = opt('--shared') ?? process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
const trainFile = path.join(shared, 'eval/ner/nergrit/train_preprocess.txt');
if (!fs.existsSync(trainFile)) {
  console.error(`training data ${trainFile} is absent`);
  process.exit(1);
}
const data = readConll(fs.readFileSync(trainFile, 'utf8'));
const t0 = performance.now();
const model = trainPerceptron(data, {
  ...NER_TRAIN_DEFAULTS,
  ...(opt('--epochs') ? { epochs: Number(opt('--epochs')) } : {}),
  ...(opt('--runs') ? { runs: Number(opt('--runs')) } : {}),
  log: (m) => console.error(m),
});
const json = model.toJSON(0.01, 3);
const out = path.join(repoRoot, 'data/ner-model.json');
fs.writeFileSync(out, JSON.stringify(json));
console.error(
  `trained on ${data.length} sentences in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
    `${Object.keys(json.feats).length} features, ${(fs.statSync(out).size / 1e6).toFixed(2)} MB → ${path.relative(repoRoot, out)}`,
);
