import { createRequire } from 'node:module';

// Indonesian function words from the stopwords-iso collection.
const iso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

export const stopwords: string[] = [...new Set(iso['id'] ?? [])];
