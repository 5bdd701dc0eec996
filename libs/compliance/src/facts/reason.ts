/** A reason a DPO reads, in French and English, with a stable code for filters and tests. */
export interface Reason {
  code: string;
  fr: string;
  en: string;
}

export function reason(code: string, fr: string, en: string): Reason {
  return { code, fr, en };
}
