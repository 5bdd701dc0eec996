/**
 * Compliance rules benchmark: builds in memory a ComplianceFacts value of 1,000,000 fields (40
 * sources x 50 datasets x 500 fields, one finding each), 400 activities of 10 datasets, 20 servers,
 * 50 recipients and 200 flows, then times validation and indexing, transfers, the Art. 30 record,
 * the DPIA screening and the extraterritorial flag on one shared index, and prints RSS. No store is
 * read: the figures are those of the pure rules, not of the read-model adapter. Last line: one JSON
 * object.
 *
 *   npm run build && node dist/scripts/bench-compliance-rules.js
 */
import {
  computeExtraterritorialExposure,
  computeProcessingRecord,
  computeTransfers,
  prepareFacts,
  screenDpia,
  transfersJson,
  type ComplianceFacts,
} from '@cartographer/compliance';

function facts(): ComplianceFacts {
  const cats = ['IDENTITY', 'CONTACT', 'FINANCIAL', 'ONLINE_ID', 'HEALTH'];
  const sources = Array.from({ length: 40 }, (_, s) => ({
    key: `src${s}`,
    name: `Source ${s}`,
    department: 'd',
    servers: [`srv${s % 20}`],
    datasets: Array.from({ length: 50 }, (_, d) => ({
      key: `ds${s}_${d}`,
      name: `Table ${d}`,
      volume: { records: 1000 * (d + 1) },
      fields: Array.from({ length: 500 }, (_, f) => ({
        name: `col${f}`,
        findings: [
          {
            category: cats[f % 5]!,
            specialCategory: f % 5 === 4 ? 'HEALTH' : null,
            tier: 'DIRECT_IDENTIFIER' as const,
            status: 'CONFIRMED' as const,
            origin: 'SCAN' as const,
          },
        ],
      })),
    })),
  }));
  const countries = ['FR', 'US', 'DE', 'IN', 'CA'];
  return {
    organisation: { key: 'bench', name: 'Bench', country: 'FR', staffCount: 500 },
    servers: Array.from({ length: 20 }, (_, i) => ({
      key: `srv${i}`,
      name: `Server ${i}`,
      provider: i % 2 ? 'Amazon Web Services' : 'OVHcloud',
      hosting: 'CLOUD' as const,
      country: countries[i % 5]!,
    })),
    recipients: Array.from({ length: 50 }, (_, i) => ({
      key: `r${i}`,
      name: `R ${i}`,
      role: 'PROCESSOR' as const,
      country: countries[i % 5]!,
      safeguard: 'NONE' as const,
    })),
    sources,
    processingActivities: Array.from({ length: 400 }, (_, a) => ({
      key: `a${a}`,
      name: `Activity ${a}`,
      department: 'd',
      purposes: [`Purpose ${a % 7}`],
      legalBases: ['CONTRACT'],
      dataSubjectCategories: ['Clients'],
      personalDataCategories: ['Identité'],
      recipients: [`r${a % 50}`, `r${(a + 1) % 50}`],
      datasets: Array.from({ length: 10 }, (_, k) => `ds${(a + k) % 40}_${(a * 3 + k) % 50}`),
      retention: '3 ans',
      securityMeasures: ['x'],
    })),
    flows: Array.from({ length: 200 }, (_, i) => ({
      key: `f${i}`,
      from: `ds${i % 40}_${i % 50}`,
      to: `ds${(i + 1) % 40}_${i % 50}`,
    })),
  };
}

const f = facts();
const asOf = '2026-12-03';
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const index = prepareFacts(f);
const t1 = performance.now();
const transfers = computeTransfers(f, asOf, { index });
const t2 = performance.now();
const record = computeProcessingRecord(f, asOf, { index });
const t3 = performance.now();
const dpia = screenDpia(f, asOf, { index });
const t4 = performance.now();
const ext = computeExtraterritorialExposure(f, asOf, { index });
const t5 = performance.now();
const json = transfersJson(transfers);
const rss = process.memoryUsage().rss;
console.log(
  JSON.stringify({
    fields: 1_000_000,
    activities: 400,
    transfers: transfers.transfers.length,
    records: record.activities.length,
    screened: dpia.activities.length,
    servers: ext.servers.length,
    jsonBytes: json.length,
    prepareMs: Math.round(t1 - t0),
    transfersMs: Math.round(t2 - t1),
    recordMs: Math.round(t3 - t2),
    dpiaMs: Math.round(t4 - t3),
    extraterritorialMs: Math.round(t5 - t4),
    totalMs: Math.round(t5 - t0),
    rssMb: Math.round(rss / 1e6),
    rssGrowthMb: Math.round((rss - rss0) / 1e6),
  }),
);
