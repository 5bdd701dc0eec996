import type { AccessFilter } from '@cartographer/access';
import {
  type CommandContext,
  type CommandResult,
  type InventoryCommandService,
  type InventoryQueryRepository,
  Label,
  type RecipientDoc,
  TIA_CONCLUSIONS,
  TIA_STEPS,
  type TiaDoc,
  type TransferToolDoc,
} from '@cartographer/inventory';
import { requireAsOf } from './compliance-queries.js';
import { RegistersError, RegistersErrorCode, quoted } from './registers.errors.js';

/** A transfer impact assessment (EDPB Recommendations 01/2020) recorded for one recipient. */
export interface TiaRecordRequest {
  organisation: string;
  /** The recipient's local key: the TIA frames the Art. 46 tool of every transfer to it. */
  recipient: string;
  tia: TiaDoc;
}

export interface TiaDeps {
  repository: InventoryQueryRepository;
  commands: InventoryCommandService;
}

const invalid = (member: string, message: string) =>
  new RegistersError(RegistersErrorCode.INVALID_INPUT, member, message);

/** The TIA as it will be stored, or an error naming the member at fault (nothing is read before). */
export function validTia(tia: TiaDoc): TiaDoc {
  const out: TiaDoc = {};
  if (tia.reference !== undefined && tia.reference !== null) out.reference = tia.reference;
  for (const member of ['assessedOn', 'reevaluateBy'] as const) {
    const value = tia[member];
    if (value !== undefined && value !== null) out[member] = requireAsOf(value, `tia.${member}`);
  }
  if (out.assessedOn && out.reevaluateBy && out.reevaluateBy < out.assessedOn)
    throw invalid('tia.reevaluateBy', `${quoted(out.reevaluateBy)} is before the assessment (${out.assessedOn})`);
  if (tia.stepsDone !== undefined && tia.stepsDone !== null) {
    const seen = new Set<string>();
    tia.stepsDone.forEach((step, i) => {
      if (!(TIA_STEPS as readonly string[]).includes(step))
        throw invalid(`tia.stepsDone[${i}]`, `${quoted(step)} is not one of ${TIA_STEPS.join(', ')}`);
      if (seen.has(step)) throw invalid(`tia.stepsDone[${i}]`, `${quoted(step)} is listed twice`);
      seen.add(step);
    });
    // In the order of the Recommendations, whatever the order given: same TIA, same bytes.
    out.stepsDone = TIA_STEPS.filter((step) => seen.has(step));
  }
  if (tia.conclusion !== undefined && tia.conclusion !== null) {
    if (!(TIA_CONCLUSIONS as readonly string[]).includes(tia.conclusion))
      throw invalid('tia.conclusion', `${quoted(tia.conclusion)} is not one of ${TIA_CONCLUSIONS.join(', ')}`);
    out.conclusion = tia.conclusion;
  }
  if (tia.supplementaryMeasures !== undefined && tia.supplementaryMeasures !== null)
    out.supplementaryMeasures = [...tia.supplementaryMeasures];
  return out;
}

/**
 * Records (replaces) the TIA of a recipient's transfer tool, keeping the tool's other members,
 * through the inventory's update command: the caller's `context.authorize` decides (a TIA is the
 * recipient's `transferTool` member), the command validates and audits. The recipient is read
 * first and updated only if its revision is still the one read (CONFLICT otherwise): a concurrent
 * change of the tool is never overwritten.
 */
export async function recordTransferImpactAssessment(
  deps: TiaDeps,
  request: TiaRecordRequest,
  access: AccessFilter,
  context: CommandContext,
): Promise<CommandResult> {
  const tia = validTia(request.tia);
  const key = `${request.organisation}:${request.recipient}`;
  const current = await deps.repository.get(Label.Recipient, key, access);
  if (!current || current.organisation !== request.organisation)
    throw new RegistersError(
      RegistersErrorCode.RECIPIENT_NOT_FOUND,
      'recipient',
      `${quoted(request.recipient)} is not a recipient of organisation ${quoted(request.organisation)}`,
    );
  const tool = (current as unknown as RecipientDoc).transferTool ?? {};
  const transferTool: TransferToolDoc = { ...tool, tia };
  return deps.commands.updateRecipient(key, { transferTool }, context, current.revision);
}
