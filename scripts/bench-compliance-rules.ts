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
} from '@cartographer/compliance';
import { benchComplianceFacts } from './bench-facts.js';

const f = benchComplianceFacts();
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
