import {
  type ComplianceFacts,
  computeProcessingRecord,
  computeTransfers,
  cnilRegisterWorkbook,
  isIsoDate,
  prepareFacts,
  type ProcessingRecordResult,
  type RegisterLang,
  type RegisterWorkbook,
  screenDpia,
  type ScreeningOptions,
  type ScreeningResult,
  type TransfersResult,
} from '@cartographer/compliance';
import type { Neo4jService } from '@cartographer/graph';
import { type ReadScope, readComplianceFacts } from './compliance-facts.loader.js';
import { readDpiaOverrides } from './dpia-overrides.js';
import { RegistersError, RegistersErrorCode, quoted } from './registers.errors.js';

export interface ComplianceQuery {
  organisation: string;
  department?: string;
  /** YYYY-MM-DD: the only date the results depend on. */
  asOf: string;
  /** What the caller may read; an organisation outside it answers NOT_FOUND. */
  scope: ReadScope;
}

/** Validates a date member before anything is read. */
export function requireAsOf(value: unknown, member = 'asOf'): string {
  if (isIsoDate(value)) return value;
  throw new RegistersError(
    RegistersErrorCode.INVALID_INPUT,
    member,
    `${quoted(value)} is not a date written YYYY-MM-DD (e.g. 2026-12-03)`,
  );
}

async function factsFor(neo4j: Neo4jService, query: ComplianceQuery) {
  requireAsOf(query.asOf);
  return neo4j.read(async (tx) => {
    const facts = await readComplianceFacts(tx, query);
    const overrides = await readDpiaOverrides(tx, query.organisation);
    return { facts, overrides };
  });
}

/** Transfers per edge (Chapter V) of an organisation, as of a date. */
export async function computeTransfersFor(neo4j: Neo4jService, query: ComplianceQuery): Promise<TransfersResult> {
  const { facts } = await factsFor(neo4j, query);
  return computeTransfers(facts, query.asOf);
}

/** The computed Art. 30 record (controller's or processor's, per activity), as of a date. */
export async function processingRecordFor(
  neo4j: Neo4jService,
  query: ComplianceQuery,
): Promise<ProcessingRecordResult> {
  const { facts } = await factsFor(neo4j, query);
  return computeProcessingRecord(facts, query.asOf);
}

/** The record in the CNIL register layout (French) or the English Art. 30 view. */
export async function registerWorkbookFor(
  neo4j: Neo4jService,
  query: ComplianceQuery & { lang: RegisterLang },
): Promise<RegisterWorkbook> {
  const { facts } = await factsFor(neo4j, query);
  return cnilRegisterWorkbook(facts, query.asOf, { lang: query.lang });
}

/** DPIA screening with the DPO's stored overrides (outdated when the facts changed since). */
export async function dpiaScreeningFor(
  neo4j: Neo4jService,
  query: ComplianceQuery & { options?: Omit<ScreeningOptions, 'overrides' | 'index'> },
): Promise<ScreeningResult> {
  const { facts, overrides } = await factsFor(neo4j, query);
  const readable = new Set((facts.processingActivities ?? []).map((a) => a.key));
  return screenDpia(facts, query.asOf, {
    ...query.options,
    overrides: overrides.filter((o) => readable.has(o.activity)),
  });
}

/** All three from one read, for the benchmark and reports: one index, one validation. */
export function computeAll(facts: ComplianceFacts, asOf: string) {
  const index = prepareFacts(facts);
  return {
    transfers: computeTransfers(facts, asOf, { index }),
    record: computeProcessingRecord(facts, asOf, { index }),
    screening: screenDpia(facts, asOf, { index }),
  };
}

/** The use cases bound to one graph, as the CLI and the API wire them. */
export class ComplianceRegisters {
  constructor(private readonly neo4j: Neo4jService) {}

  transfers(query: ComplianceQuery): Promise<TransfersResult> {
    return computeTransfersFor(this.neo4j, query);
  }

  processingRecord(query: ComplianceQuery): Promise<ProcessingRecordResult> {
    return processingRecordFor(this.neo4j, query);
  }

  registerWorkbook(query: ComplianceQuery & { lang: RegisterLang }): Promise<RegisterWorkbook> {
    return registerWorkbookFor(this.neo4j, query);
  }

  dpiaScreening(query: ComplianceQuery): Promise<ScreeningResult> {
    return dpiaScreeningFor(this.neo4j, query);
  }
}
