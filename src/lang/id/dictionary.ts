// Indonesian root-word dictionary (Sastrawi's, via sastrawijs): a capitalised word that opens a sentence and is
// an ordinary word of the language ("Tekad", "Menghargai" → harga) is no name by itself.
import { Stemmer } from 'sastrawijs';

let stemmer: Stemmer | null = null;

export function isDictionaryWord(word: string): boolean {
  stemmer ??= new Stemmer();
  const w = word.toLowerCase();
  if (!/^\p{Ll}+$/u.test(w)) return false;
  return stemmer.find(w) || stemmer.find(stemmer.stem(w));
}
