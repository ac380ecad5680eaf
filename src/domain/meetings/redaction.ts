/**
 * Woo redaction of minutes: which spans of text are personal names that must go (ground 5.1.2e, protection of
 * privacy), how a reviewer's decisions turn proposals into spans, how spans are applied, and the leak check that
 * guards a publication.
 *
 * Rules chosen:
 * - Known people (the register) are found by `personPattern`: any titles, given name or initials, tussenvoegsel in
 *   any case, surname in exact case, word boundaries on both sides; the title belongs to the span (it gives away
 *   gender, and 'Mw. [5.1.2e]' reads worse than '[5.1.2e]').
 * - A span that is a public office holder's name or a protected organisation term (`DEFAULT_PROTECTED_TERMS`, every
 *   person's organisation and label, and `options.organisations`) is never proposed. A known non-public name inside a
 *   longer protected span is not proposed either ('Groot' inside 'dhr. Groot Wassink'). When a non-public person's
 *   name is exactly the same text as a protected one, it IS proposed, with a note: the text is ambiguous and a
 *   wrongly published civil servant's name cannot be taken back, while a wrong proposal costs one click.
 * - Person-like names not in the register are proposed as 'mogelijke-naam': a title followed by capitalised words
 *   (with tussenvoegsels), or initials followed by a capitalised word ('J. Pietersen'). Such a guess is dropped when
 *   it touches a protected span at all: a guess never eats into a known public name or an organisation.
 * - Overlapping proposals become one proposal over their union (so no part of either name survives), named after
 *   the longest known person in it.
 * - The marker is the ground in square brackets, '[5.1.2e]': readable as 'this was removed under 5.1.2e' in HTML,
 *   PDF text and screen readers, and never mistaken for text of the minutes.
 */
import { MeetingError } from './errors.ts';
import { displayName, personPattern, type Person, type PersonId } from './people.ts';
import { TITLE, TUSSENVOEGSEL_WORD, WORD_END, WORD_START, words } from './patterns.ts';

/** Woo art. 5.1 lid 2 sub e: respect for privacy. */
export const WOO_GROUND = '5.1.2e';

/** `redactionMarker()` → '[5.1.2e]' */
export function redactionMarker(ground: string = WOO_GROUND): string {
  return `[${ground}]`;
}

/**
 * Names in the chain that are organisations or seats, never people: the tables, the associations, the ministries
 * and the directorates-general as the minutes abbreviate them.
 */
export const DEFAULT_PROTECTED_TERMS: readonly string[] = [
  'LRT', 'HLRT', 'PRT', 'IPO', 'VNG', 'Aedes', 'COA', 'Rijksheren',
  'BZK', 'MBZK', 'JenV', 'SJenV', 'MJenV', 'SZW', 'MSZW', 'VWS', 'MVWS', 'VRO', 'MVRO', 'MinBZK',
  'DGM', 'DGSZI', 'DGOBDR', 'DGRVB', 'DGVB', 'IND', 'DJI', 'NVWA',
  'Centraal Orgaan opvang asielzoekers', 'Vereniging van Nederlandse Gemeenten', 'Interprovinciaal Overleg',
  'Veiligheidsregio', 'Veiligheidsregio’s', 'Ter Apel',
];

export type RedactionReason = 'bekende-persoon' | 'mogelijke-naam';

/** A span of text proposed for redaction. `start`/`end` are UTF-16 offsets as in `String.prototype.slice`. */
export interface Proposal {
  start: number;
  end: number;
  text: string;
  /** The register's person, or null for a name that only looks like one. */
  personId: PersonId | null;
  reason: RedactionReason;
  ground: typeof WOO_GROUND;
  /** A Dutch hint for the reviewer, e.g. when the text is also a public office holder's name. */
  note?: string;
}

export interface RedactionOptions {
  /** More organisation names or acronyms to keep readable, on top of the defaults and everyone's organisation and label. */
  organisations?: readonly string[];
  /** Propose person-like names that are not in the register (default true). */
  heuristics?: boolean;
}

interface Span {
  start: number;
  end: number;
}

interface Hit extends Span {
  person?: Person;
}

// Compiling a name pattern (Unicode classes, lookbehinds) costs far more than running it, and the same register
// is matched against every field of a document, so compiled patterns are kept by their source. Bounded, and keyed
// by the text of the pattern, so a changed register entry simply compiles anew.
const compiled = new Map<string, RegExp>();

function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    if (compiled.size >= 5000) compiled.clear();
    re = new RegExp(source, 'gu');
    compiled.set(source, re);
  }
  re.lastIndex = 0;
  return re;
}

function hits(text: string, source: string, person?: Person): Hit[] {
  const out: Hit[] = [];
  const re = regex(source);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, ...(person ? { person } : {}) });
  }
  return out;
}

const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

function protectedTerms(people: readonly Person[], extra: readonly string[] = []): string[] {
  const terms = new Set<string>();
  for (const t of [...DEFAULT_PROTECTED_TERMS, ...extra, ...people.map((p) => p.organisation), ...people.flatMap((p) => (p.label ? [p.label] : []))]) {
    if (t && t.trim()) terms.add(t.trim());
  }
  // Longest first: at one position the alternation takes the first that fits.
  return [...terms].sort((a, b) => b.length - a.length);
}

function termsPattern(terms: readonly string[], caseInsensitive = false): string | null {
  return terms.length === 0 ? null : `${WORD_START}(?:${terms.map((t) => words(t, caseInsensitive)).join('|')})${WORD_END}`;
}

/** Words that start Dutch sentences or name a role; a capitalised one after a name is not part of that name. */
const STOP_WORDS = [
  'Het', 'Een', 'Er', 'Zij', 'Hij', 'Ze', 'Wij', 'We', 'Dit', 'Dat', 'Deze', 'Die', 'Daar', 'Daarna', 'Daarom',
  'Daarnaast', 'Dan', 'Ook', 'Om', 'Op', 'In', 'Met', 'Voor', 'Na', 'Bij', 'Als', 'En', 'Of', 'Maar', 'Is', 'Zijn',
  'Wordt', 'Worden', 'Heeft', 'Hebben', 'Kan', 'Kunnen', 'Gaat', 'Zal', 'Zullen', 'Namens', 'Aanwezig', 'Afwezig',
  'Gast', 'Gasten', 'Verslag', 'Actie', 'Acties', 'Besluit', 'Besluiten', 'Minister', 'Staatssecretaris',
  'Burgemeester', 'Wethouder', 'Voorzitter', 'Gedeputeerde', 'Directeur', 'Secretaris', 'Secretariaat',
  'Ondersteuning', 'Provincie', 'Gemeente', 'Ministerie',
];

const CAPITALISED = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:-\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+)*";
const INITIALS = '(?:(?:Chr|Joh|Th|Ch|Ph|IJ|Wm|\\p{Lu})\\.\\s*){1,4}';

function heuristicPatterns(terms: readonly string[]): string[] {
  const stops = [...STOP_WORDS.map((w) => words(w)), ...terms.map((t) => words(t))].join('|');
  const nameWord = `(?!(?:${stops})${WORD_END})${CAPITALISED}${WORD_END}`;
  const surname = `(?:${TUSSENVOEGSEL_WORD}\\s+){0,3}${nameWord}(?:\\s+${nameWord})?`;
  return [
    // 'Dhr. Jansen', 'mevrouw De Vries', 'Mw. drs. P. van den Berg-Smit', 'De heer Piet Jansen'
    `${WORD_START}${TITLE}+(?:${INITIALS})?(?:${nameWord}\\s+)?${surname}`,
    // 'J. Pietersen', 'A.B. de Wit': initials after a space, bracket or the start, not inside 't.a.v.'
    `(?<![\\p{L}\\p{N}.'’])${INITIALS}${surname}`,
  ];
}

interface Found {
  known: Hit[];
  guessed: Hit[];
  shielded: Hit[];
}

function scan(text: string, people: readonly Person[], options: RedactionOptions & { caseInsensitive?: boolean }): Found {
  const ci = options.caseInsensitive === true;
  const terms = protectedTerms(people, options.organisations);
  const termSource = termsPattern(terms, ci);
  const shielded: Hit[] = [
    ...people.filter((p) => p.publicOffice).flatMap((p) => hits(text, personPattern(p, { caseInsensitive: ci }), p)),
    ...(termSource ? hits(text, termSource) : []),
  ];
  const known = people.filter((p) => !p.publicOffice).flatMap((p) => hits(text, personPattern(p, { caseInsensitive: ci }), p));
  // A known name strictly inside a longer protected span is part of that name or organisation.
  const keptKnown = known.filter((k) => !shielded.some((s) => contains(s, k) && !same(s, k)));
  const guessed = options.heuristics === false ? [] : heuristicPatterns(terms).flatMap((src) => hits(text, src)).filter((h) => !shielded.some((s) => overlaps(s, h)));
  return { known: keptKnown, guessed, shielded };
}

function ambiguityNote(k: Hit, shielded: readonly Hit[]): string | undefined {
  const twin = shielded.find((s) => same(s, k));
  if (!twin) return undefined;
  return twin.person
    ? `Deze tekst is ook de naam van ${displayName(twin.person)} (publieke functie); beoordeel wie er bedoeld is.`
    : 'Deze tekst is ook een organisatienaam; beoordeel of er een persoon bedoeld is.';
}

/**
 * Proposes every personal name in `text` that the Woo publication must remove: known non-public people
 * ('bekende-persoon', with their id) and person-like names not in the register ('mogelijke-naam', id null).
 * Sorted by position, never overlapping.
 * `findRedactions('Mw. A. de Vries (DGM) en Dhr. Van der Burg (SJenV)', people)` →
 * `[{ start: 0, end: 15, text: 'Mw. A. de Vries', personId: 'de-vries', reason: 'bekende-persoon', ground: '5.1.2e' }]`
 */
export function findRedactions(text: string, people: readonly Person[], options: RedactionOptions = {}): Proposal[] {
  const { known, guessed, shielded } = scan(text, people, options);
  const candidates = [...known.map((h) => ({ ...h, isKnown: true })), ...guessed.map((h) => ({ ...h, isKnown: false }))].sort((a, b) => a.start - b.start || b.end - a.end);
  // Union of overlapping candidates: a cluster grows while the next one starts before its end.
  const clusters: (typeof candidates)[] = [];
  let end = -1;
  for (const c of candidates) {
    if (clusters.length > 0 && c.start < end) {
      clusters[clusters.length - 1]!.push(c);
      end = Math.max(end, c.end);
    } else {
      clusters.push([c]);
      end = c.end;
    }
  }
  return clusters.map((cluster) => {
    const start = Math.min(...cluster.map((c) => c.start));
    const stop = Math.max(...cluster.map((c) => c.end));
    const named = cluster.filter((c) => c.isKnown).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)[0];
    const note = named && same(named, { start, end: stop }) ? ambiguityNote(named, shielded) : undefined;
    return {
      start,
      end: stop,
      text: text.slice(start, stop),
      personId: named?.person?.id ?? null,
      reason: named ? 'bekende-persoon' : 'mogelijke-naam',
      ground: WOO_GROUND,
      ...(note ? { note } : {}),
    } satisfies Proposal;
  });
}

export interface RedactionSpan {
  start: number;
  end: number;
}

function checkSpans(text: string, spans: readonly RedactionSpan[], field: string): RedactionSpan[] {
  spans.forEach((s, i) => {
    if (!Number.isSafeInteger(s.start) || !Number.isSafeInteger(s.end) || s.start >= s.end) {
      throw new MeetingError('redactie-ongeldig', `${field}[${i}]: een weglakking loopt van een begin tot een later einde (hele getallen), niet van ${String(s.start)} tot ${String(s.end)}.`, { field: `${field}[${i}]` });
    }
    if (s.start < 0 || s.end > text.length) {
      throw new MeetingError('redactie-buiten-tekst', `${field}[${i}]: de weglakking ${s.start}–${s.end} valt buiten de tekst (lengte ${text.length}).`, { field: `${field}[${i}]` });
    }
  });
  const order = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    if (cur.start < prev.end) {
      throw new MeetingError('redactie-overlapt', `${field}[${cur.i}]: de weglakking ${cur.start}–${cur.end} overlapt met ${field}[${prev.i}] (${prev.start}–${prev.end}); voeg ze samen.`, { field: `${field}[${cur.i}]` });
    }
  }
  return order.map(({ start, end }) => ({ start, end }));
}

/**
 * Replaces each span by the marker '[5.1.2e]' and leaves every other character as it was. Spans may come in any
 * order but must lie within the text and must not overlap (touching is fine); `field` names them in errors.
 * `applyRedactions('Mw. A. de Vries (DGM)', [{ start: 0, end: 15 }])` → '[5.1.2e] (DGM)'
 */
export function applyRedactions(text: string, spans: readonly RedactionSpan[], ground: string = WOO_GROUND, field = 'spans'): string {
  const sorted = checkSpans(text, spans, field);
  const marker = redactionMarker(ground);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    out += text.slice(at, s.start) + marker;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Named text fields of one document to publish: the attendance list, and per agenda item its points, decisions and actions. */
export interface RedactableDocument {
  fields: Record<string, string>;
}

/** A proposal in one field of a document, with a stable key for the review and some text either side to judge it by. */
export interface FieldProposal extends Proposal {
  field: string;
  /** `${field}:${start}:${end}` */
  key: string;
  before: string;
  after: string;
}

/** `proposalKey('items[0].points[3]', 2, 14)` → 'items[0].points[3]:2:14' */
export function proposalKey(field: string, start: number, end: number): string {
  return `${field}:${start}:${end}`;
}

/**
 * Runs `findRedactions` over every field of a document and adds the key and `context` characters of surrounding
 * text (whitespace collapsed) so a reviewer sees each proposal in context.
 * `proposeRedactions({ fields: { attendance: 'Mw. A. de Vries (DGM)' } }, people)[0].key` → 'attendance:0:15'
 */
export function proposeRedactions(doc: RedactableDocument, people: readonly Person[], options: RedactionOptions & { context?: number } = {}): FieldProposal[] {
  const width = options.context ?? 40;
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return Object.entries(doc.fields).flatMap(([field, text]) =>
    findRedactions(text, people, options).map((p) => ({
      ...p,
      field,
      key: proposalKey(field, p.start, p.end),
      before: flat(text.slice(Math.max(0, p.start - width), p.start)),
      after: flat(text.slice(p.end, p.end + width)),
    })),
  );
}

export interface ReviewDecision {
  key: string;
  accept: boolean;
  /** The text the reviewer saw; when given it must still be the proposal's text (guards against a changed text). */
  text?: string;
}

/** A span the reviewer adds by hand, e.g. a first name the heuristics cannot know. */
export interface ManualRedaction {
  field: string;
  start: number;
  end: number;
  /** The text the reviewer selected; checked against the field by `prepareWooVersion`. */
  text?: string;
}

export interface ReviewOutcome {
  /** Per field, sorted and non-overlapping (overlapping accepted and manual spans are merged): ready for `redactDocument`. */
  spans: Record<string, RedactionSpan[]>;
  accepted: FieldProposal[];
  rejected: FieldProposal[];
  manual: ManualRedaction[];
}

/**
 * Turns a review into spans. Every proposal needs exactly one decision (unless `undecided` says what to do with
 * the rest), decisions must name existing proposals, and manual spans are added; overlapping spans are merged.
 * `reviewProposals(proposals, [{ key: 'attendance:0:15', accept: true }], [{ field: 'items[0].points[0]', start: 2, end: 6 }])`
 */
export function reviewProposals(
  proposals: readonly FieldProposal[],
  decisions: readonly ReviewDecision[],
  manual: readonly ManualRedaction[] = [],
  options: { undecided?: 'error' | 'accept' | 'reject' } = {},
): ReviewOutcome {
  const byKey = new Map(proposals.map((p) => [p.key, p]));
  const decided = new Map<string, boolean>();
  decisions.forEach((d, i) => {
    const p = byKey.get(d.key);
    if (!p) throw new MeetingError('beoordeling-onbekend', `decisions[${i}].key: '${d.key}' is geen voorstel (meer); laat de voorstellen opnieuw bepalen.`, { field: `decisions[${i}].key` });
    if (d.text !== undefined && d.text !== p.text) {
      throw new MeetingError('beoordeling-onbekend', `decisions[${i}].text: het voorstel ${d.key} luidt nu '${p.text}', niet '${d.text}'; de tekst is gewijzigd, beoordeel opnieuw.`, { field: `decisions[${i}].text` });
    }
    if (decided.has(d.key)) throw new MeetingError('beoordeling-dubbel', `decisions[${i}].key: over ${d.key} is al beslist.`, { field: `decisions[${i}].key` });
    if (typeof d.accept !== 'boolean') throw new MeetingError('beoordeling-onvolledig', `decisions[${i}].accept: kies overnemen (true) of afwijzen (false).`, { field: `decisions[${i}].accept` });
    decided.set(d.key, d.accept);
  });
  const open = proposals.filter((p) => !decided.has(p.key));
  const mode = options.undecided ?? 'error';
  if (open.length > 0 && mode === 'error') {
    const first = open[0]!;
    throw new MeetingError('beoordeling-onvolledig', `decisions: over ${open.length === 1 ? 'één voorstel' : `${open.length} voorstellen`} is nog niet beslist, te beginnen met '${first.text}' (${first.key}).`, { field: 'decisions' });
  }
  manual.forEach((m, i) => {
    if (typeof m.field !== 'string' || !m.field) throw new MeetingError('veld-onbekend', `manual[${i}].field: geef aan in welk tekstveld de weglakking staat.`, { field: `manual[${i}].field` });
    if (!Number.isSafeInteger(m.start) || !Number.isSafeInteger(m.end) || m.start < 0 || m.start >= m.end) {
      throw new MeetingError('redactie-ongeldig', `manual[${i}]: een weglakking loopt van een begin tot een later einde (hele getallen ≥ 0), niet van ${String(m.start)} tot ${String(m.end)}.`, { field: `manual[${i}]` });
    }
  });
  const accepted = proposals.filter((p) => decided.get(p.key) ?? mode === 'accept');
  const rejected = proposals.filter((p) => !(decided.get(p.key) ?? mode === 'accept'));
  const perField = new Map<string, RedactionSpan[]>();
  for (const s of [...accepted, ...manual]) {
    const list = perField.get(s.field) ?? [];
    list.push({ start: s.start, end: s.end });
    perField.set(s.field, list);
  }
  const spans: Record<string, RedactionSpan[]> = {};
  for (const [field, list] of perField) {
    list.sort((a, b) => a.start - b.start);
    const merged: RedactionSpan[] = [];
    for (const s of list) {
      const last = merged[merged.length - 1];
      if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    spans[field] = merged;
  }
  return { spans, accepted, rejected, manual: [...manual] };
}

/**
 * Applies spans per field; fields without spans are copied unchanged. A span for a field the document does not
 * have is an error, so a stale review cannot silently redact nothing.
 * `redactDocument({ fields: { a: 'Mw. Jansen zegt' } }, { a: [{ start: 0, end: 10 }] }).fields.a` → '[5.1.2e] zegt'
 */
export function redactDocument(doc: RedactableDocument, spans: Readonly<Record<string, readonly RedactionSpan[]>>, ground: string = WOO_GROUND): RedactableDocument {
  for (const field of Object.keys(spans)) {
    if (!Object.hasOwn(doc.fields, field)) throw new MeetingError('veld-onbekend', `spans.${field}: het document heeft geen tekstveld '${field}'.`, { field: `spans.${field}` });
  }
  const fields: Record<string, string> = {};
  for (const [field, text] of Object.entries(doc.fields)) {
    const list = spans[field];
    fields[field] = list && list.length > 0 ? applyRedactions(text, list, ground, `spans.${field}`) : text;
  }
  return { fields };
}

/** A non-public person (the register's entry) whose name is still readable, with where. */
export type Leak = Person & { occurrences: { start: number; end: number; text: string }[] };

/**
 * The non-public people (register entries plus `occurrences`) whose names still occur in a text meant for
 * publication. Applies the same
 * protection as `findRedactions` (a civil servant's 'Groot' inside 'dhr. Groot Wassink' is no leak), so the leak
 * check of a text with every known-person proposal applied is empty. `caseInsensitive` also finds 'JANSEN' and
 * 'jansen' (stricter, with false alarms on surnames that are words). Empty means: no known name leaks.
 * `leakCheck('[5.1.2e] (DGM) en Dhr. Van der Burg', people)` → []
 */
export function leakCheck(publishedText: string, people: readonly Person[], options: { organisations?: readonly string[]; caseInsensitive?: boolean } = {}): Leak[] {
  const { known } = scan(publishedText, people, { ...options, heuristics: false });
  const found = new Map<Person, Leak['occurrences']>();
  for (const k of known) {
    const list = found.get(k.person!) ?? [];
    list.push({ start: k.start, end: k.end, text: publishedText.slice(k.start, k.end) });
    found.set(k.person!, list);
  }
  return people.flatMap((p) => {
    const occurrences = found.get(p);
    return occurrences ? [{ ...p, occurrences: occurrences.sort((a, b) => a.start - b.start) }] : [];
  });
}

/** `leakCheck` per field of a document; only fields with leaks are listed. */
export function leakCheckDocument(doc: RedactableDocument, people: readonly Person[], options: { organisations?: readonly string[]; caseInsensitive?: boolean } = {}): { field: string; leaks: Leak[] }[] {
  return Object.entries(doc.fields).flatMap(([field, text]) => {
    const leaks = leakCheck(text, people, options);
    return leaks.length > 0 ? [{ field, leaks }] : [];
  });
}

export interface WooVersionInput {
  doc: RedactableDocument;
  people: readonly Person[];
  decisions: readonly ReviewDecision[];
  manual?: readonly ManualRedaction[];
  options?: RedactionOptions & { undecided?: 'error' | 'accept' | 'reject' };
}

export interface WooVersion {
  doc: RedactableDocument;
  proposals: FieldProposal[];
  review: ReviewOutcome;
  /** Known non-public names still in the public version (e.g. a proposal the reviewer rejected). */
  leaks: { field: string; leaks: Leak[] }[];
}

/**
 * The public version of a document from a recorded review: proposals are computed afresh from the current text,
 * so a review of an older text fails on its keys instead of redacting the wrong words; manual spans must lie in
 * their field (and match their `text` when given). Whether leaks block publication is the caller's decision.
 */
export function prepareWooVersion(input: WooVersionInput): WooVersion {
  const { doc, people, decisions, manual = [], options = {} } = input;
  const proposals = proposeRedactions(doc, people, options);
  manual.forEach((m, i) => {
    const text = doc.fields[m.field];
    if (text === undefined) throw new MeetingError('veld-onbekend', `manual[${i}].field: het document heeft geen tekstveld '${m.field}'.`, { field: `manual[${i}].field` });
    if (m.end > text.length) throw new MeetingError('redactie-buiten-tekst', `manual[${i}]: de weglakking ${m.start}–${m.end} valt buiten het veld ${m.field} (lengte ${text.length}).`, { field: `manual[${i}]` });
    if (m.text !== undefined && text.slice(m.start, m.end) !== m.text) {
      throw new MeetingError('beoordeling-onbekend', `manual[${i}].text: op ${m.start}–${m.end} staat nu '${text.slice(m.start, m.end)}', niet '${m.text}'; de tekst is gewijzigd.`, { field: `manual[${i}].text` });
    }
  });
  const review = reviewProposals(proposals, decisions, manual, options.undecided ? { undecided: options.undecided } : {});
  const out = redactDocument(doc, review.spans);
  return { doc: out, proposals, review, leaks: leakCheckDocument(out, people, options.organisations ? { organisations: options.organisations } : {}) };
}
