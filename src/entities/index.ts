// The entity stage for one article: mentions (tagger + rules) → document entities.
import type { ArticleDoc } from '../types.ts';
import { findMentions } from './mentions.ts';
import { resolveDocumentEntities, type DocEntity } from './link.ts';

export type { DocEntity } from './link.ts';
export type { Mention } from './mentions.ts';
export { findMentions } from './mentions.ts';
export { resolveDocumentEntities } from './link.ts';
export { storeEntities, listEntities, type ExportEntity } from './store.ts';
export { tagTokens, runNerConll } from './ner.ts';

/** Entities of an article's body text (offsets into `doc.text`), in the article's language. */
export function articleEntities(doc: Pick<ArticleDoc, 'text' | 'sentences' | 'language'>): DocEntity[] {
  return resolveDocumentEntities(findMentions(doc.text, doc.sentences, doc.language), doc.language);
}
