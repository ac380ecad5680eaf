import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db/database.ts';
import { parseCsv } from '../../lib/csv.ts';
import type { MunicipalityPeriod, Reorganisation, ReorganisationKind } from '../../domain/regions/regions.ts';
import type { PopulationStatus } from '../../domain/regions/population.ts';
import { importPopulation } from './service.ts';
import { systemActor } from '../audit/audit.ts';

/** The reference data shipped in `data/` (see data/SOURCES.md). Loaded once, in one transaction. */
export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

// The boundary files describe 1 January 2020 up to and including 31 December 2023: the 2020
// classification plus every reorganisation through 2023. Later years need a newer herindelingen file.
export const BOUNDARIES_VALID_FROM = '2020-01-01';
export const BOUNDARIES_VALID_TO = '2023-12-31';

const FILES = {
  provinces: 'nl_provincie_2023_wgs84.topojson',
  municipalities2022: 'nl_gemeenten_2022_provincie.csv',
  population2020: 'nl_gemeenten_bevolking_2020.csv',
  population2021: 'nl_gemeenten_bevolking_2021_onofficieel.csv',
  reorganisations: 'nl_herindelingen_2021_2023.csv',
  national: 'nl_population_national_1jan.csv',
};

const SOURCES = {
  population2020: 'CBS, inwoners per gemeente op 1 januari 2020 (via minvws/nl-covid19-data-backend-processing, EUPL-1.2)',
  population2021: 'Onofficiële tabel 1 januari 2021 (mzelst/covid-19); wijkt af van CBS 70072ned, zie data/SOURCES.md',
  national: 'CBS StatLine 37296ned, bevolking op 1 januari',
};

function read(dir: string, file: string) {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

function table(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.fields.map((h, i) => [h.trim(), (r.fields[i] ?? '').trim()])));
}

export interface ReferenceData {
  provinces: { code: string; name: string }[];
  municipalities: MunicipalityPeriod[];
  reorganisations: Reorganisation[];
  national: { referenceDate: string; inhabitants: number }[];
}

/** Builds the municipalities with their periods of existence from the lists and the reorganisations. */
export function readReferenceData(dir = DATA_DIR): ReferenceData {
  const topo = JSON.parse(read(dir, FILES.provinces)) as {
    objects: Record<string, { geometries: { properties: { statcode: string; statnaam: string } }[] }>;
  };
  const provinces = Object.values(topo.objects)[0]!.geometries.map((g) => ({ code: g.properties.statcode, name: g.properties.statnaam }));
  provinces.sort((a, b) => a.code.localeCompare(b.code));

  const reorganisations: Reorganisation[] = table(read(dir, FILES.reorganisations)).map((r) => ({
    effectiveDate: r.ingangsdatum!,
    oldCode: r.oude_gemeentecode!,
    newCode: r.nieuwe_gemeentecode!,
    kind: r.soort as ReorganisationKind,
  }));
  const reorgNames = new Map<string, string>();
  for (const r of table(read(dir, FILES.reorganisations))) {
    reorgNames.set(r.oude_gemeentecode!, r.oude_gemeentenaam!);
    reorgNames.set(r.nieuwe_gemeentecode!, r.nieuwe_gemeentenaam!);
  }

  // Later lists win for names: the 2020 file uses StatLine labels such as "Groningen (gemeente)".
  const byCode = new Map<string, { name: string; provinceCode: string }>();
  for (const file of [FILES.population2020, FILES.population2021, FILES.municipalities2022]) {
    for (const r of table(read(dir, file))) byCode.set(r.gemeentecode!, { name: r.gemeentenaam!, provinceCode: r.provinciecode! });
  }
  for (const r of reorganisations) {
    if (byCode.has(r.newCode)) continue;
    // A municipality formed after the last list lies in the province of its predecessors.
    const provincesOfPredecessors = new Set(
      reorganisations.filter((x) => x.newCode === r.newCode).map((x) => byCode.get(x.oldCode)?.provinceCode),
    );
    if (provincesOfPredecessors.size !== 1 || provincesOfPredecessors.has(undefined)) {
      throw new Error(`Provincie van ${r.newCode} niet af te leiden uit de voorgangers`);
    }
    byCode.set(r.newCode, { name: reorgNames.get(r.newCode)!, provinceCode: [...provincesOfPredecessors][0]! });
  }
  const municipalities: MunicipalityPeriod[] = [...byCode.entries()].map(([code, m]) => {
    const ended = reorganisations.filter((r) => r.oldCode === code && !(r.kind === 'toevoeging' && r.newCode === code));
    const created = reorganisations.filter((r) => r.newCode === code && r.kind === 'samenvoeging');
    return {
      code,
      name: m.name,
      provinceCode: m.provinceCode,
      validFrom: created[0]?.effectiveDate ?? null,
      validTo: ended[0]?.effectiveDate ?? null,
    };
  });
  municipalities.sort((a, b) => a.code.localeCompare(b.code));
  const national = table(read(dir, FILES.national)).map((r) => ({
    referenceDate: `${r.year}-01-01`,
    inhabitants: Number(r.population_1jan),
  }));
  return { provinces, municipalities, reorganisations, national };
}

export async function referenceDataLoaded(db: Db): Promise<boolean> {
  return (await db.selectFrom('boundary_coverage').select('id').executeTakeFirst()) !== undefined;
}

/** Loads the shipped reference data when the database has none yet; returns whether it loaded. */
export async function ensureReferenceData(db: Db, dir = DATA_DIR): Promise<boolean> {
  if (await referenceDataLoaded(db)) return false;
  const ref = readReferenceData(dir);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('province').values(ref.provinces).execute();
    await trx
      .insertInto('municipality')
      .values(ref.municipalities.map((m) => ({ code: m.code, name: m.name, province_code: m.provinceCode, valid_from: m.validFrom, valid_to: m.validTo })))
      .execute();
    await trx
      .insertInto('reorganisation')
      .values(ref.reorganisations.map((r) => ({ effective_date: r.effectiveDate, old_code: r.oldCode, new_code: r.newCode, kind: r.kind })))
      .execute();
    await trx
      .insertInto('national_population')
      .values(ref.national.map((n) => ({ reference_date: n.referenceDate, inhabitants: n.inhabitants, status: 'officieel' as PopulationStatus, source: SOURCES.national })))
      .execute();
    for (const [file, source] of [
      [FILES.population2020, SOURCES.population2020],
      [FILES.population2021, SOURCES.population2021],
    ] as const) {
      await importPopulation(trx, systemActor('referentiedata'), {
        text: read(dir, file),
        fileName: `data/${file}`,
        status: file === FILES.population2020 ? 'officieel' : undefined,
        source,
      });
    }
    // Written last: its presence means the reference data is complete.
    await trx.insertInto('boundary_coverage').values({ id: 1, valid_from: BOUNDARIES_VALID_FROM, valid_to: BOUNDARIES_VALID_TO }).execute();
  });
  return true;
}
