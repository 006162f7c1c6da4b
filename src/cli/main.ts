// The `kabar` command line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option, InvalidArgumentError } from 'commander';
import { openStore, defaultDbLocation, type Store } from '../store/db.ts';
import { ingestInputs, type IngestSummary } from '../ingest/run.ts';
import { countInputs, expandInputs, printable, DEFAULT_MAX_BYTES } from '../ingest/sources.ts';
import { extractStage } from '../pipeline.ts';
import { identifyLanguage } from '../text/language.ts';
import { getStory, listStories, searchArticles, type StorySummary } from '../store/queries.ts';
import { buildExport } from '../export/json.ts';
import { CSV_TABLES, csvTable, ploverLines } from '../export/formats.ts';
import { listEntities } from '../entities/store.ts';
import { Progress } from './progress.ts';
import { runTimeCommand } from '../time/cli.ts';
import { runNerConll } from '../entities/ner.ts';
import { eventsJsonl } from '../events/jsonl.ts';
import { registerFollowCommands } from '../follow/cli.ts';
import { registerBriefCommand } from '../publish/cli.ts';
import { registerServeCommand, serveCommand } from '../server/cli.ts';
import { enqueueCommand, registerQueueCommands } from '../queue/cli.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLES_DIR = path.join(repoRoot, 'examples');

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function sizeArg(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(v.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 20MB, 500kB or 1048576');
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * mult);
}

const dbOption = () => new Option('--db <path>', 'store location (SQLite file or postgres:// URL)').env('KABAR_DB').default(defaultDbLocation(), './kabar.db or $KABAR_DB');

async function withStore<T>(db: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function fmtSpan(s: StorySummary): string {
  const a = s.firstPublished?.slice(0, 10) ?? '?';
  const b = s.lastPublished?.slice(0, 10) ?? '?';
  return a === b ? a : `${a} – ${b}`;
}

export function printStories(stories: StorySummary[], out = process.stdout): void {
  if (stories.length === 0) {
    out.write('no stories yet: ingest some articles with `kabar ingest <files|folders|urls>`\n');
    return;
  }
  for (const s of stories) {
    out.write(`${s.id}  ${s.title ?? '(untitled)'}\n`);
    out.write(`    ${s.articles} article${s.articles === 1 ? '' : 's'} · outlets: ${s.outlets.join(', ') || '?'} · languages: ${s.languages.join(', ')} · ${fmtSpan(s)}\n`);
  }
}

async function runIngest(store: Store, inputs: string[], opts: { maxBytes: number; allowPrivate?: boolean; quiet?: boolean }): Promise<IngestSummary> {
  const progress = new Progress(process.stderr, !opts.quiet && Boolean(process.stderr.isTTY));
  // The total is only worth a directory walk when someone is watching the bar.
  const total = !opts.quiet && process.stderr.isTTY ? await countInputs(inputs) : null;
  const summary = await ingestInputs(store, inputs, {
    maxBytes: opts.maxBytes,
    fetch: { allowPrivate: opts.allowPrivate },
    onError: (e) => {
      progress.clear();
      process.stderr.write(`error: ${printable(e.input)}: ${printable(e.error)}\n`);
    },
    onProgress: (s) => {
      const n = s.added + s.present + s.failed;
      progress.update(`ingesting ${Progress.bar(n, total)}${n}${total ? `/${total}` : ''} inputs (${s.added} added, ${s.present} present, ${s.failed} failed) ${(n / Math.max(s.seconds, 0.001)).toFixed(0)}/s`);
    },
  });
  progress.clear();
  if (!opts.quiet) {
    process.stderr.write(`ingest: ${summary.added} added, ${summary.present} already present, ${summary.failed} failed in ${summary.seconds.toFixed(1)} s\n`);
  }
  return summary;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('kabar')
    .description('Turn news coverage from many outlets and languages into stories and verified event records.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('ingest')
    .description('ingest text dumps, HTML (.html/.htm, also .gz), JSONL, folders (recursive), stdin (-) and http(s) URLs')
    .argument('<inputs...>', 'files, folders, URLs, or - for standard input')
    .addOption(dbOption())
    .option('--max-bytes <size>', 'largest single page accepted', sizeArg, DEFAULT_MAX_BYTES)
    .option('--allow-private', 'allow URLs on loopback/private networks (intranet use; also KABAR_ALLOW_PRIVATE=1)')
    .option('-q, --quiet', 'no progress and no summary line')
    .option('--queue <redis-url>', 'enqueue for `kabar worker` instead of ingesting here')
    .action(async (inputs: string[], o) => {
      if (o.queue) return void (process.exitCode = await enqueueCommand(o.queue, inputs, o));
      const summary = await withStore(o.db, (store) => runIngest(store, inputs, o));
      if (summary.failed > 0) process.exitCode = 1;
    });

  program
    .command('stories')
    .description('list stories: id, title, articles, outlets, languages, date span')
    .addOption(dbOption())
    .option('--limit <n>', 'how many', intArg, 50)
    .option('--json', 'one JSON object per line')
    .action(async (o) => {
      const stories = await withStore(o.db, (s) => listStories(s, { limit: o.limit }));
      if (o.json) for (const s of stories) process.stdout.write(JSON.stringify(s) + '\n');
      else printStories(stories);
    });

  program
    .command('show')
    .description('show one story with its articles')
    .argument('<story>', 'story id')
    .addOption(dbOption())
    .option('--json', 'as JSON')
    .action(async (id: string, o) => {
      const r = await withStore(o.db, (s) => getStory(s, id));
      if (!r) {
        process.stderr.write(`error: no story ${id} (list them with \`kabar stories\`)\n`);
        process.exitCode = 1;
        return;
      }
      if (o.json) {
        process.stdout.write(JSON.stringify(r, null, 2) + '\n');
        return;
      }
      printStories([r.story]);
      for (const a of r.articles) {
        process.stdout.write(`\n  ${a.id}  ${a.title ?? '(untitled)'}\n`);
        process.stdout.write(`    ${a.outlet ?? '?'} · ${a.published ?? 'no date'} · ${a.language} · ${a.url ?? a.input}\n`);
        if (a.authors.length) process.stdout.write(`    by ${a.authors.join(', ')}\n`);
        const first = a.sentences[0];
        if (first) process.stdout.write(`    ${a.text.slice(first.start, first.end)}\n`);
      }
    });

  program
    .command('search')
    .description('full-text search over titles and texts')
    .argument('<query>', 'words to find (all must match; diacritics ignored)')
    .addOption(dbOption())
    .option('--limit <n>', 'how many', intArg, 20)
    .option('--json', 'one JSON object per line')
    .action(async (q: string, o) => {
      const hits = await withStore(o.db, (s) => searchArticles(s, q, o.limit));
      if (o.json) {
        for (const h of hits) process.stdout.write(JSON.stringify(h) + '\n');
        return;
      }
      if (hits.length === 0) process.stdout.write('no matches\n');
      for (const h of hits) process.stdout.write(`${h.articleId}  story ${h.storyId ?? '-'}  ${h.outlet ?? '?'} · ${h.published?.slice(0, 10) ?? 'no date'}\n    ${h.title ?? '(untitled)'}\n    ${h.snippet.replace(/\s+/g, ' ')}\n`);
    });

  program
    .command('extract')
    .description('clean pages without storing them: plain text, or one JSON line per input with --json')
    .argument('<inputs...>', 'files, folders, URLs, or - for standard input')
    .option('--json', 'one JSON line per input: {input, url, outlet, title, published, language, authors, citedSources, captions, text}')
    .option('--max-bytes <size>', 'largest single page accepted', sizeArg, DEFAULT_MAX_BYTES)
    .option('--allow-private', 'allow URLs on loopback/private networks')
    .action(async (inputs: string[], o) => {
      let failed = 0;
      for await (const item of expandInputs(inputs, { maxBytes: o.maxBytes, fetch: { allowPrivate: o.allowPrivate } })) {
        try {
          if ('error' in item) throw new Error(item.error);
          const ex = extractStage(item.raw);
          if (!ex.text.trim()) throw new Error('no article text found');
          const lang = identifyLanguage((ex.title ?? '') + '\n\n' + ex.text, item.raw.hints?.language ?? ex.declaredLanguage ?? null);
          if (o.json) {
            const { url, outlet, title, published, authors, citedSources, captions, text } = ex;
            process.stdout.write(JSON.stringify({ input: item.input, url, outlet, title, published, language: lang.lang, authors, citedSources, captions, text }) + '\n');
          } else {
            if (inputs.length > 1 || item.input !== inputs[0]) process.stdout.write(`==> ${item.input} <==\n`);
            if (ex.title) process.stdout.write(ex.title + '\n\n');
            process.stdout.write(ex.text + '\n\n');
          }
        } catch (e) {
          failed++;
          process.stderr.write(`error: ${printable(item.input)}: ${printable((e as Error).message)}\n`);
        }
      }
      if (failed) process.exitCode = 1;
    });

  program
    .command('export')
    .description('write the documented kabar-export JSON (schema/kabar-export.schema.json), PLOVER JSON lines or CSV')
    .addOption(new Option('--format <format>', 'json: kabar-export; plover: one PLOVER JSON record per event; csv: one table').choices(['json', 'plover', 'csv']).default('json'))
    .addOption(new Option('--table <table>', 'with --format csv: which table').choices([...CSV_TABLES]).default('events'))
    .option('--story <id...>', 'only these stories')
    .option('--out <file>', 'write to a file instead of standard output')
    .addOption(dbOption())
    .action(async (o) => {
      const doc = await withStore(o.db, (s) => buildExport(s, { storyIds: o.story }));
      const text = o.format === 'plover' ? ploverLines(doc) : o.format === 'csv' ? csvTable(doc, o.table) : JSON.stringify(doc, null, 2) + '\n';
      if (o.out) {
        // Write to a temporary file and rename, so a crash never leaves half an export behind.
        const tmp = `${o.out}.tmp-${process.pid}`;
        fs.writeFileSync(tmp, text);
        fs.renameSync(tmp, o.out);
        process.stderr.write(`export: ${doc.stories.length} stories, ${doc.articles.length} articles, ${doc.events.length} events → ${o.out}\n`);
      } else process.stdout.write(text);
    });

  program
    .command('entities')
    .description('people, organisations and places: one line per entity with its type, country, aliases and roles')
    .option('--story <id>', 'only the entities of this story')
    .option('--type <type>', 'only PERSON, ORGANISATION, PLACE or OTHER')
    .option('--json', 'one JSON object per line (the export\'s entities[] records)')
    .addOption(dbOption())
    .action(async (o) => {
      const ents = await withStore(o.db, async (s) => {
        if (o.story && !(await getStory(s, o.story))) throw new Error(`no story ${o.story} (see \`kabar stories\`)`);
        return listEntities(s.db, o.story ? { storyId: o.story } : {});
      });
      for (const e of ents) {
        if (o.type && e.type !== String(o.type).toUpperCase()) continue;
        if (o.json) {
          process.stdout.write(JSON.stringify(e) + '\n');
          continue;
        }
        const aliases = [...new Set(e.aliases.map((a) => a.text))].filter((a) => a !== e.name);
        const roles = [...new Set(e.roles.map((r) => (r.org ? `${r.title} (${r.org})` : r.title)))];
        const arts = new Set(e.mentions.map((m) => m.article)).size;
        process.stdout.write(
          `${e.id}  ${e.type.padEnd(12)} ${e.name}${e.country ? ` [${e.country}]` : ''}  ${e.mentions.length} mentions in ${arts} article${arts === 1 ? '' : 's'}` +
            (aliases.length ? `\n    aka: ${aliases.join(' / ')}` : '') +
            (roles.length ? `\n    roles: ${roles.join('; ')}` : '') +
            (e.coordinates ? `\n    at: ${e.coordinates[0].toFixed(4)}, ${e.coordinates[1].toFixed(4)}` : '') +
            '\n',
        );
      }
    });

  program
    .command('time')
    .description('time expressions (TIMEX3) in a text, normalised against an anchor date')
    .argument('<file>', 'text file, or - for standard input')
    .option('--anchor <date>', 'the article date (YYYY-MM-DD) relative expressions resolve against')
    .option('--lang <code>', 'language (id, en, vi, ms); identified from the text when absent')
    .option('--json', 'a JSON array [{start, end, text, type, value}] (UTF-16 offsets into the text as read)')
    .action(async (file: string, o) => {
      process.exitCode = await runTimeCommand(file, { anchor: o.anchor ?? null, lang: o.lang, json: Boolean(o.json) }, { stdin: process.stdin, stdout: process.stdout });
    });

  program
    .command('ner')
    .description('tag a token-per-line file (token, optional TAB gold tag; blank line between sentences) with BIO tags PERSON, PLACE, ORGANISATION')
    .requiredOption('--conll <file>', 'CoNLL-style input file, or - for standard input')
    .action(async (o) => {
      let input: string;
      try {
        input = o.conll === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(o.conll, 'utf8');
      } catch (e) {
        process.stderr.write(`error: ${o.conll}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(runNerConll(input));
    });

  program
    .command('events')
    .description('code sentences outside the store: reads {id, text, lang?, published?} per line, writes {id, events: [...]} per line (PLOVER types)')
    .requiredOption('--jsonl <file>', 'JSONL input file, or - for standard input')
    .action(async (o) => {
      if (o.jsonl !== '-' && !fs.existsSync(o.jsonl)) {
        process.stderr.write(`error: ${o.jsonl}: no such file\n`);
        process.exitCode = 1;
        return;
      }
      const input = o.jsonl === '-' ? process.stdin : fs.createReadStream(o.jsonl);
      process.exitCode = await eventsJsonl(input, process.stdout);
    });

  program
    .command('start')
    .description('the main job: ingest the bundled example corpus into the store, print the stories found, then serve the reader')
    .addOption(dbOption())
    .option('--no-serve', 'stop after ingesting and printing the stories')
    .addOption(new Option('--port <n>', 'port for the reader').env('PORT').default(8080).argParser(intArg))
    .option('--host <address>', 'address the reader listens on', '127.0.0.1')
    .action(async (o) => {
      await withStore(o.db, async (store) => {
        process.stderr.write(`kabar: store ${path.resolve(store.location)}; ingesting ${path.relative(process.cwd(), EXAMPLES_DIR) || EXAMPLES_DIR}/\n`);
        // Relative when run from the repo, so stored inputs read "examples/001.txt" wherever it lives.
        const rel = path.relative(process.cwd(), EXAMPLES_DIR);
        const dir = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : EXAMPLES_DIR;
        const summary = await runIngest(store, [dir], { maxBytes: DEFAULT_MAX_BYTES });
        if (summary.failed) process.exitCode = 1;
        process.stdout.write('\n');
        printStories(await listStories(store));
      });
      if (o.serve) await serveCommand({ db: o.db, port: o.port, host: o.host, publicUrl: process.env.KABAR_PUBLIC_URL });
    });

  registerFollowCommands(program);
  registerBriefCommand(program);
  registerServeCommand(program);
  registerQueueCommands(program);
  return program;
}

export async function main(argv = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}

// Run when executed directly (bin/kabar.mjs imports this module; tests import buildProgram).
const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invoked.endsWith(path.join('src', 'cli', 'main.ts')) || invoked.endsWith(path.join('bin', 'kabar.mjs')) || invoked.endsWith(path.join('.bin', 'kabar'))) {
  await main();
}
