import type { DemoStep } from '../demo/seed.ts';
import { systemActor } from '../audit/audit.ts';
import { DEFAULT_LADDER } from '../../domain/agenda/index.ts';
import { createAction, createProgramme, updateAction } from './actions.ts';
import { setLadder } from './escalation.ts';
import { saveReport, setReportSettings, submitReport } from './reports.ts';
import { addDays } from './dates.ts';

const actor = systemActor('demodata');

/**
 * The seed's agenda: the Uitvoeringsagenda Flexibilisering Asielketen with measure 8 (flexible reception) and
 * measure 9 (low- and high-chance applicants), actions with holders and deadlines around the LRT of 8 July 2022,
 * and the provinces' monthly reports over July–September 2022: most on time, some late, some missing. The actions'
 * texts are written for the demo after the minutes; they are not the agenda's official wording.
 */
export const agendaDemoStep: DemoStep = {
  name: 'actieagenda-2022',
  async run(db) {
    await setLadder(db, actor, DEFAULT_LADDER.map((l) => ({ ...l })));
    const ufa = await createProgramme(db, actor, {
      code: 'UFA',
      name: 'Uitvoeringsagenda Flexibilisering Asielketen',
      owner: 'Ministerie van Justitie en Veiligheid',
      measures: [
        { number: 8, title: 'Flexibele opvang: flexibel inzetbare opvangcapaciteit' },
        { number: 9, title: 'Onderscheid tussen kansarme en kansrijke asielzoekers' },
      ],
    });
    const m8 = ufa.measures.find((m) => m.number === 8)!.id;
    const m9 = ufa.measures.find((m) => m.number === 9)!.id;
    const today = '2022-07-08';
    const actions = [
      { measureId: m8, description: 'Inventarisatie van locaties voor flexibele opvang in Noord-Holland aan het PRT voorleggen', holderOrganisation: 'Provincie Noord-Holland', holderPerson: 'PRT-secretaris', holderEmail: 'provincie.nh@regietafel.demo', provinceCode: 'PV27', deadline: '2022-07-29', origin: 'LRT 8 juli 2022, agendapunt 4' },
      { measureId: m8, description: 'Voorstel financieringsregeling flexibele opvang voor gemeenten', holderOrganisation: 'Ministerie van Justitie en Veiligheid', holderPerson: 'DG Migratie', deadline: '2022-08-15', origin: 'LRT 8 juli 2022, agendapunt 4' },
      { measureId: m8, description: 'Twee flexibele opvanglocaties in Groningen in gebruik nemen', holderOrganisation: 'Provincie Groningen', holderPerson: 'PRT-voorzitter', provinceCode: 'PV20', deadline: '2022-09-30', origin: 'PRT Groningen juni 2022' },
      { measureId: m9, description: 'Werkwijze voor snelle doorstroom van kansrijke asielzoekers naar gemeenten uitwerken', holderOrganisation: 'COA', holderPerson: 'Directie Wonen', holderEmail: 'coa@regietafel.demo', deadline: '2022-07-22', origin: 'LRT 8 juli 2022, agendapunt 5' },
      { measureId: m9, description: 'Pilot aparte opvang voor kansarme asielzoekers voorbereiden', holderOrganisation: 'Ministerie van Justitie en Veiligheid', holderPerson: 'DG Migratie', deadline: '2022-06-30', origin: 'Uitvoeringsagenda maart 2022' },
      { measureId: m8, description: 'Huisvesting van 7.500 statushouders uit de opvang: plan per provincie', holderOrganisation: 'Provincie Noord-Holland', holderPerson: 'Gedeputeerde Wonen', provinceCode: 'PV27', deadline: '2022-08-31', origin: 'LRT 8 juli 2022, agendapunt 2' },
    ];
    const ids: number[] = [];
    for (const a of actions) ids.push((await createAction(db, actor, a, today)).id);
    // One finished, one running, one extended with a reason (the ladder starts again from the new deadline).
    await updateAction(db, actor, ids[4]!, 1, { date: '2022-06-28', text: 'Pilotopzet besproken in het LRT; afgerond.', status: 'gereed' }, today);
    await updateAction(db, actor, ids[0]!, 1, { date: '2022-07-20', text: 'Eerste ronde locaties opgehaald bij de gemeenten.', status: 'loopt' }, today);
    await updateAction(db, actor, ids[1]!, 1, { date: '2022-08-10', text: 'Afstemming met BZK en VNG kost meer tijd; nieuwe termijn afgesproken in het LRT.', status: 'vertraagd', deadline: '2022-09-30' }, today);

    await setReportSettings(db, actor, { firstMonth: '2022-07', lastMonth: '2022-09', workingDay: 5 });
    const provinces = (await db.selectFrom('province').select(['code', 'name']).orderBy('code').execute());
    const text = (name: string) => ({
      bottlenecks: `${name}: te weinig geschikte woningen voor alleenstaande statushouders; flexwoningen pas in het vierde kwartaal gereed.`,
      measures: [
        { measure: 'Maatregel 8: flexibele opvang', progress: 'Locaties geïnventariseerd; twee in voorbereiding.' },
        { measure: 'Maatregel 9: kansarm/kansrijk', progress: 'Werkwijze met COA besproken.' },
      ],
    });
    // Deadlines (5th working day): 2022-07 → 5 August, 2022-08 → 7 September, 2022-09 → 7 October.
    const submitted: Record<string, string> = { '2022-07': '2022-08-03', '2022-08': '2022-09-06', '2022-09': '2022-10-05' };
    for (const [month, day] of Object.entries(submitted)) {
      for (const [i, p] of provinces.entries()) {
        // Each month some provinces are late and one does not report; the rest submit before the deadline.
        const late = (i + month.length + Number(month.slice(5))) % 5 === 0;
        const missing = (i + Number(month.slice(5))) % 7 === 0;
        if (missing) continue;
        const draft = await saveReport(db, actor, p.code, month, { version: 0, ...text(p.name) }, day);
        const on = late ? addDays(day, 9) : day;
        await submitReport(db, systemActor(`demodata (${p.code})`), p.code, month, draft.version, on);
      }
    }
  },
};
