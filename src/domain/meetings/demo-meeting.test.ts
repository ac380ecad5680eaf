import { describe, expect, it } from 'vitest';
import { attendanceText, checkAttendance } from './attendance.ts';
import { checkBodyMembers } from './bodies.ts';
import { DEMO_ATTENDANCE, DEMO_CIVIL_SERVANTS, DEMO_MEMBERS, DEMO_MINUTES_ITEMS, DEMO_PEOPLE, DEMO_PUBLIC_PEOPLE, demoDocument, DEMO_AGENDA } from './demo-meeting.ts';
import { checkMinutesItems } from './minutes.ts';
import { checkPerson, displayName } from './people.ts';
import { findRedactions, leakCheckDocument, prepareWooVersion, proposeRedactions } from './redaction.ts';

/** The readable part of the seed as published (attendance and item 1), civil servants' names blank. */
const PUBLISHED_SEED = ` Vergaderdatum 8 juli 2022 
Aanwezig Mw. Bruins Slot (MBZK), Dhr. Van der Burg (SJenV), 

Mevr. Klijnsma (Rijksheren), Dhr. De Reus (IPO), Dhr. 
Weterings (VNG), dhr. Groot Wassink (VNG), Mevr. 
Kompier (VNG), Mevr. Lamers (Aedes),  

 (DGM),  (DGSZI),  
(DGOBDR),  (DGRVB) Dhr. Schoenmaker 
(COA), secretariaat, ondersteuning 

1. Opening en mededelingen  

• Mw. Van Gennip kan niet aanwezig zijn en wordt vervangen door 

DGSZI. 
• Dhr. De Jonge kan niet aanwezig zijn en wordt vervangen door 

DGRVB. Zij vervangt tevens DGVB.  
• Dhr. Van Rijn kan niet aanwezig zijn en wordt vervangen door mw. 

Lamers.  
•  wordt vervangen door  die de rol van 

de  overneemt.  
• Het verslag van 15 juni is vastgesteld.  
`;

describe('the demo register and meeting', () => {
  it('is valid by the rules of this folder', () => {
    for (const p of DEMO_PEOPLE) expect(checkPerson(p)).toEqual(p);
    expect(new Set(DEMO_PEOPLE.map((p) => p.id)).size).toBe(DEMO_PEOPLE.length);
    checkBodyMembers(DEMO_MEMBERS);
    expect(checkMinutesItems(DEMO_MINUTES_ITEMS)).toEqual(DEMO_MINUTES_ITEMS);
    expect(DEMO_MINUTES_ITEMS.map((i) => [i.number, i.title])).toEqual(DEMO_AGENDA.map((a) => [a.number, a.title]));
    expect(DEMO_MINUTES_ITEMS[0]!.decisions).toContain('Het verslag van 15 juni is vastgesteld.');
  });

  it('has the seed’s substitutions: DGRVB for the minister for VRO and DGVB, mw. Lamers for dhr. Van Rijn', () => {
    const s = checkAttendance(DEMO_MEMBERS.map((m) => m.personId), DEMO_ATTENDANCE);
    expect(s.substitutions).toEqual([
      { substitute: { personId: 'jansen' }, members: ['van-gennip'] },
      { substitute: { personId: 'van-den-berg' }, members: ['de-jonge', 'mulder'] },
      { substitute: { personId: 'lamers' }, members: ['van-rijn'] },
      { substitute: { personId: 'brouwer' }, members: ['dekker'] },
    ]);
    expect(attendanceText(DEMO_PEOPLE, s).present.startsWith('Mw. Bruins Slot (MBZK), Dhr. Van der Burg (SJenV), Mevr. Klijnsma (Rijksheren), Dhr. De Reus (IPO)')).toBe(true);
  });

  it('marks as public office holders exactly the people readable in the published seed', () => {
    for (const p of DEMO_PUBLIC_PEOPLE) expect(PUBLISHED_SEED.replace(/\s+/g, ' ')).toContain(displayName(p).replace(/^(Mw|Mevr|Dhr)\. /, ''));
    // Nothing readable in the published seed would be proposed for redaction with this register.
    expect(findRedactions(PUBLISHED_SEED, DEMO_PEOPLE)).toEqual([]);
    // Without a register, the heuristics would propose every titled name in it for review.
    expect(findRedactions(PUBLISHED_SEED, []).map((p) => p.text.replace(/\s+/g, ' '))).toEqual([
      'Mw. Bruins Slot', 'Dhr. Van der Burg', 'Mevr. Klijnsma', 'Dhr. De Reus', 'Dhr. Weterings', 'dhr. Groot Wassink', 'Mevr. Kompier', 'Mevr. Lamers',
      'Dhr. Schoenmaker', 'Mw. Van Gennip', 'Dhr. De Jonge', 'Dhr. Van Rijn', 'mw. Lamers',
    ]);
  });
});

describe('redacting the demo minutes', () => {
  const doc = demoDocument();
  const proposals = proposeRedactions(doc, DEMO_PEOPLE);
  const published = prepareWooVersion({ doc, people: DEMO_PEOPLE, decisions: proposals.map((p) => ({ key: p.key, accept: true })) });
  const all = Object.values(published.doc.fields).join('\n');

  it('finds only registered civil servants, each in the attendance and in the text', () => {
    expect(proposals.every((p) => p.reason === 'bekende-persoon')).toBe(true);
    expect(new Set(proposals.map((p) => p.personId))).toEqual(new Set(DEMO_CIVIL_SERVANTS.map((p) => p.id)));
    expect(proposals.filter((p) => p.field === 'items[0].points[3]').map((p) => p.text)).toEqual(['Dhr. F. Dekker', 'mw. G. Brouwer', 'de heer Dekker']);
  });

  it('leaves every public office holder’s surname readable and no invented civil servant’s name', () => {
    expect(published.leaks).toEqual([]);
    for (const p of DEMO_PUBLIC_PEOPLE) expect(all, p.surname).toContain(p.surname);
    for (const p of DEMO_CIVIL_SERVANTS) {
      expect(all).not.toMatch(new RegExp(`(?<![\\p{L}])${p.surname}(?![\\p{L}])`, 'iu'));
      expect(all).not.toContain(`${p.initials!} `);
    }
    expect(published.doc.fields['items[0].points[1]']).toBe('Dhr. De Jonge kan niet aanwezig zijn en wordt vervangen door [5.1.2e] (DGRVB). Zij vervangt tevens [5.1.2e] (DGVB).');
    expect(published.doc.fields['items[1].actions[0].holderPerson']).toBe('[5.1.2e]');
    for (const org of ['MBZK', 'SJenV', 'Rijksheren', 'IPO', 'VNG', 'Aedes', 'COA', 'DGM', 'DGSZI', 'DGOBDR', 'DGRVB', 'DGVB']) expect(all).toContain(org);
  });

  it('would leak when a reviewer rejects a proposal, and the leak check says whose name', () => {
    const rejectOne = prepareWooVersion({ doc, people: DEMO_PEOPLE, decisions: proposals.map((p) => ({ key: p.key, accept: p.key !== proposals[0]!.key })) });
    expect(rejectOne.leaks.map((l) => l.field)).toEqual([proposals[0]!.field]);
    expect(leakCheckDocument(doc, DEMO_PEOPLE).flatMap((f) => f.leaks.map((l) => l.id)).sort()).toEqual(expect.arrayContaining(DEMO_CIVIL_SERVANTS.map((p) => p.id)));
  });
});
