import { assertValidReportModel, diffReportModels, diffSection, type ReportModel } from '@cartographer/reports';

/**
 * The report with a last section "Changes since the previous snapshot": the engine's structural diff
 * against `previous` (the last approved snapshot of the same kind and organisation, read by the
 * caller). The previous snapshot's own changes section is left out of the comparison. Without a
 * previous model the report is returned as it is.
 */
export function withChangesSince(model: ReportModel, previous: ReportModel | null): ReportModel {
  if (!previous) return model;
  const strip = (m: ReportModel): ReportModel => ({ ...m, sections: m.sections.filter((s) => s.key !== 'changes') });
  const diff = diffReportModels(strip(previous), strip(model));
  const result = {
    ...model,
    sections: [...strip(model).sections, diffSection(diff, { language: model.metadata.language })],
  };
  assertValidReportModel(result);
  return result;
}
