// Table shapes for Kysely. Core tables are here; stage-owned tables are declared by their stage
// (stories/, reuse/) and merged into one `Tables` type so one query layer serves every engine.
import type { Generated } from 'kysely';
import type { StoryTables } from '../stories/schema.ts';
import type { ReuseTables } from '../reuse/schema.ts';

export interface ArticleRow {
  seq: Generated<number>;
  id: string;
  text_hash: string;
  input: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  language: string;
  language_confidence: number;
  /** JSON arrays/objects, serialised (same bytes on SQLite and PostgreSQL). */
  authors: string;
  cited_sources: string;
  captions: string;
  paragraphs: string;
  sentences: string;
  text: string;
  story_id: string | null;
  ingested_at: string;
}

export interface InputRow {
  input: string;
  article_id: string;
  ingested_at: string;
}

export interface StoryRow {
  id: string;
  title: string | null;
  article_count: number;
  first_published: string | null;
  last_published: string | null;
  created_at: string;
  updated_at: string;
}

export interface MetaRow {
  key: string;
  value: string;
}

export interface ArticleAnalysisRow {
  article: string;
  /** JSON: CodedEvent[], AgreementRecord[], Quote[] of the article (src/events/) */
  events: string;
  agreements: string;
  quotes: string;
}

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  key: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EntityTables {
  entities: EntityRow;
  entity_aliases: { entity: string; text: string; lang: string };
  entity_roles: { entity: string; title: string; org: string; article: string };
  entity_mentions: { entity: string; article: string; start: number; end: number };
  article_analysis: ArticleAnalysisRow;
}

export interface CoreTables {
  articles: ArticleRow;
  inputs: InputRow;
  stories: StoryRow;
  meta: MetaRow;
}

export type Tables = CoreTables & StoryTables & ReuseTables & EntityTables;
