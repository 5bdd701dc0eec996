/*
 * The coefficients of the energy and carbon estimate, each with its source, year and licence. The
 * grid table is a small extract, shipped in the repository, of Ember's yearly electricity data as
 * redistributed by the Green Web Foundation's CO2.js (`src/data/average-intensities.min.js` and
 * `data/output/average-intensities.json`, read on 2026-12-03): the same figure and year per country.
 * Ember publishes its data under CC BY 4.0; CO2.js is Apache-2.0. Only location-based figures are
 * used: market-based "green" claims (certificates, PPAs) are never counted.
 */

export interface Coefficient {
  id: string;
  value: number;
  unit: string;
  source: string;
  year: number;
  licence?: string;
  /** True when no authority publishes the figure and it is our stated assumption. */
  heuristic?: boolean;
}

export const GRID_INTENSITY_META = Object.freeze({
  source:
    'Ember, yearly electricity data (country average carbon intensity of generation, location-based), as redistributed in Green Web Foundation CO2.js average-intensities (read 2026-12-03)',
  licence: 'CC BY 4.0 (Ember); CO2.js code Apache-2.0',
  url: 'https://ember-energy.org/data/yearly-electricity-data/',
  unit: 'g CO2e/kWh',
});

/** Country (ISO 3166-1 alpha-2) → [g CO2e/kWh, year of the figure]. */
export const GRID_INTENSITY: Readonly<Record<string, readonly [number, number]>> = Object.freeze({
  AT: [110.81, 2023],
  AU: [570.35, 2022],
  BE: [138.11, 2023],
  BG: [335.33, 2023],
  BR: [105.51, 2022],
  CA: [161.43, 2022],
  CH: [34.84, 2023],
  CN: [585.82, 2022],
  CY: [534.32, 2023],
  CZ: [449.72, 2023],
  DE: [380.95, 2023],
  DK: [151.65, 2023],
  EE: [416.67, 2023],
  ES: [174.05, 2023],
  FI: [79.16, 2023],
  FR: [56.04, 2023],
  GB: [237.59, 2023],
  GR: [336.57, 2023],
  HR: [204.96, 2023],
  HU: [204.19, 2023],
  IE: [290.81, 2023],
  IN: [705.13, 2022],
  IS: [27.68, 2022],
  IT: [330.72, 2023],
  JP: [512.81, 2022],
  KR: [441.65, 2022],
  LT: [160.07, 2023],
  LU: [105.26, 2023],
  LV: [123.2, 2023],
  MT: [459.14, 2023],
  NL: [267.62, 2023],
  NO: [30.08, 2023],
  PL: [661.93, 2023],
  PT: [165.55, 2023],
  RO: [240.58, 2023],
  SE: [40.7, 2023],
  SG: [474, 2022],
  SI: [231.28, 2023],
  SK: [116.77, 2023],
  US: [385.98, 2022],
  ZA: [729.67, 2022],
});

/** Used, and said so, for a country the table does not have. */
export const WORLD_GRID_INTENSITY: Coefficient = Object.freeze({
  id: 'GRID_WORLD',
  value: 485.99,
  unit: 'g CO2e/kWh',
  source: `${GRID_INTENSITY_META.source}: World`,
  year: 2022,
  licence: GRID_INTENSITY_META.licence,
});

const CCF = 'Cloud Carbon Footprint methodology, storage coefficients (cloudcarbonfootprint.org)';
const CCF_LICENCE = 'Apache-2.0';

/** Watt-hours per terabyte-hour of stored data, by medium (Cloud Carbon Footprint). */
export const STORAGE_COEFFICIENTS = Object.freeze({
  HDD: { id: 'STORAGE_HDD', value: 0.65, unit: 'Wh/TBh', source: CCF, year: 2021, licence: CCF_LICENCE },
  SSD: { id: 'STORAGE_SSD', value: 1.2, unit: 'Wh/TBh', source: CCF, year: 2021, licence: CCF_LICENCE },
} satisfies Record<string, Coefficient>);

export const HOURS_PER_YEAR: Coefficient = Object.freeze({
  id: 'HOURS_PER_YEAR',
  value: 8760,
  unit: 'h/yr',
  source: '365 days × 24 hours',
  year: 2026,
});

/** PUE used when the organisation declares none: on premises, the industry average of the Uptime Institute survey. */
export const DEFAULT_PUE = Object.freeze({
  ON_PREMISES: {
    id: 'PUE_ON_PREMISES',
    value: 1.58,
    unit: 'ratio',
    source: 'Uptime Institute Global Data Center Survey 2023 (average annual PUE)',
    year: 2023,
  },
  /** Cloud Carbon Footprint's defaults for the large clouds; used for every cloud/SaaS server without a declared PUE. */
  CLOUD: {
    id: 'PUE_CLOUD',
    value: 1.135,
    unit: 'ratio',
    source: `${CCF}: AWS PUE`,
    year: 2021,
    licence: CCF_LICENCE,
  },
} satisfies Record<string, Coefficient>);

/** Replication of cloud object storage when not declared (Cloud Carbon Footprint counts three copies). */
export const CLOUD_REPLICATION: Coefficient = Object.freeze({
  id: 'REPLICATION_CLOUD',
  value: 3,
  unit: 'copies',
  source: `${CCF}: replication factor of object storage`,
  year: 2021,
  licence: CCF_LICENCE,
});

/**
 * Embodied (manufacturing) emissions per terabyte of capacity, amortised over the media's service
 * life: Tannu & Nair, "The Dirty Secret of SSDs: Embodied Carbon", HotCarbon 2022.
 */
export const EMBODIED_COEFFICIENTS = Object.freeze({
  HDD: {
    id: 'EMBODIED_HDD',
    value: 20,
    unit: 'kg CO2e/TB',
    source: 'Tannu & Nair, The Dirty Secret of SSDs: Embodied Carbon (HotCarbon 2022): about 0.02 kg CO2e/GB for HDDs',
    year: 2022,
  },
  SSD: {
    id: 'EMBODIED_SSD',
    value: 160,
    unit: 'kg CO2e/TB',
    source: 'Tannu & Nair, The Dirty Secret of SSDs: Embodied Carbon (HotCarbon 2022): about 0.16 kg CO2e/GB for SSDs',
    year: 2022,
  },
} satisfies Record<string, Coefficient>);

export const MEDIA_LIFETIME: Coefficient = Object.freeze({
  id: 'MEDIA_LIFETIME',
  value: 5,
  unit: 'years',
  source: 'Assumed service life of storage media (no authority publishes one figure)',
  year: 2026,
  heuristic: true,
});

/** The grid intensity of a country as a coefficient, or the world average (flagged) when unknown. */
export function gridIntensity(country: string): { coefficient: Coefficient; fallback: boolean } {
  const code = country.toUpperCase();
  const row = GRID_INTENSITY[code];
  if (!row) return { coefficient: WORLD_GRID_INTENSITY, fallback: true };
  return {
    coefficient: {
      id: `GRID_${code}`,
      value: row[0],
      unit: GRID_INTENSITY_META.unit,
      source: `${GRID_INTENSITY_META.source}: ${code}`,
      year: row[1],
      licence: GRID_INTENSITY_META.licence,
    },
    fallback: false,
  };
}
