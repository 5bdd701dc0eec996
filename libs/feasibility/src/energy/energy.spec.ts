import { describe, expect, it } from '@jest/globals';
import { FeasibilityErrorCode } from '../feasibility.errors.js';
import { energyEstimate, scanEnergy, serverEnergy } from './energy.js';
import { gridIntensity } from './energy-tables.js';

/** The documented formula on fixed inputs, worked out by hand in the comments. */
describe('energy and carbon of stored data', () => {
  it('reproduces kWh = TB × Wh/TBh × 8,760 × PUE × replication / 1,000 + W × 8,760 × PUE / 1,000', () => {
    const line = serverEnergy({
      key: 'mairie',
      name: 'Salle serveur',
      country: 'FR',
      hosting: 'ON_PREMISES',
      storedBytes: 2e12,
      medium: 'HDD',
      replication: 2,
      pue: 1.8,
      averageWatts: 900,
    });
    // storage 2 × 0.65 × 8760 × 1.8 × 2 / 1000 = 40.9968; compute 900 × 8760 × 1.8 / 1000 = 14,191.2
    // kg = 14,232.1968 × 56.04 / 1000 = 797.5723...; embodied 2 TB × 2 copies × 20 kg / 5 years = 16
    expect(line).toEqual({
      key: 'mairie',
      name: 'Salle serveur',
      country: 'FR',
      terabytes: 2,
      medium: 'HDD',
      replication: 2,
      pue: 1.8,
      assumed: [],
      storageKwh: 40.997,
      computeKwh: 14191.2,
      kwh: 14232.197,
      kgCo2e: 797.572,
      embodiedKgCo2ePerYear: 16,
      gridFallback: false,
      coefficients: ['EMBODIED_HDD', 'GRID_FR', 'HOURS_PER_YEAR', 'MEDIA_LIFETIME', 'STORAGE_HDD'],
    });
  });

  it('takes the named defaults for a cloud server (PUE 1.135, three copies) and says so', () => {
    const estimate = energyEstimate([
      { key: 'aws', name: 'AWS Francfort', country: 'DE', hosting: 'CLOUD', storedBytes: 1e12, medium: 'SSD' },
      { key: 'kosovo', name: 'Elsewhere', country: 'XK', hosting: 'ON_PREMISES', storedBytes: 0, averageWatts: 100 },
    ]);
    // 1 × 1.2 × 8760 × 1.135 × 3 / 1000 = 35.79336 kWh; × 380.95 g / 1000 = 13.635 kg; 1 × 3 × 160 / 5 = 96
    expect(estimate.servers[0]).toMatchObject({
      pue: 1.135,
      replication: 3,
      assumed: ['pue', 'replication'],
      storageKwh: 35.793,
      kwh: 35.793,
      kgCo2e: 13.635,
      embodiedKgCo2ePerYear: 96,
    });
    // 100 W × 8760 × 1.58 / 1000 = 1,384.08 kWh at the world average 485.99 g = 672.649 kg
    expect(estimate.servers[1]).toMatchObject({ kwh: 1384.08, kgCo2e: 672.649, gridFallback: true, pue: 1.58 });
    expect(estimate.totals).toEqual({ kwh: 1419.873, kgCo2e: 686.284, embodiedKgCo2ePerYear: 96, terabytes: 1 });
    expect(estimate.coefficients.map((c) => [c.id, c.value, c.year])).toEqual([
      ['EMBODIED_HDD', 20, 2022],
      ['EMBODIED_SSD', 160, 2022],
      ['GRID_DE', 380.95, 2023],
      ['GRID_WORLD', 485.99, 2022],
      ['HOURS_PER_YEAR', 8760, 2026],
      ['MEDIA_LIFETIME', 5, 2026],
      ['PUE_CLOUD', 1.135, 2021],
      ['PUE_ON_PREMISES', 1.58, 2023],
      ['REPLICATION_CLOUD', 3, 2021],
      ['STORAGE_HDD', 0.65, 2021],
      ['STORAGE_SSD', 1.2, 2021],
    ]);
    expect(estimate.coefficients.every((c) => c.source.length > 0)).toBe(true);
  });

  it('gives the energy of a scan and refuses an unknown country or a negative volume, naming the item', () => {
    // 3,600 s × 65 W = 0.065 kWh; × 56.04 g = 3.643 g = 0.004 kg
    expect(scanEnergy({ seconds: 3600, watts: 65, country: 'FR' })).toMatchObject({ kwh: 0.065, kgCo2e: 0.004 });
    expect(() => serverEnergy({ key: 'x', name: 'X', country: 'FRA', hosting: 'CLOUD', storedBytes: 1 })).toThrow(
      expect.objectContaining({
        code: FeasibilityErrorCode.UNKNOWN_COUNTRY,
        message: "servers.x.country: 'FRA' is not an ISO 3166-1 alpha-2 country code",
      }),
    );
    expect(() => serverEnergy({ key: 'y', name: 'Y', country: 'FR', hosting: 'CLOUD', storedBytes: -1 })).toThrow(
      'servers.y.storedBytes: -1 must be a number ≥ 0',
    );
    expect(gridIntensity('fr').coefficient).toMatchObject({ id: 'GRID_FR', value: 56.04, year: 2023 });
  });
});
