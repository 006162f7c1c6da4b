// The one place the clustering stage gets stop words from: the per-language resources (an unknown language gets
// none rather than another language's: idf still discounts its function words).
export { stopwordsFor } from '../lang/index.ts';
