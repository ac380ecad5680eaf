import { describe, expect, it } from 'vitest';
import { backlogClass, chosenMeasure, chosenPeriod, hasMunicipalGeometry, perThousand, populationDateFor, shareClass } from './measures.ts';

describe('maps page measures', () => {
  it('takes the backlog per 1,000 inhabitants to two decimals, and nothing without a population', () => {
    expect(perThousand(25, 100_000)).toBe(0.25);
    expect(perThousand(13, 48_211)).toBe(0.27);
    expect(perThousand(-40, 80_000)).toBe(-0.5);
    expect(perThousand(5, 0)).toBeNull();
    expect(perThousand(5, null)).toBeNull();
  });

  it('classes the backlog with the breaks on the class above', () => {
    expect([-0.5, 0, 0.01, 0.25, 0.49, 0.5, 1, 3].map(backlogClass)).toEqual(['geen', 'geen', 'laag', 'midden', 'midden', 'hoog', 'zeer-hoog', 'zeer-hoog']);
  });

  it('classes reception places against the share from the exact tenths', () => {
    expect([0, 499, 500, 749, 750, 999, 1000, 1169].map(shareClass)).toEqual(['ver-achter', 'ver-achter', 'achter', 'achter', 'bijna', 'bijna', 'gehaald', 'gehaald']);
  });

  it('knows which periods have municipal boundaries and which population they use', () => {
    expect(hasMunicipalGeometry('2022-II', [2022])).toBe(true);
    expect(hasMunicipalGeometry('2023-I', [2022])).toBe(false);
    expect(populationDateFor('2022-I')).toBe('2021-01-01');
  });

  it('falls back to a measure the reader may see and a known period', () => {
    expect(chosenMeasure('opvang', ['realisatie'])).toBe('realisatie');
    expect(chosenMeasure('opvang', ['realisatie', 'achterstand', 'opvang'])).toBe('opvang');
    expect(chosenMeasure(null, ['realisatie', 'achterstand'])).toBe('realisatie');
    expect(chosenPeriod('2022-II')).toBe('2022-II');
    expect(chosenPeriod('1999-I')).toBe('2022-I');
  });
});
