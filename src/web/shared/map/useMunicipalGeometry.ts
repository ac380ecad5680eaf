import { useEffect, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProvinceShapeProperties } from '../../regions/geo.ts';

/** The municipal boundaries Regietafel holds, and the year (1 January) they are of. */
export interface MunicipalGeometry {
  features: FeatureCollection<Polygon | MultiPolygon, ProvinceShapeProperties>;
  year: number;
}

let municipalGeometry: Promise<MunicipalGeometry> | null = null;
/** The 130 KB of municipal boundaries load once, and only when a page shows a municipal map. */
function loadMunicipalGeometry(): Promise<MunicipalGeometry> {
  municipalGeometry ??= import('../../distribution/municipality-map-data.ts').then((mod) => ({ features: mod.MUNICIPALITY_FEATURES, year: mod.MUNICIPALITY_MAP_YEAR }));
  return municipalGeometry;
}

/** The municipal boundaries, or null while they load (the decision, taakstelling and maps pages share one load). */
export function useMunicipalGeometry(): MunicipalGeometry | null {
  const [geometry, setGeometry] = useState<MunicipalGeometry | null>(null);
  useEffect(() => {
    let live = true;
    void loadMunicipalGeometry().then((g) => {
      if (live) setGeometry(g);
    });
    return () => {
      live = false;
    };
  }, []);
  return geometry;
}
