export const REPORT_SNAPSHOTS_TOKEN = Symbol('REPORT_SNAPSHOTS');
/** The content builder (`ReportContentService` of @cartographer/report-content). */
export const REPORT_MODEL_BUILDER_TOKEN = Symbol('REPORT_MODEL_BUILDER');
