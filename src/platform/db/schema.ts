import type { Generated } from 'kysely';

/** Row types of the tables, as Kysely sees them. Dates are 'YYYY-MM-DD' strings (see database.ts). */
export type PopulationStatus = 'officieel' | 'voorlopig' | 'onofficieel';
export type ReorganisationKind = 'samenvoeging' | 'toevoeging' | 'opsplitsing';

export interface DB {
  schema_migrations: { version: number; name: string; applied_at: Generated<Date> };
  province: { code: string; name: string };
  municipality: {
    code: string;
    name: string;
    province_code: string;
    valid_from: string | null;
    valid_to: string | null;
  };
  reorganisation: { effective_date: string; old_code: string; new_code: string; kind: ReorganisationKind };
  boundary_coverage: { id: number; valid_from: string; valid_to: string };
  population_import: {
    id: Generated<number>;
    reference_date: string;
    status: PopulationStatus;
    source: string;
    format: string;
    file_name: string | null;
    content_sha256: string | null;
    row_count: number;
    replaced_count: Generated<number>;
    imported_by: string;
    imported_at: Generated<Date>;
  };
  population: {
    municipality_code: string;
    reference_date: string;
    inhabitants: number;
    status: PopulationStatus;
    source: string;
    import_id: number;
  };
  population_set_by_province: {
    municipality_code: string;
    reference_date: string;
    inhabitants: number;
    reason: string;
    recorded_by: string;
    recorded_at: Generated<Date>;
  };
  national_population: { reference_date: string; inhabitants: number; status: PopulationStatus; source: string };
  demo_seed: { name: string; applied_at: Generated<Date> };
}
