import type { ExtractLangData } from '../types.ts';

// Polish news-page lexicon. Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: ['Źródło', 'Zrodlo', 'Źródła', 'Artykuł oryginalny'],
  bylinePrefixes: ['Autor', 'Autorka', 'Autorzy', 'Tekst', 'Napisał', 'Napisała', 'Oprac', 'Opracowanie', 'Tłumaczenie'],
  editorPrefixes: ['Redakcja', 'Redaktor', 'Red', 'Edycja'],
  citedSourcesHeadings: ['Źródła', 'Bibliografia', 'Przypisy'],
  captionCreditWords: ['Fot', 'Foto', 'Zdjęcie', 'Zdjęcia', 'Źródło zdjęcia', 'Ilustracja', 'Grafika', 'Wideo', 'Materiały prasowe'],
  boilerplateLines: [
    /^komentarze\s*\(\d+\)$/i,
    /^\d+\s+komentarz(y|e)?$/i,
    /^(brak|nie ma) komentarzy\.?$/i,
    /^(dodaj|napisz|zobacz|pokaż|czytaj) (komentarz|komentarze|wszystkie komentarze)\b.*$/i,
    /^(czytaj|zobacz|przeczytaj) (też|także|również|więcej|dalej)\b.*$/i,
    /^dowiedz się więcej\b.*$/i,
    /^(podobne|powiązane|polecane|najpopularniejsze|najnowsze) (artykuły|wiadomości|teksty|tematy)\b.{0,40}$/i,
    /^(najczęściej czytane|polecamy|może cię zainteresować|warto przeczytać)\s*:?$/i,
    /^(udostępnij|podziel się)( artykułem)?\s*:?$/i,
    /^(tagi|tematy|kategorie|słowa kluczowe)\s*:.*$/i,
    /^(obserwuj nas|zapisz się|subskrybuj)\b.*$/i,
    /^(©|copyright|\(c\)|wszelkie prawa zastrzeżone).*$/i,
    /^strona\s*\d+\s*(z|\/)\s*\d+$/i,
    /^(następny|następna|poprzedni|poprzednia|do góry|pokaż więcej|zobacz wszystkie)\s*[»›>]*$/i,
    /^(reklama|materiał sponsorowany|artykuł sponsorowany)\.?$/i,
  ],
  relatedHeadings: ['Czytaj też', 'Czytaj także', 'Zobacz też', 'Zobacz także', 'Przeczytaj też', 'Dowiedz się więcej', 'Polecamy', 'Najczęściej czytane', 'Podobne artykuły', 'Powiązane artykuły'],
  months: [
    ['stycznia', 'styczeń', 'styczen', 'sty'], ['lutego', 'luty', 'lut'], ['marca', 'marzec', 'mar'], ['kwietnia', 'kwiecień', 'kwi'],
    ['maja', 'maj'], ['czerwca', 'czerwiec', 'cze'], ['lipca', 'lipiec', 'lip'], ['sierpnia', 'sierpień', 'sie'],
    ['września', 'wrzesień', 'wrz'], ['października', 'październik', 'paź', 'paz'], ['listopada', 'listopad', 'lis'], ['grudnia', 'grudzień', 'gru'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['aktualizacja', 'zaktualizowano', 'zmodyfikowano'],
};
