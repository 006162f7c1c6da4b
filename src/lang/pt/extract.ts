import type { ExtractLangData } from '../types.ts';

// Portuguese news-page lexicon (Brazil, Portugal, Lusophone Africa). Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: ['Fonte', 'Fontes', 'Artigo original', 'Publicado originalmente em', 'Via'],
  bylinePrefixes: ['Por', 'Autor', 'Autora', 'Autores', 'Escrito por', 'Texto', 'Reportagem', 'Traduzido por', 'Tradução'],
  editorPrefixes: ['Editado por', 'Edição', 'Redação', 'Redacção', 'Editor', 'Editora'],
  citedSourcesHeadings: ['Fontes', 'Referências', 'Bibliografia', 'Notas'],
  captionCreditWords: ['Foto', 'Fotos', 'Fotografia', 'Imagem', 'Crédito', 'Ilustração', 'Infografia', 'Infográfico', 'Vídeo', 'Reprodução', 'Arquivo', 'Divulgação'],
  boilerplateLines: [
    /^comentários?\s*\(\d+\)$/i,
    /^\d+\s+comentários?$/i,
    /^(sem|nenhum) comentários?\.?$/i,
    /^(deixe|deixar|escreva|escrever|ver|mostrar|adicionar) (um|os|seu|todos os)? ?comentários?\b.*$/i,
    /^(leia|ler|veja|ver) (também|mais)\b.*$/i,
    /^(notícias|artigos|matérias|posts|conteúdos|publicações) (relacionad[oa]s|semelhantes|recomendad[oa]s|populares|mais lid[oa]s)\b.{0,40}$/i,
    /^(mais lidas|mais lidos|mais vistas|você pode gostar|você também pode gostar|recomendados para você|veja também)\s*:?$/i,
    /^(compartilhe|compartilhar|partilhar|partilhe|compartilhar no .{1,20})\s*:?$/i,
    /^(tags?|etiquetas|temas|categorias?|palavras-chave)\s*:.*$/i,
    /^(siga-nos|inscreva-se|assine)\b.*$/i,
    /^(©|copyright|\(c\)|todos os direitos reservados).*$/i,
    /^página\s*\d+\s*(de|\/)\s*\d+$/i,
    /^(próximo|próxima|anterior|voltar ao topo|ver mais|ver tudo|leia mais|continuar lendo|continue lendo)\s*[»›>]*$/i,
    /^(publicidade|patrocinado|conteúdo patrocinado|anúncio)\.?$/i,
    /^(entrar|login|cadastre-se|registar|registrar|assinar)$/i,
    /^(imprimir|enviar por e-?mail)$/i,
  ],
  relatedHeadings: [
    'Leia também', 'Leia mais', 'Veja também', 'Notícias relacionadas', 'Artigos relacionados', 'Matérias relacionadas', 'Mais lidas',
    'Mais lidos', 'Você pode gostar', 'Você também pode gostar', 'Saiba mais',
  ],
  months: [
    ['janeiro', 'jan'], ['fevereiro', 'fev'], ['março', 'marco', 'mar'], ['abril', 'abr'], ['maio', 'mai'], ['junho', 'jun'], ['julho', 'jul'],
    ['agosto', 'ago'], ['setembro', 'set'], ['outubro', 'out'], ['novembro', 'nov'], ['dezembro', 'dez'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['atualizado', 'atualizada', 'actualizado', 'atualização', 'modificado', 'editado'],
  nameParticles: ['da', 'dos', 'de'],
};
