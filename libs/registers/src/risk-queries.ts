import { computeTransfers, prepareFacts, screenDpia } from '@cartographer/compliance';
import type { Neo4jService } from '@cartographer/graph';
import { computeRiskRegister, type RegisterOptions, type RiskRegister } from '@cartographer/risks';
import type { ComplianceQuery } from './compliance-queries.js';
import { requireAsOf } from './compliance-queries.js';
import { NO_DECISIONS, type RiskDecisionSource, readRiskInputs, riskFactsOf } from './risk-facts.loader.js';

export interface RiskQuery extends ComplianceQuery {
  /** The DPO's stored decisions and actions (PostgreSQL); absent: none. */
  decisions?: RiskDecisionSource;
  options?: Omit<RegisterOptions, 'index' | 'transfers' | 'dpia'>;
}

/**
 * The risk register of an organisation as of a date: one graph read (facts, inventory outline, DPIA
 * overrides), the stored decisions, then the pure rules with one facts index, the transfers and the
 * DPIA screening computed once (with the DPO's DPIA overrides, so "critical" and the DPIA check read
 * what the DPO decided).
 */
export async function riskRegisterFor(neo4j: Neo4jService, query: RiskQuery): Promise<RiskRegister> {
  requireAsOf(query.asOf);
  const inputs = await neo4j.read((tx) => readRiskInputs(tx, query));
  const stored = query.decisions ? await query.decisions.read(query.organisation) : NO_DECISIONS;
  const facts = riskFactsOf(inputs, stored);
  const index = prepareFacts(facts);
  const transfers = computeTransfers(facts, query.asOf, { index });
  const dpia = screenDpia(facts, query.asOf, { index, overrides: inputs.dpiaOverrides });
  return computeRiskRegister(facts, query.asOf, { ...query.options, index, transfers, dpia });
}
