// sastrawijs ships types its package.json "exports" does not expose; the part Kabar uses.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    /** is `word` in the root-word dictionary? */
    find(word: string): boolean;
    /** the root of an Indonesian word (Nazief-Adriani, Sastrawi's rules) */
    stem(word: string): string;
  }
}
