/**
 * Demo data for the housing supply pipeline, as the LRT might have seen it on 8 July 2022 (the seed meeting): four
 * tracks, 25 projects in all twelve provinces, delivery dates from 2022 to 2024, some delivered, some slipped (with
 * their history), one dropped, and flexwoningen getting dearer with every half-year, the price effect Aedes warned
 * about (seed minutes, item 5).
 *
 * INVENTED DEMO DATA: the municipalities and their CBS codes (2022) are real; every project, project code, party,
 * number of homes, date, cost and reason below is invented for the demo and describes no real project or
 * organisation. The track owners are the kinds of organisation that own such programmes, not a statement of fact.
 */
import { formatInteger } from '../../lib/dutch.ts';
import type { DeliveryChange, PipelineProject, Track } from './projects.ts';
import type { ProjectStatus } from './statuses.ts';

/** The day the demo describes: the LRT of 8 July 2022. Delivered projects lie on or before it, the rest after. */
export const DEMO_AS_OF = '2022-07-08';

export const DEMO_TRACKS: readonly Track[] = Object.freeze([
  { code: 'FLEX-NL', name: 'Nationaal programma flexwoningen', ownerOrganisation: 'BZK', regionCode: null },
  { code: 'SOCIAAL', name: 'Reguliere toewijzing sociale huur door corporaties', ownerOrganisation: 'Aedes', regionCode: null },
  { code: 'TRANSFORMATIE', name: 'Transformatie van kantoren naar woningen', ownerOrganisation: 'Provincie Zuid-Holland', regionCode: 'PV28' },
  { code: 'GASTGEZIN', name: 'Wonen bij gastgezinnen', ownerOrganisation: 'COA', regionCode: null },
]);

/** The municipalities the demo uses, with their real 2022 names and provinces (data/nl_gemeenten_2022_provincie.csv). */
export const DEMO_MUNICIPALITIES: ReadonlyMap<string, { name: string; provinceCode: string }> = new Map([
  ['GM0014', { name: 'Groningen', provinceCode: 'PV20' }],
  ['GM0034', { name: 'Almere', provinceCode: 'PV24' }],
  ['GM0037', { name: 'Stadskanaal', provinceCode: 'PV20' }],
  ['GM0080', { name: 'Leeuwarden', provinceCode: 'PV21' }],
  ['GM0106', { name: 'Assen', provinceCode: 'PV22' }],
  ['GM0153', { name: 'Enschede', provinceCode: 'PV23' }],
  ['GM0193', { name: 'Zwolle', provinceCode: 'PV23' }],
  ['GM0202', { name: 'Arnhem', provinceCode: 'PV25' }],
  ['GM0268', { name: 'Nijmegen', provinceCode: 'PV25' }],
  ['GM0344', { name: 'Utrecht', provinceCode: 'PV26' }],
  ['GM0363', { name: 'Amsterdam', provinceCode: 'PV27' }],
  ['GM0518', { name: "'s-Gravenhage", provinceCode: 'PV28' }],
  ['GM0546', { name: 'Leiden', provinceCode: 'PV28' }],
  ['GM0599', { name: 'Rotterdam', provinceCode: 'PV28' }],
  ['GM0687', { name: 'Middelburg', provinceCode: 'PV29' }],
  ['GM0772', { name: 'Eindhoven', provinceCode: 'PV30' }],
  ['GM0855', { name: 'Tilburg', provinceCode: 'PV30' }],
  ['GM0935', { name: 'Maastricht', provinceCode: 'PV31' }],
]);

type Spec = [
  id: number,
  trackCode: string,
  reference: string,
  name: string,
  municipalityCode: string,
  party: string,
  homeType: string,
  units: number,
  reservedUnits: number,
  firstExpectedDelivery: string,
  expectedDelivery: string,
  status: ProjectStatus,
  costPerUnitEuro: number | null,
];

// prettier-ignore
const SPECS: readonly Spec[] = [
  // Flexwoningen: dearer every half-year (2022-I € 98.000 → 2024-II € 158.000 per home).
  [1, 'FLEX-NL', 'FLEX-AMS-01', 'Flexwoningen Noorderpark', 'GM0363', 'Amstelstad Wonen', 'flexwoning', 120, 60, '2022-05-02', '2022-06-20', 'opgeleverd', 98_000],
  [2, 'FLEX-NL', 'FLEX-RTM-01', 'Flexwonen Zuiderkwartier', 'GM0599', 'Maasoever Wonen', 'flexwoning', 150, 75, '2022-09-01', '2022-11-15', 'in aanbouw', 108_000],
  [3, 'FLEX-NL', 'FLEX-GRO-01', 'Tijdelijke woningen Oosterhaven', 'GM0014', 'Woonstichting Stad en Ommeland', 'flexwoning', 80, 40, '2022-10-03', '2022-10-03', 'in aanbouw', 110_000],
  [4, 'FLEX-NL', 'FLEX-ARN-01', 'Flexwoningen Rijnoever', 'GM0202', 'Rijnwaal Wonen', 'flexwoning', 60, 30, '2022-12-01', '2023-06-01', 'vergund', 118_000],
  [5, 'FLEX-NL', 'FLEX-TLB-01', 'Modulair wonen Spoorzone-Noord', 'GM0855', 'Woonbedrijf Midden-Brabant', 'flexwoning', 100, 50, '2023-02-01', '2023-02-01', 'vergund', 124_000],
  [6, 'FLEX-NL', 'FLEX-ENS-01', 'Flexwoningen Textielpark', 'GM0153', 'Twentse Woonstichting', 'flexwoning', 48, 24, '2023-05-01', '2023-03-15', 'vergund', 126_000],
  [7, 'FLEX-NL', 'FLEX-LWD-01', 'Tijdelijk wonen Westeinde', 'GM0080', 'Friese Woonmaatschappij', 'flexwoning', 40, 20, '2023-04-03', '2023-07-03', 'planfase', 132_000],
  [8, 'FLEX-NL', 'FLEX-UTR-01', 'Flexwoningen Kanaalzone', 'GM0344', 'Domstad Wonen', 'flexwoning', 200, 100, '2023-09-01', '2023-09-01', 'planfase', 140_000],
  [9, 'FLEX-NL', 'FLEX-ALM-01', 'Flexwonen Weerwater-Oost', 'GM0034', 'Polderstad Wonen', 'flexwoning', 120, 60, '2023-11-01', '2023-11-01', 'planfase', 142_000],
  [10, 'FLEX-NL', 'FLEX-MST-01', 'Tijdelijke woningen Maasboulevard', 'GM0935', 'Maasvallei Wonen', 'flexwoning', 56, 28, '2024-02-01', '2024-02-01', 'idee', 150_000],
  [11, 'FLEX-NL', 'FLEX-ASN-01', 'Flexwoningen Vaartzicht', 'GM0106', 'Drentse Huisvesting', 'flexwoning', 30, 15, '2024-03-01', '2024-03-01', 'idee', 151_000],
  [12, 'FLEX-NL', 'FLEX-MDB-01', 'Flexwoningen Stadsweide', 'GM0687', 'Zeeuwse Woongroep', 'flexwoning', 36, 18, '2024-09-02', '2024-09-02', 'idee', 158_000],
  [13, 'FLEX-NL', 'FLEX-NYM-01', 'Flexwoningen Waalfront-West', 'GM0268', 'Waalstad Wonen', 'flexwoning', 70, 35, '2023-01-16', '2023-01-16', 'vervallen', 120_000],
  // Regular social housing: new homes of which corporations reserve a share for permit holders.
  [14, 'SOCIAAL', 'SOC-DHG-01', 'Hofkwartier fase 1', 'GM0518', 'Hofstad Wonen', 'appartement', 90, 18, '2022-04-01', '2022-06-01', 'opgeleverd', 205_000],
  [15, 'SOCIAAL', 'SOC-LDN-01', 'Singelhof', 'GM0546', 'Sleutelstad Wonen', 'appartement', 64, 13, '2022-11-01', '2022-11-01', 'in aanbouw', 215_000],
  [16, 'SOCIAAL', 'SOC-EHV-01', 'Kempenhof', 'GM0772', 'Kempen Woonbedrijf', 'eengezinswoning', 40, 8, '2023-03-01', '2023-10-02', 'vergund', 245_000],
  [17, 'SOCIAAL', 'SOC-ZWL-01', 'IJsselkade', 'GM0193', 'IJsselland Wonen', 'appartement', 72, 14, '2023-06-01', '2023-06-01', 'vergund', 228_000],
  [18, 'SOCIAAL', 'SOC-AMS-01', 'Amstelhof-Zuid', 'GM0363', 'Amstelstad Wonen', 'appartement', 180, 36, '2024-04-01', '2024-04-01', 'planfase', 240_000],
  [19, 'SOCIAAL', 'SOC-STK-01', 'Kanaalstraat', 'GM0037', 'Veenkoloniale Woonstichting', 'eengezinswoning', 24, 6, '2023-12-01', '2023-12-01', 'idee', null],
  // Offices turned into homes (a regional track of Zuid-Holland).
  [20, 'TRANSFORMATIE', 'TRF-RTM-01', 'Kantoor Blaakhaven', 'GM0599', 'Maasoever Wonen', 'studio (getransformeerd kantoor)', 110, 55, '2022-10-01', '2023-01-16', 'in aanbouw', 135_000],
  [21, 'TRANSFORMATIE', 'TRF-DHG-01', 'Kantoor Beatrixpoort', 'GM0518', 'Hofstad Wonen', 'studio (getransformeerd kantoor)', 85, 85, '2023-05-01', '2023-05-01', 'vergund', 142_000],
  [22, 'TRANSFORMATIE', 'TRF-LDN-01', 'Kantoor Stationsplein-Oost', 'GM0546', 'Sleutelstad Wonen', 'appartement (getransformeerd kantoor)', 40, 20, '2023-09-01', '2024-02-01', 'planfase', 150_000],
  // Host families: a room each; nothing is built, so no cost.
  [23, 'GASTGEZIN', 'GG-UTR-01', 'Gastgezinnen Utrecht voorjaar', 'GM0344', 'Stichting Gastvrij Utrecht', 'kamer bij gastgezin', 25, 25, '2022-06-01', '2022-06-01', 'opgeleverd', null],
  [24, 'GASTGEZIN', 'GG-GRO-01', 'Gastgezinnen Groningen najaar', 'GM0014', 'Stichting Thuis in Stad', 'kamer bij gastgezin', 15, 15, '2022-09-01', '2022-09-01', 'planfase', null],
  [25, 'GASTGEZIN', 'GG-TLB-01', 'Gastgezinnen Tilburg', 'GM0855', 'Stichting Welkom in Tilburg', 'kamer bij gastgezin', 12, 12, '2022-10-03', '2022-10-03', 'idee', null],
];

export const DEMO_PIPELINE: readonly PipelineProject[] = Object.freeze(
  SPECS.map(([id, trackCode, reference, name, municipalityCode, party, homeType, units, reservedUnits, firstExpectedDelivery, expectedDelivery, status, euro]) =>
    Object.freeze({
      id,
      trackCode,
      reference,
      name,
      municipalityCode,
      party,
      homeType,
      units,
      reservedUnits,
      expectedDelivery,
      firstExpectedDelivery,
      status,
      costPerUnitCents: euro === null ? null : euro * 100,
    }),
  ),
);

/**
 * The delivery-date changes of the demo projects, each from the previous date to the next. Projects 2, 4, 16, 20 and
 * 22 slipped; 7 moved later and then partly back (net later); 6 moved earlier; 11 moved earlier and back (net
 * nothing); 1 and 14 slipped before they were delivered.
 */
export const DEMO_DELIVERY_CHANGES: readonly DeliveryChange[] = Object.freeze([
  { projectId: 1, changedOn: '2022-04-15', from: '2022-05-02', to: '2022-06-20', reason: 'Levering van de modules vertraagd' },
  { projectId: 14, changedOn: '2022-03-15', from: '2022-04-01', to: '2022-06-01', reason: 'Tekort aan bouwmaterialen' },
  { projectId: 4, changedOn: '2022-03-01', from: '2022-12-01', to: '2023-03-01', reason: 'Bezwaar tegen de omgevingsvergunning' },
  { projectId: 4, changedOn: '2022-06-20', from: '2023-03-01', to: '2023-06-01', reason: 'Bouwrijp maken duurt langer' },
  { projectId: 7, changedOn: '2022-02-01', from: '2023-04-03', to: '2023-09-01', reason: 'Andere locatie gekozen' },
  { projectId: 7, changedOn: '2022-06-01', from: '2023-09-01', to: '2023-07-03', reason: 'Versnelde procedure' },
  { projectId: 6, changedOn: '2022-05-16', from: '2023-05-01', to: '2023-03-15', reason: 'Modules eerder beschikbaar' },
  { projectId: 11, changedOn: '2022-04-01', from: '2024-03-01', to: '2024-01-15', reason: 'Eerder bouwslot verwacht' },
  { projectId: 11, changedOn: '2022-07-01', from: '2024-01-15', to: '2024-03-01', reason: 'Bouwslot toch niet eerder' },
  { projectId: 16, changedOn: '2022-05-02', from: '2023-03-01', to: '2023-10-02', reason: 'Aanvullend stikstofonderzoek' },
  { projectId: 2, changedOn: '2022-06-10', from: '2022-09-01', to: '2022-11-15', reason: 'Aansluiting op het elektriciteitsnet later' },
  { projectId: 20, changedOn: '2022-06-01', from: '2022-10-01', to: '2023-01-16', reason: 'Asbestsanering van het kantoorpand' },
  { projectId: 22, changedOn: '2022-06-15', from: '2023-09-01', to: '2024-02-01', reason: 'Bestemmingsplan moet worden gewijzigd' },
]);

/** The demo projects as an upload file (semicolons, Dutch dates and amounts), as a party would send it. */
export function demoPipelineCsv(): string {
  const header = 'spoor;projectcode;projectnaam;gemeente;partij;type woning;aantal woningen;voor statushouders;verwachte oplevering;status;kosten per woning';
  const dutchDate = (iso: string) => `${Number(iso.slice(8, 10))}-${Number(iso.slice(5, 7))}-${iso.slice(0, 4)}`;
  const euro = (cents: number | null) => (cents === null ? '' : formatInteger(cents / 100));
  const lines = DEMO_PIPELINE.map((p) =>
    [p.trackCode, p.reference, p.name, p.municipalityCode, p.party, p.homeType, p.units, p.reservedUnits, dutchDate(p.expectedDelivery), p.status, euro(p.costPerUnitCents)].join(';'),
  );
  return `${header}\n${lines.join('\n')}\n`;
}
