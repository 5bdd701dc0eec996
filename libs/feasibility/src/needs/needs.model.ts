/**
 * What the organisation declares it needs from its storage (inventory format member `needs`):
 * the inputs of the storage recommendation and of the requirements specification that the graph
 * cannot measure. Every member is optional; an absent member is "not declared", never "none".
 */
export interface DeclaredNeeds {
  /** The yearly budget available for storage and its operation (licences, hosting, staff, training, hardware). */
  budget?: { amount: number; currency: string };
  /** Skills the team has in-house (decides whether an option can be run without hiring or training). */
  teamSkills?: TeamSkill[];
  /** Availability the data must have, in percent of the year (99.9 = about 8.8 hours down a year). */
  availabilityTarget?: number;
  /** Yearly growth of the stored volume, in percent (20 = +20 % a year). */
  growthPercentPerYear?: number;
  /** Years the architecture is sized for (default 3). */
  horizonYears?: number;
  /** Measured or declared facts about servers that the inventory does not carry (energy, media). */
  servers?: ServerNeeds[];
  /** Average power of the machine that runs Cartographer's scans, in watts (energy of the scans). */
  scanMachineWatts?: number;
}

export const TEAM_SKILLS = [
  'SQL_DATABASES',
  'LINUX_ADMINISTRATION',
  'NETWORK_SECURITY',
  'CLOUD_OPERATIONS',
  'HADOOP_SPARK',
  'BACKUP_ARCHIVING',
  'DATA_ENGINEERING',
] as const;
export type TeamSkill = (typeof TEAM_SKILLS)[number];

export const STORAGE_MEDIA = ['HDD', 'SSD'] as const;
export type StorageMedium = (typeof STORAGE_MEDIA)[number];

export interface ServerNeeds {
  /** Local key of a server of the inventory. */
  server: string;
  /** What the data sits on (default HDD, the lower coefficient: stated as an assumption). */
  medium?: StorageMedium;
  /** Copies kept of every byte (RAID mirror, replicas), default 1. */
  replication?: number;
  /** Power usage effectiveness of the room or data centre, when known (≥ 1). */
  pue?: number;
  /** Average electrical power drawn by the server's compute and memory, in watts (measured or from the data sheet). */
  averageWatts?: number;
}

export const MAX_HORIZON_YEARS = 30;
export const MAX_REPLICATION = 10;
export const MAX_PUE = 5;
export const MAX_WATTS = 1_000_000;
