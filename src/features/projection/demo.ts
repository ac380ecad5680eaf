import fs from 'node:fs';
import path from 'node:path';
import type { DemoStep } from '../demo/seed.ts';
import { systemActor } from '../audit/audit.ts';
import { saveScenario } from './service.ts';
import { DATA_DIR } from '../regions/reference-data.ts';

/** The two scenarios the LRT compares in the demo ("taakstelling 2022-II 13,500 vs 20,000"), from data/scenarios. */
export const SCENARIO_DIR = path.join(DATA_DIR, 'scenarios');

export const projectionDemoStep: DemoStep = {
  name: 'scenarios-2022',
  async run(db) {
    for (const file of ['taakstelling-13500.json', 'taakstelling-20000.json']) {
      await saveScenario(db, systemActor('demodata'), JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8')));
    }
  },
};
