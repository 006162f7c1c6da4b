import type { ExtractLangData } from '../types.ts';

// Spanish news-page lexicon (Spain and Latin America). Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: ['Fuente', 'Fuentes', 'Artículo original', 'Publicado originalmente en', 'Vía', 'Via'],
  bylinePrefixes: ['Por', 'Autor', 'Autora', 'Autores', 'Escrito por', 'Redactado por', 'Texto', 'Reportaje', 'Traducido por', 'Traducción'],
  editorPrefixes: ['Editado por', 'Edición', 'Redacción', 'Editor', 'Editora'],
  citedSourcesHeadings: ['Fuentes', 'Referencias', 'Bibliografía', 'Notas'],
  captionCreditWords: ['Foto', 'Fotos', 'Fotografía', 'Imagen', 'Crédito', 'Ilustración', 'Infografía', 'Vídeo', 'Video', 'Captura', 'Archivo'],
  boilerplateLines: [
    /^comentarios?\s*\(\d+\)$/i,
    /^\d+\s+comentarios?$/i,
    /^(sin|no hay) comentarios\.?$/i,
    /^(deja|dejar|escribe|escribir|ver|mostrar|añadir) (un|los|tu|todos los)? ?comentarios?\b.*$/i,
    /^(lee|lea|leer|ver|mira) (también|además|más)\b.*$/i,
    /^(noticias|artículos|temas|contenidos|publicaciones|entradas) (relacionad[oa]s|similares|recomendad[oa]s|populares|más leíd[oa]s)\b.{0,40}$/i,
    /^(lo más leído|lo más visto|más leídas|más leídos|te puede interesar|también te puede interesar|te recomendamos|quizás te interese)\s*:?$/i,
    /^(comparte|compartir|compartir en .{1,20}|comparte este artículo)\s*:?$/i,
    /^(etiquetas|tags?|temas|categorías?|palabras clave)\s*:.*$/i,
    /^(síguenos|suscríbete)\b.*$/i,
    /^(©|copyright|\(c\)|todos los derechos reservados).*$/i,
    /^página\s*\d+\s*(de|\/)\s*\d+$/i,
    /^(siguiente|anterior|volver arriba|ver más|ver todo|leer más|seguir leyendo)\s*[»›>]*$/i,
    /^(publicidad|patrocinado|contenido patrocinado|anuncio)\.?$/i,
    /^(iniciar sesión|inicia sesión|registrarse|regístrate|suscribirse)$/i,
    /^(imprimir|enviar por e-?mail)$/i,
  ],
  relatedHeadings: [
    'Lee también', 'Lea también', 'Leer también', 'Ver también', 'Noticias relacionadas', 'Artículos relacionados', 'Temas relacionados',
    'Lo más leído', 'Lo más visto', 'Te puede interesar', 'También te puede interesar', 'Te recomendamos', 'Más noticias',
  ],
  months: [
    ['enero', 'ene'], ['febrero', 'feb'], ['marzo', 'mar'], ['abril', 'abr'], ['mayo', 'may'], ['junio', 'jun'], ['julio', 'jul'],
    ['agosto', 'ago'], ['septiembre', 'setiembre', 'sep', 'sept', 'set'], ['octubre', 'oct'], ['noviembre', 'nov'], ['diciembre', 'dic'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['actualizado', 'actualizada', 'actualización', 'modificado', 'última actualización'],
  nameListConjunctions: ['y'],
  nameParticles: ['de', 'la', 'el', 'dos'],
};
