/** A project for tests: 10 homes, 5 reserved, expected 2023-03-15 in Amsterdam on the flexwoningen track. */
import type { PipelineProject } from './projects.ts';

let nextId = 1000;

export function project(overrides: Partial<PipelineProject> = {}): PipelineProject {
  const expectedDelivery = overrides.expectedDelivery ?? '2023-03-15';
  return {
    id: nextId++,
    trackCode: 'FLEX-NL',
    municipalityCode: 'GM0363',
    party: 'Amstelstad Wonen',
    homeType: 'flexwoning',
    units: 10,
    reservedUnits: 5,
    expectedDelivery,
    firstExpectedDelivery: expectedDelivery,
    status: 'vergund',
    costPerUnitCents: null,
    ...overrides,
  };
}
