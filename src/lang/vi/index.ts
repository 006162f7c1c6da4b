import type { LanguageData } from '../types.ts';
import { dates } from './dates.ts';
import { extract } from './extract.ts';
import { sentences } from './sentences.ts';
import { stopwords } from './stopwords.ts';

export const language: LanguageData = {
  code: 'vi',
  name: 'Vietnamese',
  sentences,
  extract,
  dates,
  stopwords,
};
