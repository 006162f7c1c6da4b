// Writes data/ner-clusters.tsv: word classes for the NER tagger's cluster features (src/entities/features.ts),
// learned by the exchange algorithm (src/entities/wordclusters.ts) from the lower-cased token text of NERGrit train
// and of the two IndoLEM NER sets (their tags are not read; NERGrit valid is not used). One line per word seen at
// least 3 times: word, then its class among 32, 128 and 512. Deterministic:
//
//   npx tsx scripts/ner-clusters.ts [--check]
//
// (--check recomputes and exits 1 unless the result equals the shipped file byte for byte.)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConll } from '../src/entities/conll.ts';
import { exchangeClusters } from '../src/entities/wordclusters.ts';

export const CLUSTER_SIZES = [32, 128, 512];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
const files = ['nergrit/train_preprocess.txt', 'indolem/nerugm.txt', 'indolem/nergithub.txt'].map((f) => path.join(shared, 'eval/ner', f));
for (const f of files) if (!fs.existsSync(f)) (console.error(`${f} is absent`), process.exit(1));
const sentences = files.flatMap((f) => readConll(fs.readFileSync(f, 'utf8')).map((s) => s.tokens.map((w) => w.toLowerCase())));
const t0 = performance.now();
const maps = CLUSTER_SIZES.map((C) => exchangeClusters(sentences, C, { passes: 20, log: args.includes('--check') ? undefined : (m) => console.error(m) }));
const words = [...maps[0]!.keys()].filter((w) => !/[\t\n]/.test(w)).sort();
const text = words.map((w) => [w, ...maps.map((m) => m.get(w))].join('\t')).join('\n') + '\n';
const out = path.join(repoRoot, 'data/ner-clusters.tsv');
const secs = ((performance.now() - t0) / 1000).toFixed(0);
if (args.includes('--check')) {
  if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== text) (console.error(`data/ner-clusters.tsv differs from what this script makes now`), process.exit(1));
  console.error(`data/ner-clusters.tsv is reproduced byte for byte (${secs} s)`);
} else {
  fs.writeFileSync(out, text);
  console.error(`${words.length} words, ${secs} s → data/ner-clusters.tsv`);
}
