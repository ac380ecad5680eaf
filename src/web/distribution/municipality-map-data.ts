import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection } from 'topojson-specification';
import { feature } from 'topojson-client';
import municipalityTopology from '../../../data/nl_gemeente_2022_wgs84.topojson';
import type { ProvinceShapeProperties } from '../regions/geo.ts';

/**
 * The CBS municipal boundaries of 1 January 2022 (345 municipalities, Weesp still separate). 130 KB, so the
 * decision page loads this module only when it shows a municipal decision in 2022 boundaries.
 */
export const MUNICIPALITY_MAP_YEAR = 2022;

const object = municipalityTopology.objects['gemeente_2022'] as GeometryCollection<ProvinceShapeProperties> | undefined;
if (!object) throw new Error('gemeente_2022 ontbreekt in de kaartgegevens');

export const MUNICIPALITY_FEATURES = feature(municipalityTopology, object) as FeatureCollection<Polygon | MultiPolygon, ProvinceShapeProperties>;
