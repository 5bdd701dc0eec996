import { FeasibilityError, FeasibilityErrorCode, quote } from '../feasibility.errors.js';
import type { StorageMedium } from '../needs/needs.model.js';
import {
  type Coefficient,
  CLOUD_REPLICATION,
  DEFAULT_PUE,
  EMBODIED_COEFFICIENTS,
  gridIntensity,
  HOURS_PER_YEAR,
  MEDIA_LIFETIME,
  STORAGE_COEFFICIENTS,
} from './energy-tables.js';

/**
 * Yearly energy and carbon of stored data (issue 14 item 6):
 *
 *   kWh/yr = TB × Wh per TB-hour (medium) × 8,760 × PUE × replication / 1,000
 *          + declared average watts × 8,760 × PUE / 1,000
 *   kg CO2e/yr = kWh/yr × grid intensity of the server's country (g/kWh) / 1,000
 *   embodied kg CO2e/yr = TB × replication × embodied kg per TB / service life (shown apart)
 *
 * TB are decimal (10^12 bytes). Every figure keeps the coefficients it used, with source and year.
 */
export interface EnergyInput {
  key: string;
  name: string;
  /** ISO 3166-1 alpha-2 country of the server (its grid). */
  country: string;
  hosting: 'ON_PREMISES' | 'CLOUD' | 'SAAS';
  /** Bytes stored on the server (one copy). */
  storedBytes: number;
  medium?: StorageMedium;
  replication?: number;
  pue?: number;
  averageWatts?: number;
}

export interface EnergyLine {
  key: string;
  name: string;
  country: string;
  terabytes: number;
  medium: StorageMedium;
  replication: number;
  pue: number;
  /** Members that were not declared and took a default (named coefficient). */
  assumed: ('medium' | 'replication' | 'pue')[];
  storageKwh: number;
  computeKwh: number;
  kwh: number;
  kgCo2e: number;
  embodiedKgCo2ePerYear: number;
  /** The world average was used: the table has no figure for the country. */
  gridFallback: boolean;
  /** Ids of the coefficients used (see EnergyEstimate.coefficients). */
  coefficients: string[];
}

export interface EnergyEstimate {
  servers: EnergyLine[];
  totals: { kwh: number; kgCo2e: number; embodiedKgCo2ePerYear: number; terabytes: number };
  /** Every coefficient used, sorted by id: the evidence pack of the estimate. */
  coefficients: Coefficient[];
}

const COUNTRY = /^[A-Z]{2}$/;
/** Figures are kept to the watt-hour and the gram: enough for a report, stable in a golden file. */
const round3 = (value: number) => Math.round(value * 1000) / 1000;

function requireCountry(country: string, item: string): void {
  if (!COUNTRY.test(country))
    throw FeasibilityError.of(FeasibilityErrorCode.UNKNOWN_COUNTRY, [
      { path: item, reason: `${quote(country)} is not an ISO 3166-1 alpha-2 country code` },
    ]);
}

function requireFinite(value: number | undefined, min: number, path: string): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= min))
    throw FeasibilityError.of(FeasibilityErrorCode.INVALID_FACTS, [
      { path, reason: `${quote(value)} must be a number ≥ ${min}` },
    ]);
}

/** The yearly energy and carbon of one server; `used` collects the coefficients. */
export function serverEnergy(input: EnergyInput, used: Map<string, Coefficient> = new Map()): EnergyLine {
  const at = `servers.${input.key}`;
  requireCountry(input.country, `${at}.country`);
  requireFinite(input.storedBytes, 0, `${at}.storedBytes`);
  requireFinite(input.replication, 1, `${at}.replication`);
  requireFinite(input.pue, 1, `${at}.pue`);
  requireFinite(input.averageWatts, 0, `${at}.averageWatts`);
  const assumed: EnergyLine['assumed'] = [];
  const medium = input.medium ?? 'HDD';
  if (input.medium === undefined) assumed.push('medium');
  const cloud = input.hosting !== 'ON_PREMISES';
  const pueCoefficient = cloud ? DEFAULT_PUE.CLOUD : DEFAULT_PUE.ON_PREMISES;
  const pue = input.pue ?? pueCoefficient.value;
  if (input.pue === undefined) assumed.push('pue');
  const replication = input.replication ?? (cloud ? CLOUD_REPLICATION.value : 1);
  if (input.replication === undefined) assumed.push('replication');

  const storage = STORAGE_COEFFICIENTS[medium];
  const grid = gridIntensity(input.country);
  const embodied = EMBODIED_COEFFICIENTS[medium];
  const ids = [storage, HOURS_PER_YEAR, grid.coefficient, embodied, MEDIA_LIFETIME];
  if (input.pue === undefined) ids.push(pueCoefficient);
  if (input.replication === undefined && cloud) ids.push(CLOUD_REPLICATION);
  for (const c of ids) used.set(c.id, c);

  const terabytes = input.storedBytes / 1e12;
  const storageKwh = (terabytes * storage.value * HOURS_PER_YEAR.value * pue * replication) / 1000;
  const computeKwh = ((input.averageWatts ?? 0) * HOURS_PER_YEAR.value * pue) / 1000;
  const kwh = storageKwh + computeKwh;
  return {
    key: input.key,
    name: input.name,
    country: input.country,
    terabytes: round3(terabytes),
    medium,
    replication,
    pue,
    assumed,
    storageKwh: round3(storageKwh),
    computeKwh: round3(computeKwh),
    kwh: round3(kwh),
    kgCo2e: round3((kwh * grid.coefficient.value) / 1000),
    embodiedKgCo2ePerYear: round3((terabytes * replication * embodied.value) / MEDIA_LIFETIME.value),
    gridFallback: grid.fallback,
    coefficients: ids.map((c) => c.id).sort(),
  };
}

/** The estimate of every server, sorted by key, with totals and the coefficients used. */
export function energyEstimate(inputs: readonly EnergyInput[]): EnergyEstimate {
  const used = new Map<string, Coefficient>();
  const servers = [...inputs]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((i) => serverEnergy(i, used));
  const sum = (pick: (line: EnergyLine) => number) => round3(servers.reduce((total, line) => total + pick(line), 0));
  return {
    servers,
    totals: {
      kwh: sum((l) => l.kwh),
      kgCo2e: sum((l) => l.kgCo2e),
      embodiedKgCo2ePerYear: sum((l) => l.embodiedKgCo2ePerYear),
      terabytes: sum((l) => l.terabytes),
    },
    coefficients: [...used.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

/** The energy of Cartographer's own scans: time × declared machine power, at the machine's grid. */
export function scanEnergy(input: { seconds: number; watts: number; country: string }): {
  kwh: number;
  kgCo2e: number;
  grid: Coefficient;
} {
  requireCountry(input.country, 'scan.country');
  requireFinite(input.seconds, 0, 'scan.seconds');
  requireFinite(input.watts, 0, 'scan.watts');
  const grid = gridIntensity(input.country).coefficient;
  const kwh = (input.seconds / 3600) * (input.watts / 1000);
  return { kwh: round3(kwh), kgCo2e: round3((kwh * grid.value) / 1000), grid };
}
