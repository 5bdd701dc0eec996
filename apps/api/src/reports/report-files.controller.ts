import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppAbility, AuthenticatedPrincipal } from '@cartographer/access';
import { ReportError, ReportErrorCode, type ReportFormat, ReportSnapshotService } from '@cartographer/reports';
import { CurrentAbility, CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { RequirePolicy } from '../auth/policy.decorators.js';
import { REPORT_SNAPSHOTS_TOKEN } from './reports.tokens.js';

/** Where a snapshot's file is served (kept out of the dashboard's static files: see web/dashboard.ts). */
export function reportFileUrl(id: string, format: ReportFormat): string {
  return `/reports/${encodeURIComponent(id)}/file.${format}`;
}

/** A report file is at most this big to be verified through the API (the 100,000-field PDF is about 20 MB). */
export const MAX_VERIFY_BYTES = 64 * 1024 * 1024;

/**
 * The HTML report is self-contained (inline CSS and SVG, no script): it is served as an attachment
 * with a policy that forbids anything else, so it can never run code under the API's origin.
 */
const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

async function bodyOf(request: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_VERIFY_BYTES) {
      throw new ReportError(ReportErrorCode.INVALID_INPUT, `a report file has at most ${MAX_VERIFY_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The files of a snapshot, re-rendered from its stored model (byte-identical to the first
 * rendering), and the verification of a file — with the caller's rights: a snapshot outside them
 * (another organisation; for an AUDITOR, one not approved) is 404, as one that does not exist.
 */
@Controller('reports')
export class ReportFilesController {
  constructor(@Inject(REPORT_SNAPSHOTS_TOKEN) private readonly reports: ReportSnapshotService) {}

  @RequirePolicy('download', 'ReportSnapshot')
  @Get(':id/file.:format')
  async file(
    @Param('id') id: string,
    @Param('format') format: string,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.reports.file(id, format, { ability, by: principal.email });
    response.status(200);
    response.setHeader('Content-Type', file.mediaType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    response.setHeader('Content-Length', String(file.bytes.length));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', FILE_CSP);
    // Other callers may not see it: no shared cache keeps it.
    response.setHeader('Cache-Control', 'private, no-store');
    response.end(file.bytes);
  }

  /**
   * `POST /reports/verify` with the file as the body: whether it is an intact report, and which of
   * the snapshots the caller may read it renders (none for another organisation's).
   */
  @RequirePolicy('read', 'ReportSnapshot')
  @Post('verify')
  @HttpCode(200)
  async verify(
    @Req() request: Request,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<unknown> {
    const { verification, snapshots } = await this.reports.verify(await bodyOf(request), {
      ability,
      by: principal.email,
    });
    return {
      format: verification.format,
      matches: verification.matches,
      contentHash: verification.contentHash,
      problems: verification.problems,
      snapshots: snapshots.map((snapshot) => ({
        id: snapshot.id,
        kind: snapshot.kind,
        organisation: snapshot.organisation,
        department: snapshot.department,
        asOf: snapshot.asOf,
        approved: snapshot.approval !== null,
      })),
    };
  }
}
