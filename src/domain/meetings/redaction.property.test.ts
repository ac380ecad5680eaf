/**
 * Property tests of redaction over random registers and random texts built from their name variants and filler:
 * applying the proposals for known non-public people leaves no such name (by the leak check and by a plain
 * substring search that does not share the matcher), public office holders' names all survive, every listed
 * variant is proposed in full, and applying spans changes nothing outside them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameVariants, type Person } from './people.ts';
import { applyRedactions, findRedactions, leakCheck, redactionMarker } from './redaction.ts';

// Surnames share no word and none is part of another, of a given name, a title or the filler: a substring search
// for a surname then finds exactly that person's name.
const SURNAMES = ['Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Dekker', 'Brouwer', 'Hendriks', 'Dijkstra', 'Kok', 'Vermeulen', 'Koster', 'Prins', 'Postma', 'Kramer', 'Wolters', 'Bruins Slot', 'Groot Wassink', 'Özdemir', 'El Idrissi'];
const GIVEN = ['Anna', 'Eric', 'Jan Willem', 'Fatima', 'Joost', 'Marieke', 'Özlem'];
const TUSSENVOEGSELS = ['de', 'van', 'van der', 'van den', "'t", 'ten', 'in ’t'];
const ORGANISATIONS = ['BZK', 'JenV', 'VNG', 'IPO', 'COA', 'Aedes'];
const FILLER = ['en', 'meldt dat', 'de VNG', 'het COA', 'zij', 'overleg', 'SJenV', 'wordt vervangen door', 'de opvang', '2.193', '(IPO)', 'Het verslag', 'de', 'tevens', 'z.s.m.'];
const SEPARATORS = [' ', ', ', '; ', '\n', '. ', ' (', ') '];

const personArb = (surname: string, index: number): fc.Arbitrary<Person> =>
  fc
    .record({
      tv: fc.option(fc.constantFrom(...TUSSENVOEGSELS), { nil: undefined }),
      initials: fc.option(fc.array(fc.constantFrom('A', 'B', 'E', 'J', 'K', 'M', 'Th'), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      given: fc.option(fc.constantFrom(...GIVEN), { nil: undefined }),
      title: fc.option(fc.constantFrom('Dhr.' as const, 'Mw.' as const, 'Mevr.' as const), { nil: undefined }),
      organisation: fc.constantFrom(...ORGANISATIONS),
      publicOffice: fc.boolean(),
    })
    .map((r) => ({
      id: index,
      surname,
      organisation: r.organisation,
      publicOffice: r.publicOffice,
      ...(r.tv ? { tussenvoegsel: r.tv } : {}),
      ...(r.initials ? { initials: r.initials.map((i) => `${i}.`).join('') } : {}),
      ...(r.given ? { givenName: r.given } : {}),
      ...(r.title ? { title: r.title } : {}),
    }));

const registerArb: fc.Arbitrary<Person[]> = fc
  .shuffledSubarray(SURNAMES, { minLength: 1, maxLength: 6 })
  .chain((names) => fc.tuple(...names.map((n, i) => personArb(n, i))));

type Segment = { person: number; variant: number } | { filler: string };

const textArb = (people: Person[]): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.record({ person: fc.nat({ max: people.length - 1 }), variant: fc.nat() }) },
          { weight: 2, arbitrary: fc.record({ filler: fc.constantFrom(...FILLER) }) },
        ) as fc.Arbitrary<Segment>,
        fc.constantFrom(...SEPARATORS),
      ),
      { minLength: 1, maxLength: 14 },
    )
    .map((parts) =>
      parts
        .map(([seg, sep]) => {
          if ('filler' in seg) return seg.filler + sep;
          const variants = nameVariants(people[seg.person]!);
          return variants[seg.variant % variants.length]! + sep;
        })
        .join(''),
    );

const countOf = (text: string, needle: string) => text.split(needle).length - 1;

describe('redaction over random registers and texts', () => {
  it('proposes sorted, non-overlapping spans that are what they say', () => {
    fc.assert(
      fc.property(registerArb.chain((people) => fc.tuple(fc.constant(people), textArb(people))), ([people, text]) => {
        const proposals = findRedactions(text, people);
        proposals.forEach((p, i) => {
          expect(p.text).toBe(text.slice(p.start, p.end));
          expect(p.ground).toBe('5.1.2e');
          if (i > 0) expect(p.start).toBeGreaterThanOrEqual(proposals[i - 1]!.end);
          if (p.reason === 'bekende-persoon') expect(people.find((x) => x.id === p.personId)?.publicOffice).toBe(false);
        });
      }),
    );
  });

  it('leaves no known non-public name once the known-person proposals are applied, and every public name', () => {
    fc.assert(
      fc.property(registerArb.chain((people) => fc.tuple(fc.constant(people), textArb(people))), ([people, text]) => {
        const known = findRedactions(text, people).filter((p) => p.reason === 'bekende-persoon');
        const out = applyRedactions(text, known);
        expect(leakCheck(out, people)).toEqual([]);
        for (const p of people) {
          if (p.publicOffice) expect(countOf(out, p.surname), `${p.surname} moet leesbaar blijven in: ${out}`).toBe(countOf(text, p.surname));
          else expect(out.includes(p.surname), `${p.surname} is nog leesbaar in: ${out}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('proposes every listed variant of a civil servant in full, and nothing for a public office holder', () => {
    fc.assert(
      fc.property(
        registerArb.chain((people) => fc.tuple(fc.constant(people), fc.nat({ max: people.length - 1 }), fc.nat())),
        ([people, who, pick]) => {
          const person = people[who]!;
          const variants = nameVariants(person);
          const variant = variants[pick % variants.length]!;
          const prefix = 'Volgens ';
          // With and without heuristics: the register alone must find the whole variant, title included.
          for (const heuristics of [true, false]) {
            const proposals = findRedactions(`${prefix}${variant}, zo bleek.`, people, { heuristics });
            if (person.publicOffice) expect(proposals).toEqual([]);
            else expect(proposals).toEqual([expect.objectContaining({ start: prefix.length, end: prefix.length + variant.length, personId: person.id, reason: 'bekende-persoon' })]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('replaces each span by the marker and changes nothing outside the spans', () => {
    const arb = fc
      .string({ unit: fc.constantFrom('a', 'B', ' ', '.', '\n', 'é', '5', ']'), maxLength: 60 })
      .chain((text) => fc.tuple(fc.constant(text), fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 10 })));
    fc.assert(
      fc.property(arb, ([text, cuts]) => {
        const points = [...cuts].sort((a, b) => a - b);
        const spans: { start: number; end: number }[] = [];
        for (let i = 0; i + 1 < points.length; i += 2) spans.push({ start: points[i]!, end: points[i + 1]! });
        const out = applyRedactions(text, [...spans].reverse());
        const marker = redactionMarker();
        expect(out.length).toBe(text.length - spans.reduce((n, s) => n + s.end - s.start, 0) + spans.length * marker.length);
        const outside = [0, ...spans.flatMap((s) => [s.start, s.end]), text.length];
        const pieces: string[] = [];
        for (let i = 0; i < outside.length; i += 2) pieces.push(text.slice(outside[i]!, outside[i + 1]!));
        expect(out.split(marker)).toEqual(pieces);
      }),
    );
  });
});
