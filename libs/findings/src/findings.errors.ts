import { DomainError, ErrorKind } from '@cartographer/common';

export enum FindingsErrorCode {
  NOT_FOUND = 'FINDINGS_NOT_FOUND',
  INVALID_INPUT = 'FINDINGS_INVALID_INPUT',
}

const KINDS: Readonly<Record<FindingsErrorCode, ErrorKind>> = {
  [FindingsErrorCode.NOT_FOUND]: ErrorKind.NOT_FOUND,
  [FindingsErrorCode.INVALID_INPUT]: ErrorKind.INVALID_INPUT,
};

export class FindingsError extends DomainError<FindingsErrorCode> {
  constructor(code: FindingsErrorCode, message: string) {
    super(code, message, KINDS);
  }
}
