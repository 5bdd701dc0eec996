import {
  AccessError,
  AccessErrorCode,
  type Action,
  type AppAbility,
  approvalFilterFor,
  asSubject,
  type AuditActor,
} from '@cartographer/access';
import type { ReportLanguage, ReportModel } from '../model/report-model.js';
import { assertReportAsOf, assertReportLanguage } from '../model/validate-model.js';
import type { RenderedReport } from '../render/report-renderer.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import type {
  ReportSnapshot,
  ReportSnapshotsRepository,
  SnapshotDiff,
  SnapshotPage,
  SnapshotScope,
  SnapshotVerification,
} from './report-snapshots.repository.js';

/** The reports a snapshot can be generated for (the content builders' `ReportKind`). */
export const REPORT_KINDS = ['CARTOGRAPHY', 'RISKS'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What a content builder is asked for (the `ReportRequest` of @cartographer/report-content). */
export interface ReportBuildRequest {
  kind: ReportKind;
  organisationKey: string;
  departmentKey?: string;
  language: ReportLanguage;
  asOf: string;
}

/** Called while a long report is built: the step, and how far it is. */
export type ReportProgress = (step: string, done: number, total: number) => void;

/**
 * Builds the model of a report from the inventory (`ReportContentService` of
 * @cartographer/report-content). A port here so the engine does not depend on the contents,
 * which depend on it.
 */
export interface ReportModelBuilder {
  build(request: ReportBuildRequest, onProgress?: ReportProgress): Promise<ReportModel>;
}

/** Who asks: the ability decides, `by` is stored as the generator or approver, `actor` goes to the audit log. */
export interface SnapshotCaller {
  ability: AppAbility;
  by: string;
  /** Defaults to the authenticated caller of the current request (API); the CLI passes its own. */
  actor?: AuditActor;
}

export interface GenerateReportInput {
  kind: string;
  organisation: string;
  department?: string | null;
  language: string;
  /** YYYY-MM-DD, not after today; default today (UTC). */
  asOf?: string | null;
}

export interface ListReportSnapshotsInput {
  organisation?: string | null;
  kind?: string | null;
  first?: number | null;
  after?: string | null;
}

const SUBJECT = 'ReportSnapshot' as const;

/** The kind a model and a snapshot row carry (`cartography`), from the requested one (`CARTOGRAPHY`). */
export function storedKindOf(kind: ReportKind): string {
  return kind.toLowerCase();
}

/** The requested kind of a stored one, or undefined for a kind no builder makes. */
export function reportKindOf(stored: string): ReportKind | undefined {
  return REPORT_KINDS.find((kind) => storedKindOf(kind) === stored);
}

export function assertReportKind(kind: string): asserts kind is ReportKind {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    throw new ReportError(
      ReportErrorCode.INVALID_INPUT,
      `unknown report kind '${kind}' (${REPORT_KINDS.join(' or ')})`,
    );
  }
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** FORBIDDEN when the role may not do `action` on any snapshot (what the API's guard also checks). */
function requireSome(ability: AppAbility, action: Action): void {
  if (!ability.can(action, SUBJECT))
    throw new AccessError(AccessErrorCode.FORBIDDEN, `not allowed to ${action} ${SUBJECT}`);
}

/**
 * The report use cases the API and the CLI share: generate (build the model, store it as an
 * immutable snapshot), list, read, download (re-render a stored snapshot), approve, diff, verify a
 * file. Every one is decided by the caller's ability: a snapshot (or organisation) outside what it
 * may read is NOT_FOUND, an action its role may not do anywhere is FORBIDDEN. Input is checked
 * before anything is built or written.
 */
export class ReportSnapshotService {
  private readonly today: () => string;

  constructor(
    private readonly snapshots: ReportSnapshotsRepository,
    /** The builder for one caller: it reads the inventory with the caller's read scope. */
    private readonly contentFor: (ability: AppAbility) => ReportModelBuilder,
    options: { today?: () => string } = {},
  ) {
    this.today = options.today ?? todayUtc;
  }

  /** Builds the report and stores its snapshot (audited `report.generate`). */
  async generate(
    input: GenerateReportInput,
    caller: SnapshotCaller,
    onProgress?: ReportProgress,
  ): Promise<ReportSnapshot> {
    assertReportKind(input.kind);
    assertReportLanguage(input.language);
    const asOf = input.asOf ?? this.today();
    assertReportAsOf(asOf, this.today());
    const department = input.department ?? undefined;
    this.authorize(caller.ability, 'create', { organisation: input.organisation, department: department ?? null });
    const model = await this.contentFor(caller.ability).build(
      {
        kind: input.kind,
        organisationKey: input.organisation,
        ...(department !== undefined ? { departmentKey: department } : {}),
        language: input.language,
        asOf,
      },
      onProgress,
    );
    const { metadata } = model;
    const built = [
      metadata.kind,
      metadata.organisation.key,
      metadata.department?.key,
      metadata.language,
      metadata.asOf,
    ];
    const asked = [storedKindOf(input.kind), input.organisation, department, input.language, asOf];
    // The snapshot is filed (and authorized) under what the model says: it must be what was asked.
    if (built.some((value, i) => value !== asked[i])) {
      throw new ReportError(
        ReportErrorCode.CONTENT_MISMATCH,
        `the report built is ${built.join('/')} where ${asked.join('/')} was asked`,
      );
    }
    return this.snapshots.create({ model, generatedBy: caller.by, actor: caller.actor });
  }

  async list(input: ListReportSnapshotsInput, caller: SnapshotCaller): Promise<SnapshotPage> {
    if (input.kind != null) assertReportKind(input.kind);
    requireSome(caller.ability, 'read');
    return this.snapshots.list({
      scope: this.scope(caller.ability, 'read'),
      organisation: input.organisation ?? null,
      kind: input.kind != null ? storedKindOf(input.kind) : null,
      first: input.first,
      after: input.after,
    });
  }

  async get(id: string, caller: SnapshotCaller): Promise<ReportSnapshot> {
    requireSome(caller.ability, 'read');
    return this.snapshots.get(id, this.scope(caller.ability, 'read'));
  }

  /** A file of a snapshot, re-rendered from its stored model, byte-identical to the first rendering. */
  async file(id: string, format: string, caller: SnapshotCaller): Promise<RenderedReport> {
    requireSome(caller.ability, 'download');
    return this.snapshots.render(id, format, this.scope(caller.ability, 'download'));
  }

  /** Signs a snapshot once (audited `report.approve`); a second approval is CONFLICT and writes nothing. */
  async approve(input: { id: string; comment?: string | null }, caller: SnapshotCaller): Promise<ReportSnapshot> {
    requireSome(caller.ability, 'approve');
    return this.snapshots.approve({
      id: input.id,
      comment: input.comment,
      approvedBy: caller.by,
      actor: caller.actor,
      scope: this.scope(caller.ability, 'approve'),
    });
  }

  async diff(first: string, second: string, caller: SnapshotCaller): Promise<SnapshotDiff> {
    requireSome(caller.ability, 'read');
    return this.snapshots.diff(first, second, this.scope(caller.ability, 'read'));
  }

  /** Whether a file is an intact report, and which snapshots the caller may read it renders. */
  async verify(bytes: Uint8Array, caller: SnapshotCaller): Promise<SnapshotVerification> {
    requireSome(caller.ability, 'read');
    return this.snapshots.verifyFile(bytes, this.scope(caller.ability, 'read'));
  }

  /** Deny by default: an empty scope (no rule) sees nothing. */
  private scope(ability: AppAbility, action: Action): SnapshotScope {
    return approvalFilterFor(ability, action, SUBJECT);
  }

  private authorize(ability: AppAbility, action: Action, target: { organisation: string; department: string | null }) {
    if (ability.can(action, asSubject(SUBJECT, target))) return;
    requireSome(ability, action);
    // Allowed elsewhere but not here: the caller may not even learn the organisation exists.
    throw new AccessError(
      AccessErrorCode.NOT_FOUND,
      `'${target.organisation}' does not exist or is not readable by this caller`,
    );
  }
}
