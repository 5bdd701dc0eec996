import type { Role } from '../gql/graphql';

/**
 * What the interface offers a role, mirroring the API's policies (libs/access ability.factory.ts),
 * which enforce them: a data team lead may not review findings there (only a DPO or an
 * administrator may), so the interface offers a lead no review control either.
 */
export interface Capabilities {
  /** Confirm or reject findings. */
  review: boolean;
  /** Connection references of data sources (where the scanner finds credentials). */
  connectionDetails: boolean;
  /** Detector evidence and masked exemplars of findings. */
  evidence: boolean;
  /** Start a scan of a recorded source (policy `scan DataSource`: data team leads and administrators). */
  scan: boolean;
}

const CAPABILITIES: Record<Role, Capabilities> = {
  ADMIN: { review: true, connectionDetails: true, evidence: true, scan: true },
  DPO: { review: true, connectionDetails: true, evidence: true, scan: false },
  DATA_LEAD: { review: false, connectionDetails: true, evidence: true, scan: true },
  AUDITOR: { review: false, connectionDetails: false, evidence: false, scan: false },
};

export function capabilitiesOf(role: Role): Capabilities {
  const capabilities = CAPABILITIES[role];
  if (!capabilities) throw new Error(`unknown role '${String(role)}'`);
  return capabilities;
}
