import { assertReportAsOf, assertReportLanguage, ReportError, ReportErrorCode } from '@cartographer/reports';

export const REPORT_KINDS = ['CARTOGRAPHY', 'RISKS'] as const;
/** The reports this library builds (the feasibility report joins later). */
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportRequest {
  kind: ReportKind;
  organisationKey: string;
  departmentKey?: string;
  language: 'fr' | 'en';
  /** YYYY-MM-DD, not after today: the only date of the report. */
  asOf: string;
}

/** Checks a request before anything is read: kind, language, as-of date (ReportError INVALID_INPUT). */
export function assertReportRequest(request: ReportRequest, today: string): void {
  if (!(REPORT_KINDS as readonly string[]).includes(request.kind))
    throw new ReportError(
      ReportErrorCode.INVALID_INPUT,
      `unknown report kind '${String(request.kind).slice(0, 40)}' (CARTOGRAPHY or RISKS)`,
    );
  assertReportLanguage(request.language);
  assertReportAsOf(request.asOf, today);
  if (typeof request.organisationKey !== 'string' || request.organisationKey.length === 0)
    throw new ReportError(ReportErrorCode.INVALID_INPUT, 'the organisation key is empty');
}
