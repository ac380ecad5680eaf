import { Type } from '@sinclair/typebox';

/** Schemas of the regions API; they validate requests and generate the OpenAPI document. */
const Status = Type.Union([Type.Literal('officieel'), Type.Literal('voorlopig'), Type.Literal('onofficieel')], {
  description: 'Status van het cijfer: officieel (CBS definitief), voorlopig of onofficieel',
});
const IsoDate = Type.String({ format: 'date', examples: ['2021-01-01'] });

export const Year = Type.Integer({ minimum: 1900, maximum: 2100, description: 'Kalenderjaar: de indeling op 1 januari van dat jaar' });
export const ProvinceCode = Type.String({ pattern: '^PV[0-9]{2}$', examples: ['PV27'] });
export const MunicipalityCode = Type.String({ pattern: '^GM[0-9]{4}$', examples: ['GM0363'] });

export const Population = Type.Object(
  {
    inhabitants: Type.Union([Type.Integer(), Type.Null()]),
    referenceDate: Type.Union([IsoDate, Type.Null()], { description: 'Peildatum' }),
    status: Type.Union([Status, Type.Null()]),
    basis: Type.Union([
      Type.Literal('eigen cijfer'),
      Type.Literal('som voorgangers'),
      Type.Literal('vastgesteld door provincie'),
      Type.Null(),
    ]),
    sources: Type.Array(Type.String()),
    missing: Type.Union([Type.String(), Type.Null()], { description: 'Waarom er geen cijfer is' }),
  },
  { $id: 'Population' },
);

export const Municipality = Type.Object(
  {
    code: MunicipalityCode,
    name: Type.String(),
    provinceCode: ProvinceCode,
    provinceName: Type.String(),
    validFrom: Type.Union([IsoDate, Type.Null()]),
    validTo: Type.Union([IsoDate, Type.Null()], { description: 'Eerste dag waarop de gemeente niet meer bestaat' }),
    population: Type.Ref('Population'),
  },
  { $id: 'Municipality' },
);

export const Province = Type.Object({
  code: ProvinceCode,
  name: Type.String(),
  municipalityCount: Type.Integer(),
  population: Type.Ref('Population'),
});

const YearFrame = {
  year: Type.Integer(),
  boundaryDate: IsoDate,
  referenceDate: Type.Union([IsoDate, Type.Null()]),
};

export const CoverageResponse = Type.Object({
  years: Type.Array(Type.Integer()),
  defaultYear: Type.Integer(),
  boundaryValidFrom: IsoDate,
  boundaryValidTo: IsoDate,
  referenceDates: Type.Array(
    Type.Object({
      referenceDate: IsoDate,
      status: Status,
      municipalityCount: Type.Integer(),
      sum: Type.Integer(),
      nationalTotal: Type.Union([Type.Integer(), Type.Null()]),
      nationalStatus: Type.Union([Status, Type.Null()]),
    }),
  ),
});

export const YearQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
export const MunicipalitiesQuery = Type.Object(
  { year: Type.Optional(Year), province: Type.Optional(ProvinceCode) },
  { additionalProperties: false },
);

export const ProvincesResponse = Type.Object({ ...YearFrame, items: Type.Array(Province) });
export const ProvinceResponse = Type.Object({ ...YearFrame, province: Province, municipalities: Type.Array(Type.Ref('Municipality')) });
export const MunicipalitiesResponse = Type.Object({ ...YearFrame, items: Type.Array(Type.Ref('Municipality')) });
export const MunicipalityResponse = Type.Object({ ...YearFrame, municipality: Type.Ref('Municipality') });

export const ReorganisationsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      effectiveDate: IsoDate,
      oldCode: MunicipalityCode,
      oldName: Type.String(),
      newCode: MunicipalityCode,
      newName: Type.String(),
      kind: Type.Union([Type.Literal('samenvoeging'), Type.Literal('toevoeging'), Type.Literal('opsplitsing')]),
    }),
  ),
});

export const PopulationResponse = Type.Object({
  referenceDate: IsoDate,
  national: Type.Union([Type.Object({ inhabitants: Type.Integer(), status: Status, source: Type.String() }), Type.Null()]),
  items: Type.Array(
    Type.Object({
      municipalityCode: MunicipalityCode,
      municipalityName: Type.String(),
      provinceCode: Type.Union([ProvinceCode, Type.Null()]),
      inhabitants: Type.Integer(),
      status: Status,
      source: Type.String(),
    }),
  ),
  setByProvince: Type.Array(Type.Object({ municipalityCode: MunicipalityCode, inhabitants: Type.Integer(), reason: Type.String() })),
});

export const ProvinceFigure = Type.Object({
  municipalityCode: MunicipalityCode,
  municipalityName: Type.String(),
  provinceCode: ProvinceCode,
  referenceDate: IsoDate,
  inhabitants: Type.Integer(),
  reason: Type.String(),
  recordedBy: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});
export const ProvinceFigureParams = Type.Object({ code: MunicipalityCode, referenceDate: Type.String({ format: 'date' }) });
export const ProvinceFigureBody = Type.Object(
  {
    inhabitants: Type.Integer({ minimum: 0, description: 'Het door Gedeputeerde Staten vastgestelde inwonertal' }),
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'Besluit of reden' }),
    version: Type.Optional(Type.Integer({ description: 'Versie waarop de wijziging voortbouwt (of header If-Match)' })),
  },
  { additionalProperties: false },
);
export const ImportBody = Type.Object(
  {
    content: Type.String({ minLength: 1, description: 'De inhoud van het CSV-bestand' }),
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
    status: Type.Optional(Status),
    source: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const ImportResponse = Type.Object({
  importId: Type.Integer(),
  format: Type.String(),
  referenceDate: IsoDate,
  status: Status,
  source: Type.String(),
  rowCount: Type.Integer(),
  replacedCount: Type.Integer(),
  warnings: Type.Array(Type.String()),
});
