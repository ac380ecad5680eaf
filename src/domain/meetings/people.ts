/**
 * People in the register of a table: who they are, how the minutes name them, and whether they hold public office.
 * The register decides what the Woo publication keeps readable: names of public office holders stay, every other
 * personal name is redacted. The register's flag (`publicOffice`) is the decision; the function list below only
 * suggests it when someone is registered.
 */
import { MeetingError } from './errors.ts';
import { TITLE, TUSSENVOEGSEL_WORDS, WORD_END, WORD_START, ci, escapeRegExp, words } from './patterns.ts';

export type PersonId = string | number;

/** The salutations the register stores. Any of them (in any case) is recognised in text before any name. */
export const PERSON_TITLES = ['Dhr.', 'Mw.', 'Mevr.', 'De heer', 'Mevrouw'] as const;
export type PersonTitle = (typeof PERSON_TITLES)[number];

export interface Person {
  id: PersonId;
  /** 'Eric'; several given names as written ('Jan Willem'). */
  givenName?: string;
  /** 'E.' or 'E.J.' or 'Th.'; stored with dots. */
  initials?: string;
  /** Lower case as in the register: 'van der', 'de', "in 't". */
  tussenvoegsel?: string;
  /** Without the tussenvoegsel, exact case: 'Burg', 'Bruins Slot', 'Groot Wassink'. */
  surname: string;
  title?: PersonTitle;
  /** The organisation the person sits for: 'JenV', 'VNG', 'COA'. Organisation names always stay readable. */
  organisation: string;
  /** 'staatssecretaris van Justitie en Veiligheid', 'directeur-generaal Migratie'. */
  function?: string;
  /** True for ministers, state secretaries, King's commissioners, mayors, aldermen, deputies and chairs of associations. */
  publicOffice: boolean;
  /** How the minutes name the seat, when not the organisation: 'MBZK', 'SJenV', 'DGM'. Readable like organisations. */
  label?: string;
}

/**
 * Functions that are public offices, as they are written in a register. Used only to suggest the `publicOffice`
 * flag: 'voorzitter' is a public role for the chair of an association such as VNG or Aedes, but not for a civil
 * servant who chairs a working group, so a person decides, not this list.
 */
export const PUBLIC_OFFICE_FUNCTIONS = [
  'minister',
  'staatssecretaris',
  'commissaris van de koning',
  'burgemeester',
  'wethouder',
  'gedeputeerde',
  'voorzitter',
  'dijkgraaf',
] as const;

/**
 * Suggests whether a function is a public office: one of `PUBLIC_OFFICE_FUNCTIONS` as whole words, any case.
 * `isPublicOffice('Wethouder Amsterdam')` → true; `isPublicOffice('directeur-generaal Migratie')` → false;
 * `isPublicOffice('vicevoorzitter')` → false (not a whole word: decide by hand).
 */
export function isPublicOffice(fn: string | null | undefined): boolean {
  if (!fn) return false;
  return PUBLIC_OFFICE_FUNCTIONS.some((office) => new RegExp(`${WORD_START}${words(office, true)}${WORD_END}`, 'u').test(fn));
}

/** 'van der' → 'Van der': the form used when no initial or given name precedes the surname ('Dhr. Van der Burg'). */
export function capitaliseTussenvoegsel(tussenvoegsel: string): string {
  const t = tussenvoegsel.trim();
  // "'t Hart" keeps its apostrophe first; the letter after it is the one that would be capitalised, but Dutch writes
  // "’t Hart" at the start too, so it stays as it is.
  if (/^['’‘`]/.test(t)) return t;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Surname with capitalised tussenvoegsel: `{ tussenvoegsel: 'van der', surname: 'Burg' }` → 'Van der Burg'. */
export function surnameAlone(person: Pick<Person, 'tussenvoegsel' | 'surname'>): string {
  return person.tussenvoegsel ? `${capitaliseTussenvoegsel(person.tussenvoegsel)} ${person.surname}` : person.surname;
}

/** How the minutes name someone: title and surname. `displayName({ title: 'Dhr.', tussenvoegsel: 'van der', surname: 'Burg', … })` → 'Dhr. Van der Burg' */
export function displayName(person: Pick<Person, 'title' | 'tussenvoegsel' | 'surname'>): string {
  return person.title ? `${person.title} ${surnameAlone(person)}` : surnameAlone(person);
}

/**
 * The fullest name the register knows, with a lower-case tussenvoegsel after the given name or initials:
 * 'Eric van der Burg', 'E. van der Burg', or `displayName` when neither is known.
 */
export function fullName(person: Pick<Person, 'title' | 'givenName' | 'initials' | 'tussenvoegsel' | 'surname'>): string {
  const first = person.givenName?.trim() || person.initials?.trim();
  if (!first) return displayName(person);
  return [first, person.tussenvoegsel?.trim(), person.surname].filter(Boolean).join(' ');
}

/** `initialTokens('E.J.')` → ['E', 'J']; `initialTokens('Th. J')` → ['Th', 'J']; `initialTokens('EJ')` → ['E', 'J']. */
export function initialTokens(initials: string | undefined): string[] {
  const t = (initials ?? '').trim();
  if (!t) return [];
  if (!t.includes('.')) return [...t.replace(/\s+/g, '')];
  return t
    .split('.')
    .map((s) => s.trim())
    .filter(Boolean);
}

const INITIAL = /^(?:\p{Lu}|Th|Ch|Ph|IJ|Chr|Joh|Wm)$/u;

/**
 * Checks and normalises a register entry: trims, writes initials with dots and capitals ('ej' → 'E.J.'), lower-cases the
 * tussenvoegsel, and moves a tussenvoegsel typed into the surname ('van der Burg') to its own field so that both
 * 'Van der Burg' and 'E. van der Burg' are matched later. The `publicOffice` flag is taken as given.
 * `checkPerson({ id: 1, surname: 'van der Burg', organisation: 'JenV', publicOffice: true }).tussenvoegsel` → 'van der'
 */
export function checkPerson(input: Person, field = 'person'): Person {
  const surnameIn = (input.surname ?? '').trim().replace(/\s+/g, ' ');
  const organisation = (input.organisation ?? '').trim().replace(/\s+/g, ' ');
  if (!surnameIn) throw new MeetingError('tekst-ontbreekt', `${field}.surname: vul de achternaam in.`, { field: `${field}.surname` });
  if (!organisation) throw new MeetingError('tekst-ontbreekt', `${field}.organisation: vul de organisatie in.`, { field: `${field}.organisation` });
  if (typeof input.publicOffice !== 'boolean') {
    throw new MeetingError('persoon-ongeldig', `${field}.publicOffice: geef aan of deze persoon een publieke functie bekleedt (ja of nee).`, { field: `${field}.publicOffice` });
  }
  if (input.title !== undefined && !(PERSON_TITLES as readonly string[]).includes(input.title)) {
    throw new MeetingError('persoon-ongeldig', `${field}.title: '${String(input.title)}' is geen aanhef; kies uit ${PERSON_TITLES.join(', ')}.`, { field: `${field}.title` });
  }
  // 'ej' and 'th.' are typing, not other initials: capitalise as Dutch writes them ('IJ' stays a digraph).
  const tokens = initialTokens(input.initials).map((t) => (t.toUpperCase() === 'IJ' ? 'IJ' : t.charAt(0).toUpperCase() + t.slice(1).toLowerCase()));
  const bad = tokens.find((t) => !INITIAL.test(t));
  if (bad !== undefined) {
    throw new MeetingError('persoon-ongeldig', `${field}.initials: '${input.initials ?? ''}' zijn geen voorletters; schrijf bijvoorbeeld E.J. of Th.`, { field: `${field}.initials` });
  }
  let tussenvoegsel = (input.tussenvoegsel ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  let surname = surnameIn;
  if (!tussenvoegsel) {
    // Take leading tussenvoegsel words off the surname, but never the last word: 'De' alone is a surname.
    const parts = surname.split(' ');
    let n = 0;
    while (n < parts.length - 1 && (TUSSENVOEGSEL_WORDS as readonly string[]).includes(parts[n]!.toLowerCase().replace(/[’‘`]/g, "'"))) n++;
    if (n > 0) {
      tussenvoegsel = parts.slice(0, n).join(' ').toLowerCase();
      surname = parts.slice(n).join(' ');
    }
  }
  const out: Person = { id: input.id, surname, organisation, publicOffice: input.publicOffice };
  if (input.givenName?.trim()) out.givenName = input.givenName.trim().replace(/\s+/g, ' ');
  if (tokens.length > 0) out.initials = tokens.map((t) => `${t}.`).join('');
  if (tussenvoegsel) out.tussenvoegsel = tussenvoegsel;
  if (input.title) out.title = input.title;
  if (input.function?.trim()) out.function = input.function.trim();
  if (input.label?.trim()) out.label = input.label.trim();
  return out;
}

/** The title forms `nameVariants` lists. Matching accepts more (any case, academic titles); see `TITLE`. */
const VARIANT_TITLES = ['Dhr.', 'dhr.', 'Mw.', 'mw.', 'Mevr.', 'mevr.', 'De heer', 'de heer', 'Mevrouw', 'mevrouw'];

/**
 * Every textual form of a person's name the redaction looks for, longest first: with and without tussenvoegsel,
 * the tussenvoegsel capitalised ('Van der Burg') or not ('van der Burg'), after initials (all, spaced, or the first
 * only) or the given name, and after a title. The matcher is more lenient than this list (any title in any case,
 * several titles, line breaks between the words), but every listed variant is matched in full.
 * `nameVariants({ initials: 'E.', tussenvoegsel: 'van der', surname: 'Burg', … })` includes
 * 'Dhr. E. van der Burg', 'E. Van der Burg', 'Van der Burg', 'van der Burg' and 'Burg'.
 */
export function nameVariants(person: Pick<Person, 'givenName' | 'initials' | 'tussenvoegsel' | 'surname'>): string[] {
  const s = person.surname.trim();
  const tv = person.tussenvoegsel?.trim();
  const cores = tv ? [`${tv} ${s}`, `${capitaliseTussenvoegsel(tv)} ${s}`] : [s];
  const tokens = initialTokens(person.initials);
  const prefixes: string[] = [];
  if (tokens.length > 0) {
    prefixes.push(tokens.map((t) => `${t}.`).join(''), tokens.map((t) => `${t}.`).join(' '), `${tokens[0]}.`);
  }
  if (person.givenName?.trim()) prefixes.push(person.givenName.trim());
  const named = prefixes.flatMap((p) => cores.map((c) => `${p} ${c}`));
  const titled = VARIANT_TITLES.flatMap((t) => [...cores, ...named].map((c) => `${t} ${c}`));
  const all = new Set([...titled, ...named, ...cores, s]);
  return [...all].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The pattern source that finds a person's name in text, title included: any titles, then the given name or the
 * initials (all or the first), then the tussenvoegsel in any case (optional), then the surname in its exact case
 * (or any case with `caseInsensitive`, for a stricter leak check). Use with the flags 'gu'.
 */
export function personPattern(person: Pick<Person, 'givenName' | 'initials' | 'tussenvoegsel' | 'surname'>, options: { caseInsensitive?: boolean } = {}): string {
  const tokens = initialTokens(person.initials);
  const firsts: string[] = [];
  if (tokens.length > 0) {
    const [head, ...rest] = tokens.map((t) => `${escapeRegExp(t)}\\.\\s*`);
    firsts.push(`${head!}${rest.length > 0 ? `(?:${rest.join('')})?` : ''}`);
  }
  if (person.givenName?.trim()) firsts.push(`${words(person.givenName)}\\s+`);
  const first = firsts.length > 0 ? `(?:${firsts.join('|')})?` : '';
  const tv = person.tussenvoegsel?.trim() ? `(?:${person.tussenvoegsel.trim().split(/\s+/).map(ci).join('\\s+')}\\s+)?` : '';
  return `${WORD_START}${TITLE}*${first}${tv}${words(person.surname, options.caseInsensitive)}${WORD_END}`;
}
