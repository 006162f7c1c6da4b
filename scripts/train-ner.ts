// Trains the NER tagger and writes data/ner-model.json. Training data: NERGrit train (the main corpus) plus, as
// auxiliary corpora, the two IndoLEM NER sets (indolem/nerugm.txt, indolem/nergithub.txt; LOCATION → PLACE,
// ORGANIZATION → ORGANISATION, QUANTITY / TIME → O) with Daumé's feature augmentation: every feature is learned as
// a shared copy and a copy per corpus, and the model keeps shared + NERGrit (src/entities/train.ts). NERGrit valid is
// never trained on (it is for measuring); the IndoLEM rows of eval/ner.ts are therefore measured by folds, each fold
// tagged by a model trained this way with that fold left out.
//
// The shipped model is exactly what this command makes (from the repository root, with ../shared present):
//
//   npx tsx scripts/train-ner.ts
//
// and `npx tsx scripts/train-ner.ts --check` retrains (about 15 s) and exits 1 unless the result equals the shipped
// file byte for byte. Training is deterministic: seeded shuffles (NER_TRAIN_DEFAULTS.seed), insertion-ordered maps
// filled in data order, features written in sorted order with three decimals (src/entities/train.ts nerModelFile).
// The model records the training files' sha256, the options and the fingerprint of the gazetteer lists (src/lang)
// its features read; src/entities/ner.test.ts fails when that fingerprint no longer matches the code: after changing
// a list in src/lang, run the command above and commit the new data/ner-model.json.
// Other flags (for experiments, not the shipped model): --shared DIR, --epochs N, --runs N, --out FILE, --no-aux.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NER_AUX_SETS, nerModelFile } from '../src/entities/train.ts';

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
const auxFiles = args.includes('--no-aux') ? [] : NER_AUX_SETS.map((name) => ({ name, file: path.join(shared, `eval/ner/indolem/${name}.txt`) }));
for (const a of auxFiles)
  if (!fs.existsSync(a.file)) {
    console.error(`training data ${a.file} is absent`);
    process.exit(1);
  }
const check = args.includes('--check');
const out = path.resolve(opt('--out') ?? path.join(repoRoot, 'data/ner-model.json'));
const t0 = performance.now();
const json = nerModelFile(fs.readFileSync(trainFile, 'utf8'), {
  ...(opt('--epochs') ? { epochs: Number(opt('--epochs')) } : {}),
  ...(opt('--runs') ? { runs: Number(opt('--runs')) } : {}),
  log: check ? undefined : (m) => console.error(m),
}, auxFiles.map((a) => ({ name: a.name, text: fs.readFileSync(a.file, 'utf8') })));
const secs = ((performance.now() - t0) / 1000).toFixed(1);
const features = Object.keys((JSON.parse(json) as { feats: object }).feats).length;
if (check) {
  const shipped = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (shipped !== json) {
    console.error(`${path.relative(repoRoot, out)} differs from what this script trains now (${features} features, ${json.length} bytes against ${shipped.length}): run npx tsx scripts/train-ner.ts`);
    process.exit(1);
  }
  console.error(`${path.relative(repoRoot, out)} is reproduced byte for byte (trained in ${secs} s, ${features} features)`);
} else {
  fs.writeFileSync(out, json);
  console.error(`trained in ${secs} s; ${features} features, ${(json.length / 1e6).toFixed(2)} MB → ${path.relative(repoRoot, out)}`);
}
