import { canonicalJson, contentHashOf } from '../model/canonical-json.js';
import { evidencePackOf, type EvidencePack } from '../model/evidence-pack.js';
import { outlineOf } from '../model/outline.js';
import type { ReportModel } from '../model/report-model.js';

export const JSON_REPORT_FORMAT = 'cartographer-report';
export const JSON_REPORT_FORMAT_VERSION = 1;

/** The JSON rendering: the model itself, its content hash and its evidence pack. */
export interface JsonReport {
  format: typeof JSON_REPORT_FORMAT;
  formatVersion: typeof JSON_REPORT_FORMAT_VERSION;
  contentHash: string;
  model: ReportModel;
  evidencePack: EvidencePack;
}

export function jsonReportOf(model: ReportModel): JsonReport {
  return {
    format: JSON_REPORT_FORMAT,
    formatVersion: JSON_REPORT_FORMAT_VERSION,
    contentHash: contentHashOf(model),
    model,
    evidencePack: evidencePackOf(outlineOf(model)),
  };
}

/** Canonical, indented JSON (sorted keys, two spaces, final newline), UTF-8. Validate first. */
export function renderJson(model: ReportModel): Buffer {
  return Buffer.from(`${canonicalJson(jsonReportOf(model), true)}\n`, 'utf8');
}
