import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';

export interface ProvinceShapeProperties {
  statcode: string;
  statnaam: string;
}

export type ProvinceFeature = Feature<Polygon | MultiPolygon, ProvinceShapeProperties>;

/** The CBS 2023 province shapes; province borders did not change between 2020 and 2023, so one file serves all years. */
export function provinceFeatures(topology: Topology): FeatureCollection<Polygon | MultiPolygon, ProvinceShapeProperties> {
  const object = topology.objects['provincie_2023'] as GeometryCollection<ProvinceShapeProperties> | undefined;
  if (!object) throw new Error('provincie_2023 ontbreekt in de kaartgegevens');
  return feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, ProvinceShapeProperties>;
}

export interface ProjectedShape {
  code: string;
  name: string;
  d: string;
}

/**
 * SVG path data for each feature, fitted into a width × height box with a Mercator projection (as on most Dutch
 * maps). `padding` keeps thick focus outlines at the edge inside the box; `fitTo` chooses what fills the box:
 * all features (the country) or one of them.
 */
export function projectShapes(
  features: FeatureCollection<Polygon | MultiPolygon, ProvinceShapeProperties>,
  width: number,
  height: number,
  padding = 0,
  fitTo: FeatureCollection | Feature = features,
): ProjectedShape[] {
  const projection =
    padding > 0
      ? geoMercator().fitExtent([[padding, padding], [width - padding, height - padding]], fitTo)
      : geoMercator().fitSize([width, height], fitTo);
  const path = geoPath(projection);
  return features.features.map((f) => ({ code: f.properties.statcode, name: f.properties.statnaam, d: path(f) ?? '' }));
}
