import { describe, expect, it } from 'vitest';
import { checkPerson, displayName, fullName, initialTokens, isPublicOffice, nameVariants, personPattern, type Person } from './people.ts';
import { caught } from './test-helpers.ts';

const vanDerBurg: Person = { id: 1, title: 'Dhr.', givenName: 'Eric', initials: 'E.', tussenvoegsel: 'van der', surname: 'Burg', organisation: 'JenV', publicOffice: true };

describe('isPublicOffice', () => {
  it('suggests public office for the listed functions as whole words, any case', () => {
    expect(isPublicOffice('Wethouder Amsterdam')).toBe(true);
    expect(isPublicOffice('minister van BZK')).toBe(true);
    expect(isPublicOffice('Commissaris van de Koning in Drenthe')).toBe(true);
    expect(isPublicOffice('voorzitter Aedes')).toBe(true);
    expect(isPublicOffice('gedeputeerde')).toBe(true);
  });

  it('does not suggest it for civil servants or parts of words', () => {
    expect(isPublicOffice('directeur-generaal Migratie')).toBe(false);
    expect(isPublicOffice('vicevoorzitter')).toBe(false);
    expect(isPublicOffice('oud-ministerie medewerker')).toBe(false);
    expect(isPublicOffice(undefined)).toBe(false);
    expect(isPublicOffice('')).toBe(false);
  });
});

describe('names', () => {
  it('writes the minutes form with a capitalised tussenvoegsel and the full form with a lower-case one', () => {
    expect(displayName(vanDerBurg)).toBe('Dhr. Van der Burg');
    expect(displayName({ surname: 'Klijnsma' })).toBe('Klijnsma');
    expect(fullName(vanDerBurg)).toBe('Eric van der Burg');
    expect(fullName({ ...vanDerBurg, givenName: undefined })).toBe('E. van der Burg');
    expect(fullName({ title: 'Mw.', surname: 'Lamers' })).toBe('Mw. Lamers');
  });

  it('reads initials with and without dots', () => {
    expect(initialTokens('E.J.')).toEqual(['E', 'J']);
    expect(initialTokens('Th. J')).toEqual(['Th', 'J']);
    expect(initialTokens('EJ')).toEqual(['E', 'J']);
    expect(initialTokens(undefined)).toEqual([]);
  });
});

describe('checkPerson', () => {
  it('normalises initials and tussenvoegsel and moves a tussenvoegsel out of the surname', () => {
    expect(checkPerson({ id: 1, surname: ' van der  Burg ', initials: 'ej', organisation: ' JenV ', publicOffice: true })).toEqual({
      id: 1,
      surname: 'Burg',
      tussenvoegsel: 'van der',
      initials: 'E.J.',
      organisation: 'JenV',
      publicOffice: true,
    });
    expect(checkPerson({ id: 2, surname: 'De', organisation: 'X', publicOffice: false }).surname).toBe('De');
    expect(checkPerson({ id: 3, surname: 'Groot Wassink', organisation: 'VNG', publicOffice: true }).tussenvoegsel).toBeUndefined();
    expect(checkPerson({ id: 4, tussenvoegsel: 'Van', surname: 'Rijn', organisation: 'Aedes', publicOffice: true }).tussenvoegsel).toBe('van');
  });

  it('names the field that is wrong', () => {
    expect(caught(() => checkPerson({ id: 1, surname: ' ', organisation: 'X', publicOffice: false }))).toMatchObject({ code: 'tekst-ontbreekt', field: 'person.surname' });
    expect(caught(() => checkPerson({ id: 1, surname: 'A', organisation: '', publicOffice: false }, 'people[2]'))).toMatchObject({ code: 'tekst-ontbreekt', field: 'people[2].organisation' });
    expect(caught(() => checkPerson({ id: 1, surname: 'A', organisation: 'X', publicOffice: 'ja' as unknown as boolean }))).toMatchObject({ field: 'person.publicOffice' });
    expect(caught(() => checkPerson({ id: 1, surname: 'A', organisation: 'X', publicOffice: false, title: 'Sir' as Person['title'] }))).toMatchObject({ field: 'person.title' });
    expect(caught(() => checkPerson({ id: 1, surname: 'A', organisation: 'X', publicOffice: false, initials: 'e.1.' }))).toMatchObject({ field: 'person.initials' });
  });
});

describe('nameVariants', () => {
  const variants = nameVariants(vanDerBurg);

  it('lists the forms the brief names, longest first', () => {
    for (const v of ['Van der Burg', 'van der Burg', 'Burg', 'Dhr. Van der Burg', 'dhr. van der Burg', 'Mw. Van der Burg', 'De heer Van der Burg', 'mevrouw van der Burg', 'E. van der Burg', 'E. Van der Burg', 'Eric van der Burg', 'Dhr. E. van der Burg']) {
      expect(variants).toContain(v);
    }
    for (let i = 1; i < variants.length; i++) expect(variants[i - 1]!.length).toBeGreaterThanOrEqual(variants[i]!.length);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('spells several initials compact, spaced and as the first only', () => {
    const v = nameVariants({ initials: 'E.J.', surname: 'Jansen' });
    expect(v).toEqual(expect.arrayContaining(['E.J. Jansen', 'E. J. Jansen', 'E. Jansen', 'Mevr. E.J. Jansen', 'Jansen']));
    expect(v).not.toContain('Mevr. Jansen Jansen');
  });

  it('is matched in full by the person pattern, each variant', () => {
    const re = new RegExp(`^(?:${personPattern(vanDerBurg)})$`, 'u');
    for (const v of variants) expect(re.test(v), v).toBe(true);
    // Surnames are case-sensitive; tussenvoegsels and titles are not.
    expect(re.test('van der burg')).toBe(false);
    expect(re.test('VAN DER Burg')).toBe(true);
    expect(re.test('DHR. Van der Burg')).toBe(true);
    expect(new RegExp(`^(?:${personPattern(vanDerBurg, { caseInsensitive: true })})$`, 'u').test('van der burg')).toBe(true);
  });
});
