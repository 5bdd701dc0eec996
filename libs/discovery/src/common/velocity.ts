import type { TypeFamily } from '../discovery.types.js';

const VELOCITY_WINDOW_DAYS = 30;

// Names that say "when the row was created", in English and French, once lower-cased and stripped of
// separators: created_at, CreatedOn, date_creation, inserted_at, date_ajout, registration_date...
const CREATION_NAME =
  /^(?:date|dt|ts|time)?(?:created?|creation|creat|inserted|insert|insertion|added|ajout|registered|registration|inscription|signup|signedup)(?:at|on|date|datetime|time|timestamp|ts|dt|le)?$/;

export function looksLikeCreationName(name: string): boolean {
  return CREATION_NAME.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/** The first date/timestamp field whose name looks like a creation time, if any. */
export function findCreationField<F extends { name: string; typeFamily: TypeFamily }>(fields: F[]): F | undefined {
  return fields.find(
    (field) => (field.typeFamily === 'timestamp' || field.typeFamily === 'date') && looksLikeCreationName(field.name),
  );
}

export interface VelocityWindow {
  from: Date;
  to: Date;
}

export function velocityWindow(now: Date): VelocityWindow {
  return { from: new Date(now.getTime() - VELOCITY_WINDOW_DAYS * 86_400_000), to: now };
}

export function rowsPerDay(rowsInWindow: number): number {
  return Math.round((rowsInWindow / VELOCITY_WINDOW_DAYS) * 1000) / 1000;
}

/** Basis text for a velocity measured exactly on the whole dataset. */
export function exactBasis(field: { name: string; typeFamily: TypeFamily }, rows: number, window: VelocityWindow) {
  return `${field.typeFamily} column ${field.name}: ${rows} rows in the ${VELOCITY_WINDOW_DAYS} days before ${window.to.toISOString()}`;
}

/** Basis text for a velocity extrapolated from a random sample. */
export function sampledBasis(
  field: { name: string; typeFamily: TypeFamily },
  hits: number,
  sampled: number,
  rowCount: number,
  window: VelocityWindow,
) {
  return (
    `${field.typeFamily} column ${field.name}: ${hits} of ${sampled} sampled rows in the ${VELOCITY_WINDOW_DAYS} days ` +
    `before ${window.to.toISOString()}, scaled to ${rowCount} rows`
  );
}
