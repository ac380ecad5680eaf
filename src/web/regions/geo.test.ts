import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { projectShapes, provinceFeatures } from './geo.ts';

// The test reads the file itself so it does not depend on the web build's .topojson plugin.
const topology = JSON.parse(
  readFileSync(new URL('../../../data/nl_provincie_2023_wgs84.topojson', import.meta.url), 'utf8'),
) as Topology;

describe('province map geometry', () => {
  const features = provinceFeatures(topology);

  it('has the twelve provinces PV20..PV31 with their names', () => {
    const codes = features.features.map((f) => f.properties.statcode).sort();
    expect(codes).toEqual(Array.from({ length: 12 }, (_, i) => `PV${20 + i}`));
    expect(features.features.find((f) => f.properties.statcode === 'PV27')?.properties.statnaam).toBe('Noord-Holland');
  });

  it('draws every province inside the box (a wrongly wound ring would cover the whole box)', () => {
    const shapes = projectShapes(features, 400, 480);
    for (const shape of shapes) {
      const numbers = shape.d.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      expect(numbers.length).toBeGreaterThan(20);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-0.5);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(480.5);
    }
  });
});

describe('map padding', () => {
  it('keeps the shapes clear of the edges when asked', () => {
    const shapes = projectShapes(provinceFeatures(topology), 400, 480, 6);
    const numbers = shapes.flatMap((s) => s.d.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? []);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(5.5);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(474.5);
  });
});
