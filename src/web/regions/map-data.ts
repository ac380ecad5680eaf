import provinceTopology from '../../../data/nl_provincie_2023_wgs84.topojson';
import { provinceFeatures } from './geo.ts';

/** Bundled with the app (16 KB): the map must work offline, without a tile or data server. */
export const PROVINCE_FEATURES = provinceFeatures(provinceTopology);
