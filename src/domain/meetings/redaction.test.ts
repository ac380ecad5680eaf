import { describe, expect, it } from 'vitest';
import type { Person } from './people.ts';
import {
  applyRedactions,
  findRedactions,
  leakCheck,
  prepareWooVersion,
  proposeRedactions,
  redactDocument,
  reviewProposals,
  type FieldProposal,
} from './redaction.ts';
import { caught } from './test-helpers.ts';

const deVries: Person = { id: 'dv', title: 'Mw.', givenName: 'Anna', initials: 'A.', tussenvoegsel: 'de', surname: 'Vries', organisation: 'JenV', label: 'DGM', publicOffice: false };
const jansen: Person = { id: 'j', title: 'Dhr.', givenName: 'Pieter', initials: 'P.', surname: 'Jansen', organisation: 'SZW', publicOffice: false };
const groot: Person = { id: 'g', title: 'Dhr.', initials: 'K.', surname: 'Groot', organisation: 'BZK', publicOffice: false };
const vanDerBurg: Person = { id: 'vdb', title: 'Dhr.', initials: 'E.', tussenvoegsel: 'van der', surname: 'Burg', organisation: 'JenV', label: 'SJenV', publicOffice: true };
const grootWassink: Person = { id: 'gw', title: 'Dhr.', surname: 'Groot Wassink', organisation: 'VNG', publicOffice: true };
const people = [deVries, jansen, groot, vanDerBurg, grootWassink];

const texts = (text: string, ps: readonly Person[] = people, heuristics = true) => findRedactions(text, ps, { heuristics }).map((p) => p.text);

describe('findRedactions: known people', () => {
  it('proposes a civil servant with the title in the span, and leaves public office holders and organisations', () => {
    const text = 'Aanwezig: Mw. A. de Vries (DGM), Dhr. Van der Burg (SJenV) en de heer Jansen (SZW).';
    const found = findRedactions(text, people);
    expect(found).toEqual([
      { start: 10, end: 25, text: 'Mw. A. de Vries', personId: 'dv', reason: 'bekende-persoon', ground: '5.1.2e' },
      { start: 62, end: 76, text: 'de heer Jansen', personId: 'j', reason: 'bekende-persoon', ground: '5.1.2e' },
    ]);
  });

  it('finds the registered variants: tussenvoegsel in either case, initials, given name, titles in any case', () => {
    for (const v of ['De Vries', 'de Vries', 'Vries', 'A. de Vries', 'A. De Vries', 'Anna de Vries', 'MW. De Vries', 'mevr. de Vries', 'Mevrouw De Vries', 'Mw. drs. A. de Vries', 'dhr De Vries']) {
      expect(texts(`Volgens ${v}, zo bleek.`, [deVries], false), v).toEqual([v]);
    }
  });

  it('matches across line breaks, as text from a PDF has them', () => {
    expect(texts('Dhr. \nJansen (SZW) en Mw. A. de\nVries', people, false)).toEqual(['Dhr. \nJansen', 'Mw. A. de\nVries']);
  });

  it('keeps surnames case-sensitive and whole words', () => {
    expect(texts('de jansen-sessie, Jansens brief, JANSEN, Janssen', [jansen], false)).toEqual([]);
    expect(texts('een groot probleem; Groot zegt', [groot], false)).toEqual(['Groot']);
  });

  it('does not propose a name inside a longer public office holder’s name', () => {
    expect(texts('dhr. Groot Wassink (VNG) en Groot (BZK)', people, false)).toEqual(['Groot']);
    expect(texts('Dhr. K. Groot en Dhr. Groot Wassink', people, false)).toEqual(['Dhr. K. Groot']);
  });

  it('proposes a name that is exactly a public name too, with a note for the reviewer', () => {
    const twin: Person = { ...vanDerBurg, id: 'twin', title: 'Mw.', publicOffice: false, initials: 'M.' };
    const [p] = findRedactions('Van der Burg meldt', [vanDerBurg, twin]);
    expect(p).toMatchObject({ text: 'Van der Burg', personId: 'twin', note: expect.stringContaining('Dhr. Van der Burg (publieke functie)') });
    // With the initials only the civil servant has, the text is no longer ambiguous.
    expect(findRedactions('M. van der Burg meldt', [vanDerBurg, twin])[0]!.note).toBeUndefined();
  });

  it('handles letters outside ASCII and apostrophes', () => {
    const ozdemir: Person = { id: 'o', surname: 'Özdemir', organisation: 'X', publicOffice: false };
    const hart: Person = { id: 'h', tussenvoegsel: "'t", surname: 'Hart', organisation: 'X', publicOffice: false };
    expect(texts('Mw. Özdemir en Özdemirs', [ozdemir], false)).toEqual(['Mw. Özdemir']);
    expect(texts('Dhr. ’t Hart en ‘t Hart', [hart], false)).toEqual(['Dhr. ’t Hart', '‘t Hart']);
  });
});

describe('findRedactions: names not in the register', () => {
  it('proposes a title followed by a name, or initials followed by a name', () => {
    expect(findRedactions('Het overleg met Dhr. Piet Bakker en J. Pietersen, mevrouw drs. De Wit-Smit en mr. K. van ’t Hek.', people)).toEqual([
      expect.objectContaining({ text: 'Dhr. Piet Bakker', personId: null, reason: 'mogelijke-naam' }),
      expect.objectContaining({ text: 'J. Pietersen', reason: 'mogelijke-naam' }),
      expect.objectContaining({ text: 'mevrouw drs. De Wit-Smit', reason: 'mogelijke-naam' }),
      expect.objectContaining({ text: 'mr. K. van ’t Hek', reason: 'mogelijke-naam' }),
    ]);
  });

  it('does not take sentence starts, abbreviations or organisations for names', () => {
    expect(texts('Zie bijlage A. Daarna t.a.v. B. Het ging goed. Mevrouw de voorzitter sluit. N.B. Dit is z.s.m. klaar.')).toEqual([]);
    expect(texts('Verzoek van Mw. Bakker Aedes steunt dit.', people)).toEqual(['Mw. Bakker']);
  });

  it('never eats into a public office holder’s name or an organisation', () => {
    expect(texts('Dhr. Van der Burg (SJenV) en Mw. Aedes', people)).toEqual([]);
    expect(texts('Dhr. Van der Burg Bakker', people)).toEqual([]);
  });

  it('merges a guess with the known name inside it, keeping the person', () => {
    // 'Piet' is not Pieter: the register finds 'Jansen', the heuristics the whole name; the union is proposed.
    expect(findRedactions('Dhr. Piet Jansen zegt', people)).toEqual([{ start: 0, end: 16, text: 'Dhr. Piet Jansen', personId: 'j', reason: 'bekende-persoon', ground: '5.1.2e' }]);
  });

  it('can be switched off', () => {
    expect(texts('Dhr. Bakker', people, false)).toEqual([]);
  });

  it('protects extra organisation names given by the caller', () => {
    expect(findRedactions('Mw. Bakker Vluchtelingenwerk', people, { organisations: ['Vluchtelingenwerk'] }).map((p) => p.text)).toEqual(['Mw. Bakker']);
    expect(findRedactions('Mw. Bakker Vluchtelingenwerk', people).map((p) => p.text)).toEqual(['Mw. Bakker Vluchtelingenwerk']);
  });
});

describe('applyRedactions', () => {
  it('replaces each span by the marker and leaves the rest', () => {
    expect(applyRedactions('Mw. A. de Vries (DGM) en Dhr. Jansen.', [{ start: 25, end: 36 }, { start: 0, end: 15 }])).toBe('[5.1.2e] (DGM) en [5.1.2e].');
    expect(applyRedactions('ab', [{ start: 0, end: 1 }, { start: 1, end: 2 }])).toBe('[5.1.2e][5.1.2e]');
    expect(applyRedactions('abc', [], '5.1.2i')).toBe('abc');
    expect(applyRedactions('abc', [{ start: 1, end: 2 }], '5.1.2i')).toBe('a[5.1.2i]c');
  });

  it('refuses overlapping, inverted and out-of-text spans', () => {
    expect(caught(() => applyRedactions('abcdef', [{ start: 0, end: 3 }, { start: 2, end: 4 }]))).toMatchObject({ code: 'redactie-overlapt', field: 'spans[1]' });
    expect(caught(() => applyRedactions('abc', [{ start: 2, end: 2 }]))).toMatchObject({ code: 'redactie-ongeldig', field: 'spans[0]' });
    expect(caught(() => applyRedactions('abc', [{ start: 0.5, end: 2 }]))).toMatchObject({ code: 'redactie-ongeldig' });
    expect(caught(() => applyRedactions('abc', [{ start: 1, end: 4 }], undefined, 'spans.aanwezig'))).toMatchObject({ code: 'redactie-buiten-tekst', field: 'spans.aanwezig[0]' });
    expect(caught(() => applyRedactions('abc', [{ start: -1, end: 1 }]))).toMatchObject({ code: 'redactie-buiten-tekst' });
  });
});

describe('review', () => {
  const doc = { fields: { aanwezig: 'Mw. A. de Vries (DGM), Dhr. Van der Burg (SJenV)', 'punt.1': 'Dhr. Bakker meldt dat Jansen later komt. Anna belt.' } };
  const proposals = proposeRedactions(doc, people);

  it('proposes per field with a stable key and context', () => {
    expect(proposals.map((p) => [p.key, p.text, p.reason])).toEqual([
      ['aanwezig:0:15', 'Mw. A. de Vries', 'bekende-persoon'],
      ['punt.1:0:11', 'Dhr. Bakker', 'mogelijke-naam'],
      ['punt.1:22:28', 'Jansen', 'bekende-persoon'],
    ]);
    expect(proposals[2]).toMatchObject({ field: 'punt.1', before: 'Dhr. Bakker meldt dat ', after: ' later komt. Anna belt.' });
  });

  const decide = (accept: Record<string, boolean>) => proposals.map((p) => ({ key: p.key, accept: accept[p.key] ?? true }));

  it('turns decisions and manual spans into merged spans per field', () => {
    const r = reviewProposals(proposals, decide({ 'punt.1:0:11': false }), [
      { field: 'punt.1', start: 41, end: 45 },
      { field: 'punt.1', start: 25, end: 28 },
    ]);
    expect(r.spans).toEqual({ aanwezig: [{ start: 0, end: 15 }], 'punt.1': [{ start: 22, end: 28 }, { start: 41, end: 45 }] });
    expect(r.rejected.map((p) => p.key)).toEqual(['punt.1:0:11']);
    expect(redactDocument(doc, r.spans).fields).toEqual({ aanwezig: '[5.1.2e] (DGM), Dhr. Van der Burg (SJenV)', 'punt.1': 'Dhr. Bakker meldt dat [5.1.2e] later komt. [5.1.2e] belt.' });
  });

  it('needs a decision on every proposal, unless told what to do with the rest', () => {
    expect(caught(() => reviewProposals(proposals, decide({}).slice(1)))).toMatchObject({ code: 'beoordeling-onvolledig', field: 'decisions', message: expect.stringContaining("'Mw. A. de Vries' (aanwezig:0:15)") });
    expect(reviewProposals(proposals, [], [], { undecided: 'accept' }).accepted).toHaveLength(3);
    expect(reviewProposals(proposals, [], [], { undecided: 'reject' }).spans).toEqual({});
  });

  it('refuses decisions on unknown or changed proposals, twice decided ones, and bad manual spans', () => {
    expect(caught(() => reviewProposals(proposals, [...decide({}), { key: 'aanwezig:1:15', accept: true }]))).toMatchObject({ code: 'beoordeling-onbekend', field: 'decisions[3].key' });
    expect(caught(() => reviewProposals(proposals, [{ key: 'aanwezig:0:15', accept: true, text: 'Mw. A. de Wit' }, ...decide({}).slice(1)]))).toMatchObject({ code: 'beoordeling-onbekend', field: 'decisions[0].text' });
    expect(caught(() => reviewProposals(proposals, [...decide({}), decide({})[0]!]))).toMatchObject({ code: 'beoordeling-dubbel', field: 'decisions[3].key' });
    expect(caught(() => reviewProposals(proposals, decide({}), [{ field: 'punt.1', start: 5, end: 5 }]))).toMatchObject({ code: 'redactie-ongeldig', field: 'manual[0]' });
    expect(caught(() => reviewProposals(proposals, decide({}), [{ field: '', start: 1, end: 5 }]))).toMatchObject({ code: 'veld-onbekend', field: 'manual[0].field' });
  });

  it('refuses spans for a field the document does not have', () => {
    expect(caught(() => redactDocument(doc, { 'punt.9': [{ start: 0, end: 1 }] }))).toMatchObject({ code: 'veld-onbekend', field: 'spans.punt.9' });
    expect(caught(() => redactDocument(doc, { aanwezig: [{ start: 0, end: 100 }] }))).toMatchObject({ code: 'redactie-buiten-tekst', field: 'spans.aanwezig[0]' });
  });
});

describe('leakCheck', () => {
  it('names the non-public people whose names are still readable, with where', () => {
    const leaks = leakCheck('[5.1.2e] (DGM), Dhr. Van der Burg, en A. de Vries. Ook Vries.', people);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]!.id).toBe('dv');
    expect(leaks[0]!.occurrences.map((o) => o.text)).toEqual(['A. de Vries', 'Vries']);
  });

  it('follows the same protection as the proposals, and can be stricter about case', () => {
    expect(leakCheck('dhr. Groot Wassink (VNG)', people)).toEqual([]);
    expect(leakCheck('een groot probleem', people)).toEqual([]);
    expect(leakCheck('een groot probleem', people, { caseInsensitive: true }).map((l) => l.id)).toEqual(['g']);
  });
});

describe('prepareWooVersion', () => {
  const doc = { fields: { aanwezig: 'Mw. A. de Vries (DGM), Dhr. Van der Burg (SJenV)', punt: 'Jansen belt Anna.' } };
  const current = proposeRedactions(doc, people);
  const all = (ps: FieldProposal[], accept = true) => ps.map((p) => ({ key: p.key, accept, text: p.text }));

  it('redacts as reviewed and reports what would leak', () => {
    const ok = prepareWooVersion({ doc, people, decisions: all(current), manual: [{ field: 'punt', start: 12, end: 16, text: 'Anna' }] });
    expect(ok.doc.fields).toEqual({ aanwezig: '[5.1.2e] (DGM), Dhr. Van der Burg (SJenV)', punt: '[5.1.2e] belt [5.1.2e].' });
    expect(ok.leaks).toEqual([]);
    const rejected = prepareWooVersion({ doc, people, decisions: all(current, false) });
    expect(rejected.leaks.map((l) => [l.field, l.leaks.map((x) => x.id)])).toEqual([
      ['aanwezig', ['dv']],
      ['punt', ['j']],
    ]);
  });

  it('refuses a review of a text that has changed since', () => {
    const changed = { fields: { ...doc.fields, aanwezig: `Voorzitter: ${doc.fields.aanwezig}` } };
    expect(caught(() => prepareWooVersion({ doc: changed, people, decisions: all(current) }))).toMatchObject({ code: 'beoordeling-onbekend' });
    expect(caught(() => prepareWooVersion({ doc, people, decisions: all(current), manual: [{ field: 'punt', start: 12, end: 16, text: 'Piet' }] }))).toMatchObject({ code: 'beoordeling-onbekend', field: 'manual[0].text' });
    expect(caught(() => prepareWooVersion({ doc, people, decisions: all(current), manual: [{ field: 'punt', start: 12, end: 99 }] }))).toMatchObject({ code: 'redactie-buiten-tekst', field: 'manual[0]' });
    expect(caught(() => prepareWooVersion({ doc, people, decisions: all(current), manual: [{ field: 'x', start: 0, end: 1 }] }))).toMatchObject({ code: 'veld-onbekend', field: 'manual[0].field' });
  });
});
