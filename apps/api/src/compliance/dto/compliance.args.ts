import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DPIA_RESULTS, type DpiaResult, type TransferStatus } from '@cartographer/compliance';
import { TEXT_BOUNDS } from '@cartographer/inventory';
import { PageArgs } from '../../graphql/page.args.js';
import { KEY_MESSAGE, LOCAL_KEY, ORGANISATION_KEY } from '../../inventory/dto/inventory-common.input.js';
import { DpiaResultEnum, TransferStatusEnum } from '../models/compliance-common.model.js';

/** What the three compliance queries share: one organisation, a department, the as-of date, a page. */
@ArgsType()
export class ComplianceArgs extends PageArgs {
  @Field(() => String, { description: 'Organisation key.' })
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation!: string;

  @Field(() => String, { nullable: true, description: 'Local key: only this department’s activities.' })
  @IsOptional()
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  department?: string;

  // Checked by the use case, which names the member and the value (`asOf: '2026-13-01' is not a date …`).
  @Field(() => String, { description: 'YYYY-MM-DD: the only date the results depend on.' })
  @IsString()
  @MaxLength(TEXT_BOUNDS.code)
  asOf!: string;
}

@ArgsType()
export class TransfersArgs extends ComplianceArgs {
  @Field(() => TransferStatusEnum, { nullable: true, description: 'Only transfers with this status.' })
  @IsOptional()
  @IsIn(Object.values(TransferStatusEnum))
  status?: TransferStatus;
}

@ArgsType()
export class ProcessingRecordArgs extends ComplianceArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only activities whose record is complete (100%); false: only incomplete ones.',
  })
  @IsOptional()
  @IsBoolean()
  complete?: boolean;
}

@ArgsType()
export class DpiaScreeningArgs extends ComplianceArgs {
  @Field(() => DpiaResultEnum, { nullable: true, description: 'Only activities with this (decided) result.' })
  @IsOptional()
  @IsIn(DPIA_RESULTS)
  result?: DpiaResult;
}
