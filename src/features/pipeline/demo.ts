import type { DemoStep } from '../demo/seed.ts';
import { systemActor } from '../audit/audit.ts';
import { DEMO_DELIVERY_CHANGES, DEMO_PIPELINE, DEMO_TRACKS } from '../../domain/pipeline/index.ts';
import { createProject, createTrack, updateProject } from './service.ts';

const actor = systemActor('demodata');

/**
 * The pipeline as the LRT might have seen it on 8 July 2022 (invented projects in real municipalities, see
 * domain/pipeline/demo.ts). Each project is entered with its first expected delivery date and then moved through
 * its recorded history, so the slips and their reasons come from the same code a user's change goes through.
 */
export const pipelineDemoStep: DemoStep = {
  name: 'woningpijplijn-2022',
  async run(db) {
    for (const t of DEMO_TRACKS) {
      await createTrack(db, actor, { code: t.code, name: t.name, provinceCode: t.regionCode, ownerOrganisation: t.ownerOrganisation, description: null });
    }
    for (const p of DEMO_PIPELINE) {
      const created = await createProject(db, actor, {
        trackCode: p.trackCode,
        reference: p.reference ?? `DEMO-${p.id}`,
        name: p.name ?? p.reference ?? `Project ${p.id}`,
        municipalityCode: p.municipalityCode,
        party: p.party,
        homeType: p.homeType,
        units: p.units,
        reservedUnits: p.reservedUnits,
        expectedDelivery: p.firstExpectedDelivery,
        status: p.status,
        costPerUnitCents: p.costPerUnitCents,
      });
      let version = created.version;
      const moves = DEMO_DELIVERY_CHANGES.filter((c) => c.projectId === p.id).sort((a, b) => a.changedOn.localeCompare(b.changedOn));
      for (const m of moves) {
        version = (await updateProject(db, actor, created.id, version, { expectedDelivery: m.to, reason: m.reason }, m.changedOn)).version;
      }
    }
  },
};
