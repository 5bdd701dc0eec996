import { quoteUntrusted, sanitiseFieldName } from '../compliance.errors.js';
import { normaliseCountryCode } from '../jurisdictions/iso-3166.js';
import { RECIPIENT_SECTORS } from '../jurisdictions/jurisdictions.js';
import { requireIsoDate } from './as-of.js';
import {
  type ComplianceFacts,
  DEROGATION_GROUNDS,
  FINDING_ORIGINS,
  FINDING_STATUSES,
  HOSTING_KINDS,
  IDENTIFIER_TIERS,
  ORGANISATION_ROLES,
  RECIPIENT_KINDS,
  SCC_MODULES,
  TIA_CONCLUSIONS,
  TIA_STEPS,
  TRANSFER_TOOLS,
  type TransferToolFacts,
} from './compliance-facts.js';
import { ComplianceRulesError, ComplianceRulesErrorCode } from './compliance-rules.errors.js';

/** `servers[3] 'aws-eu'`: the position and the key, so the message names the item. */
function item(collection: string, index: number, key: unknown): string {
  return typeof key === 'string' ? `${collection}[${index}] ${quoteUntrusted(key)}` : `${collection}[${index}]`;
}

function oneOf<T extends string | number>(value: unknown, allowed: readonly T[], member: string): void {
  if ((allowed as readonly unknown[]).includes(value)) return;
  throw new ComplianceRulesError(
    ComplianceRulesErrorCode.INVALID_VALUE,
    sanitiseFieldName(member, 'facts'),
    `${quoteUntrusted(typeof value === 'number' ? String(value) : value)} is not one of ${allowed.join(', ')}`,
  );
}

function country(value: unknown, member: string): void {
  normaliseCountryCode(value, sanitiseFieldName(member, 'country'));
}

function count(value: unknown, member: string): void {
  if (value === undefined) return;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return;
  throw new ComplianceRulesError(
    ComplianceRulesErrorCode.INVALID_VALUE,
    sanitiseFieldName(member, 'facts'),
    `${typeof value === 'number' ? String(value) : quoteUntrusted(value)} is not a non-negative number`,
  );
}

function transferTool(tool: TransferToolFacts | undefined, member: string): void {
  if (!tool) return;
  if (tool.sccModule !== undefined) oneOf(tool.sccModule, SCC_MODULES, `${member}.sccModule`);
  if (tool.derogation !== undefined) oneOf(tool.derogation, DEROGATION_GROUNDS, `${member}.derogation`);
  const tia = tool.tia;
  if (!tia) return;
  if (tia.assessedOn !== undefined) requireIsoDate(tia.assessedOn, `${member}.tia.assessedOn`);
  if (tia.reevaluateBy !== undefined) requireIsoDate(tia.reevaluateBy, `${member}.tia.reevaluateBy`);
  if (tia.conclusion !== undefined) oneOf(tia.conclusion, TIA_CONCLUSIONS, `${member}.tia.conclusion`);
  (tia.stepsDone ?? []).forEach((step, i) => oneOf(step, TIA_STEPS, `${member}.tia.stepsDone[${i}]`));
}

/**
 * Checks the closed vocabularies, countries, counts and dates of the facts; throws a
 * ComplianceRulesError (or a ComplianceError for a country) naming the item and the member.
 * References between items are not checked here: a dangling one is a fact the rules report.
 */
export function validateComplianceFacts(facts: ComplianceFacts): void {
  const org = facts.organisation;
  if (org.country !== undefined) country(org.country, 'organisation.country');
  count(org.staffCount, 'organisation.staffCount');

  (facts.servers ?? []).forEach((server, i) => {
    const at = item('servers', i, server.key);
    oneOf(server.hosting, HOSTING_KINDS, `${at}.hosting`);
    country(server.country, `${at}.country`);
    (server.accessCountries ?? []).forEach((c, j) => country(c, `${at}.accessCountries[${j}]`));
    if (server.providerParent) country(server.providerParent.country, `${at}.providerParent.country`);
  });

  (facts.recipients ?? []).forEach((recipient, i) => {
    const at = item('recipients', i, recipient.key);
    oneOf(recipient.role, RECIPIENT_KINDS, `${at}.role`);
    country(recipient.country, `${at}.country`);
    oneOf(recipient.safeguard, TRANSFER_TOOLS, `${at}.safeguard`);
    if (recipient.establishmentCountry !== undefined)
      country(recipient.establishmentCountry, `${at}.establishmentCountry`);
    (recipient.accessCountries ?? []).forEach((c, j) => country(c, `${at}.accessCountries[${j}]`));
    if (recipient.sector !== undefined) oneOf(recipient.sector, RECIPIENT_SECTORS, `${at}.sector`);
    transferTool(recipient.transferTool, `${at}.transferTool`);
  });

  (facts.sources ?? []).forEach((source, i) => {
    const at = item('sources', i, source.key);
    count(source.velocity?.recordsPerDay, `${at}.velocity.recordsPerDay`);
    (source.datasets ?? []).forEach((dataset, j) => {
      const ds = `${at}.datasets[${j}] ${quoteUntrusted(dataset.key)}`;
      count(dataset.volume?.records, `${ds}.volume.records`);
      (dataset.fields ?? []).forEach((field, k) => {
        (field.findings ?? []).forEach((finding, l) => {
          const fd = `${ds}.fields[${k}].findings[${l}]`;
          oneOf(finding.status, FINDING_STATUSES, `${fd}.status`);
          oneOf(finding.origin, FINDING_ORIGINS, `${fd}.origin`);
          oneOf(finding.tier, IDENTIFIER_TIERS, `${fd}.tier`);
        });
      });
    });
  });

  (facts.processingActivities ?? []).forEach((activity, i) => {
    const at = item('processingActivities', i, activity.key);
    if (activity.organisationRole !== undefined)
      oneOf(activity.organisationRole, ORGANISATION_ROLES, `${at}.organisationRole`);
    count(activity.dataSubjectCount, `${at}.dataSubjectCount`);
    (activity.transfers ?? []).forEach((transfer, j) => {
      const tr = `${at}.transfers[${j}]`;
      country(transfer.country, `${tr}.country`);
      oneOf(transfer.safeguard, TRANSFER_TOOLS, `${tr}.safeguard`);
      transferTool(transfer, tr);
    });
  });

  (facts.providers ?? []).forEach((provider, i) => {
    country(provider.parentCountry, `${item('providers', i, provider.name)}.parentCountry`);
  });
}
