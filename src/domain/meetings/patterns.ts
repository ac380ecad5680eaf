/**
 * The regular-expression pieces shared by name matching and the name heuristics. Internal to this folder: the rest
 * of the application talks about people and proposals, not patterns.
 *
 * Everything is built for the `u` flag (letters are `\p{L}`, so 'Özdemir' and 'Çelik' are words) and never with
 * the `i` flag: titles and tussenvoegsels are matched case-insensitively by character classes, surnames exactly,
 * because 'Groot' the name and 'groot' the adjective must stay apart.
 */

/** Start of a word: not preceded by a letter or digit. ASCII `\b` would split 'Özdemir' after the Ö. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
/** End of a word: not followed by a letter or digit ('Van der Burg’s' still ends at the apostrophe). */
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** Escapes text for a `u`-flag pattern (where a needless escape such as `\-` is a syntax error). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

const APOSTROPHES = /['’‘`]/;

/** One character, exact case, with every kind of apostrophe accepted for any of them ('t vs ’t). */
function exactChar(ch: string): string {
  return APOSTROPHES.test(ch) ? "['’‘`]" : escapeRegExp(ch);
}

/** One character in either case: `ci('van')` → '[vV][aA][nN]'. */
export function ci(text: string): string {
  return [...text]
    .map((ch) => {
      if (APOSTROPHES.test(ch)) return "['’‘`]";
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      return lo === up ? escapeRegExp(ch) : `[${escapeRegExp(lo)}${escapeRegExp(up)}]`;
    })
    .join('');
}

/** Words of a name joined by any whitespace, so a line break from a PDF ('Groot\nWassink') still matches. */
export function words(text: string, caseInsensitive = false): string {
  return text
    .trim()
    .split(/\s+/)
    .map((w) => (caseInsensitive ? ci(w) : [...w].map(exactChar).join('')))
    .join('\\s+');
}

/**
 * One title before a name, any case: 'Dhr.', 'dhr', 'Mw.', 'Mevr.', 'De heer', 'Mevrouw', 'meneer', and the academic
 * 'mr.', 'drs.', 'dr.', 'ir.', 'ing.', 'prof.', 'ds.' (which only count with their dot: 'ir' alone is not a title).
 * Includes the whitespace after it, so titles can repeat ('Mw. drs. De Vries').
 */
export const TITLE =
  '(?:' +
  `(?:${['dhr', 'mevr', 'mw'].map(ci).join('|')})(?:\\.\\s*|\\s+)` +
  `|(?:${['prof', 'drs', 'ing', 'dr', 'ir', 'mr', 'hr', 'ds'].map(ci).join('|')})\\.\\s*` +
  `|(?:${[ci('de') + '\\s+' + ci('heer'), ci('mevrouw'), ci('meneer'), ci('heer')].join('|')})\\s+` +
  ')';

/**
 * Words that make up Dutch (and a few foreign) tussenvoegsels: 'van der', 'in ’t', 'ten', 'von'. Multi-word ones are
 * sequences of these.
 */
export const TUSSENVOEGSEL_WORDS = ['van', 'de', 'der', 'den', 'het', "'t", 'ter', 'ten', 'te', 'in', 'op', 'uit', 'aan', 'la', 'le', 'du', 'da', 'di', 'dos', 'von', 'vom', 'zu', 'zum'] as const;

/** One tussenvoegsel word in any case, longest alternatives first so 'der' is not read as 'de' + 'r'. */
export const TUSSENVOEGSEL_WORD = `(?:${[...TUSSENVOEGSEL_WORDS].sort((a, b) => b.length - a.length).map(ci).join('|')})${WORD_END}`;
