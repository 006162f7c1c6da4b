// `kabar brief <story> [--format md|html|json] [--db PATH] [--out FILE]`: the cited brief of one story.
import fs from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { openStore, defaultDbLocation } from '../store/db.ts';
import { listStories } from '../store/queries.ts';
import { buildExport } from '../export/json.ts';
import { renderBrief, type BriefFormat } from './brief.ts';

export interface BriefCliOptions {
  db?: string;
  format?: BriefFormat;
  out?: string;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/** Write the brief of `story` (a story id, with or without its "s" prefix); returns the exit status. */
export async function runBrief(story: string, o: BriefCliOptions = {}): Promise<number> {
  const err = o.stderr ?? process.stderr;
  let store;
  try {
    store = await openStore(o.db ?? defaultDbLocation());
  } catch (e) {
    err.write(`error: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const ids = [story, `s${story}`];
    const found = await listStories(store, { ids });
    const id = ids.find((x) => found.some((s) => s.id === x));
    if (!id) {
      err.write(`error: no story ${story} (see \`kabar stories\`)\n`);
      return 1;
    }
    const doc = await buildExport(store, { storyIds: [id] });
    const text = renderBrief(doc, id, o.format ?? 'md');
    if (o.out) fs.writeFileSync(o.out, text);
    else (o.stdout ?? process.stdout).write(text);
    return 0;
  } catch (e) {
    err.write(`error: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

function formatArg(v: string): BriefFormat {
  if (v === 'md' || v === 'html' || v === 'json') return v;
  throw new InvalidArgumentError('expected md, html or json');
}

/** Adds `kabar brief` to the program. */
export function registerBriefCommand(program: Command): void {
  program
    .command('brief')
    .description('the cited brief of a story: what happened in the sources’ own sentences, key facts with their status, where sources disagree, timeline, agreements, who’s who, quotes, sources')
    .argument('<story>', 'story id (see `kabar stories`)')
    .addOption(new Option('--format <format>', 'md, html or json').argParser(formatArg).default('md'))
    .addOption(new Option('--db <path>', 'store location (SQLite file)').env('KABAR_DB').default(defaultDbLocation(), './kabar.db or $KABAR_DB'))
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (story: string, o: { format: BriefFormat; db: string; out?: string }) => {
      const code = await runBrief(story, { db: o.db, format: o.format, out: o.out });
      if (code) process.exitCode = code;
    });
}
