import type { Neo4jService } from '@cartographer/graph';
import type { ReadScope, RiskDecisionSource } from '@cartographer/registers';
import { assertValidReportModel, type ReportModel } from '@cartographer/reports';
import { buildCartographyReport } from './cartography/cartography-report.js';
import { loadReportInputs, loadRiskReportInputs, type ScanRunsSource } from './inputs/report-inputs.loader.js';
import { assertReportRequest, type ReportRequest } from './report-request.js';
import { buildRiskReport } from './risks/risk-report.js';

export interface ReportContentDeps {
  neo4j: Neo4jService;
  /** PostgreSQL scan runs (ScanRunsRepository); null: the scan-run annex stays empty. */
  scanRuns: ScanRunsSource | null;
  /** The DPO's stored risk decisions and actions (RiskDecisionsRepository); null or absent: none. */
  riskDecisions?: RiskDecisionSource | null;
  /** What the caller may read (the API's access filter; READ_ALL for the CLI operator, explicitly). */
  scope: ReadScope;
  /** Today as YYYY-MM-DD, only to refuse an as-of date in the future (default: the UTC clock). */
  today?: () => string;
}

export type ReportProgress = (step: string, done: number, total: number) => void;

/**
 * Builds the document model of a report from the read model, compliance, findings and risks. The
 * model is what the engine (@cartographer/reports) renders to PDF, HTML and JSON and stores in a
 * snapshot. Same graph, request ⇒ same model (byte-identical canonical JSON).
 */
export class ReportContentService {
  constructor(private readonly deps: ReportContentDeps) {}

  async build(request: ReportRequest, onProgress?: ReportProgress): Promise<ReportModel> {
    const today = this.deps.today?.() ?? new Date().toISOString().slice(0, 10);
    assertReportRequest(request, today);
    const total = 3;
    onProgress?.('read', 0, total);
    const query = { organisation: request.organisationKey, department: request.departmentKey, scope: this.deps.scope };
    const options = { language: request.language, asOf: request.asOf, departmentKey: request.departmentKey };
    let model: ReportModel;
    if (request.kind === 'CARTOGRAPHY') {
      const inputs = await loadReportInputs(this.deps.neo4j, this.deps.scanRuns, { ...query, asOf: request.asOf });
      onProgress?.('build', 1, total);
      model = buildCartographyReport(inputs, options);
    } else {
      const inputs = await loadRiskReportInputs(this.deps.neo4j, this.deps.riskDecisions ?? null, query);
      onProgress?.('build', 1, total);
      model = buildRiskReport(inputs, options);
    }
    onProgress?.('validate', 2, total);
    assertValidReportModel(model);
    onProgress?.('done', total, total);
    return model;
  }
}
