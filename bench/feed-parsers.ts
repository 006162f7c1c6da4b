// Why Kabar reads feeds with its own fast-xml-parser reader (src/follow/feeds.ts) rather than
// @extractus/feed-extractor: entries recovered and time per parse on valid and broken feeds.
// feed-extractor is not a dependency: npm install --no-save @extractus/feed-extractor, then
// npx tsx bench/feed-parsers.ts
let extractFromXml: (xml: string) => unknown;
try {
  ({ extractFromXml } = await import('@extractus/feed-extractor' as string));
} catch {
  console.error('@extractus/feed-extractor is not installed: npm install --no-save @extractus/feed-extractor');
  process.exit(1);
}
import { parseFeed } from '../src/follow/feeds.ts';
const items = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');
const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items(100, (i) => `<item><title>Story ${i} &amp; more</title><link>https://a.example/news/${i}</link><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate><description>Text ${i}</description></item>`)}</channel></rss>`;
const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${items(100, (i) => `<entry><title>E ${i}</title><link href="https://a.example/e/${i}"/><updated>2025-06-10T04:00:00Z</updated></entry>`)}</feed>`;
const broken = rss.replace('Story 5 &amp; more', 'Story 5 & more').replace('</item><item><title>Story 50', '</itm><item><title>Story 50');
const truncated = rss.slice(0, Math.floor(rss.length * 0.6));
const cases = { rss, atom, 'rss with bare & and a mangled tag': broken, 'rss truncated at 60%': truncated };
console.log('| feed | ours: entries | ours: ms/parse | feed-extractor: entries | feed-extractor: ms/parse |');
console.log('|---|---|---|---|---|');
for (const [name, xml] of Object.entries(cases)) {
  const time = (fn: () => number) => { let n = 0; const t = performance.now(); for (let i = 0; i < 50; i++) n = fn(); return { n, ms: (performance.now() - t) / 50 }; };
  const ours = time(() => { try { return parseFeed(xml, 'https://a.example/').entries.length; } catch { return -1; } });
  const theirs = time(() => { try { return (extractFromXml(xml) as { entries?: unknown[] }).entries?.length ?? 0; } catch { return -1; } });
  console.log(`| ${name} | ${ours.n} | ${ours.ms.toFixed(2)} | ${theirs.n < 0 ? 'error' : theirs.n} | ${theirs.ms.toFixed(2)} |`);
}
