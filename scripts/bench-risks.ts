/**
 * Risk register benchmark: the 1M-field facts of bench-compliance-rules (scripts/bench-facts.ts) plus
 * security facts on every server, department and activity, 200 actions, 100 overrides and 100
 * acceptances; times the compliance inputs (index, transfers, DPIA screening), the register on them,
 * the JSON and CSV renderings, and prints RSS after them. No store is read. Last line: one JSON object.
 *
 *   npm run bench:risks
 */
import { computeTransfers, prepareFacts, screenDpia } from '@cartographer/compliance';
import { computeRiskRegister, risksCsv, risksJson, type RiskFacts } from '@cartographer/risks';
import { benchComplianceFacts } from './bench-facts.js';

function facts(): RiskFacts {
  const base = benchComplianceFacts();
  const exposures = ['INTERNAL', 'INTERNET_FACING'] as const;
  const redundancy = ['SINGLE', 'REPLICATED', 'MULTI_SITE'] as const;
  return {
    ...base,
    departments: [{ key: 'd', name: 'Direction' }],
    security: {
      servers: (base.servers ?? []).map((s, i) => ({
        server: s.key,
        encryptionAtRest: i % 3 !== 0,
        encryptionInTransit: true,
        backup: {
          frequency: i % 7 === 0 ? ('NONE' as const) : ('DAILY' as const),
          offSite: i % 2 === 0,
          lastRestoreTest: i % 4 ? '2026-06-01' : '2024-06-01',
        },
        redundancy: redundancy[i % 3]!,
        exposure: exposures[i % 2]!,
        adminInterfaceExposed: i % 5 === 0,
        adminMfa: i % 2 === 1,
        hardware: { inServiceSince: `20${String(15 + (i % 10)).padStart(2, '0')}-01-01`, endOfSupport: '2028-01-01' },
        softwareEndOfSupport: i % 6 ? '2029-01-01' : '2026-01-01',
      })),
      departments: [{ department: 'd', staffCount: 500, lastAwarenessTraining: '2025-09-01', shareTrained: 0.6 }],
      activities: Array.from({ length: 400 }, (_, a) => ({
        activity: `a${a}`,
        accessControl: (['ROLE_BASED', 'SHARED_ACCOUNTS', 'INDIVIDUAL_ACCOUNTS'] as const)[a % 3]!,
        logging: a % 2 === 0,
        pseudonymisation: a % 4 === 0,
        publicFacing: a % 10 === 0,
        critical: a % 8 === 0,
      })),
      incidents: Array.from({ length: 20 }, (_, i) => ({
        key: `inc${i}`,
        date: `2025-0${1 + (i % 9)}-15`,
        kind: (['CONFIDENTIALITY', 'INTEGRITY', 'AVAILABILITY'] as const)[i % 3]!,
        activities: [`a${i * 7}`],
      })),
      measuresInPlace: [{ measure: 'M-INCIDENT-PROCESS' }, { measure: 'M-NETWORK-FILTERING' }],
      actions: Array.from({ length: 200 }, (_, i) => ({
        key: `act${i}`,
        measure: (['M-ENC-REST', 'M-BACKUP-OFFSITE', 'M-AUTH-MFA', 'M-PSEUDONYMISATION'] as const)[i % 4]!,
        owner: 'DSI',
        dueDate: i % 3 ? '2027-03-01' : '2026-11-01',
        status: (['PLANNED', 'IN_PROGRESS', 'DONE'] as const)[i % 3]!,
        risks: [`privacy/a${i * 2}/ILLEGITIMATE_ACCESS`, `privacy/a${i * 2}/DISAPPEARANCE`],
      })),
      overrides: Array.from({ length: 100 }, (_, i) => ({
        risk: `privacy/a${i * 4}/UNWANTED_MODIFICATION`,
        dimension: 'SEVERITY' as const,
        state: 'INHERENT' as const,
        score: 3,
        justification: 'Décision du DPO',
        factsDigest: 'sha256:bench',
      })),
      acceptances: Array.from({ length: 100 }, (_, i) => ({
        risk: `privacy/a${i * 4 + 1}/DISAPPEARANCE`,
        justification: i % 2 ? 'Risque accepté' : '',
      })),
      assessments: Array.from({ length: 200 }, (_, i) => ({ activity: `a${i * 2}`, on: '2026-06-01' })),
    },
  };
}

const f = facts();
const asOf = '2026-12-03';
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const index = prepareFacts(f);
const transfers = computeTransfers(f, asOf, { index });
const dpia = screenDpia(f, asOf, { index });
const t1 = performance.now();
const register = computeRiskRegister(f, asOf, { index, transfers, dpia });
const t2 = performance.now();
const json = risksJson(register);
const t3 = performance.now();
const csv = risksCsv(register, 'fr');
const t4 = performance.now();
const rss = process.memoryUsage().rss;
// A second computation on the same inputs gives the same bytes (the unit tests also compare two
// computations from scratch); a second 1M-field index would double the peak memory measured here.
const identicalOnRerun = risksJson(computeRiskRegister(f, asOf, { index, transfers, dpia })) === json;
console.log(
  JSON.stringify({
    fields: 1_000_000,
    activities: 400,
    risks: register.risks.length,
    checks: register.checks.length,
    actions: register.actions.length,
    jsonBytes: json.length,
    csvBytes: csv.length,
    identicalOnRerun,
    complianceMs: Math.round(t1 - t0),
    registerMs: Math.round(t2 - t1),
    jsonMs: Math.round(t3 - t2),
    csvMs: Math.round(t4 - t3),
    totalMs: Math.round(t4 - t0),
    rssMb: Math.round(rss / 1e6),
    rssGrowthMb: Math.round((rss - rss0) / 1e6),
  }),
);
