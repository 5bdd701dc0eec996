import type { ReviewDecision } from '../gql/graphql';

export const MAX_COMMENT = 2000;

export type CommentProblem = 'required' | 'tooLong';

/** A review needs a comment saying why (it is kept in the audit log), at most 2,000 characters. */
export function commentProblem(comment: string): CommentProblem | undefined {
  const trimmed = comment.trim();
  if (!trimmed) return 'required';
  if (trimmed.length > MAX_COMMENT) return 'tooLong';
  return undefined;
}

export interface ReviewRequest {
  key: string;
  decision: ReviewDecision;
  comment: string;
}

export function reviewRequest(key: string, decision: ReviewDecision, comment: string): ReviewRequest {
  const problem = commentProblem(comment);
  if (problem) throw new Error(`review of '${key}': comment ${problem}`);
  return { key, decision, comment: comment.trim() };
}

export interface EvidenceLine {
  label: string;
  value: string;
}

/**
 * The finding's evidence (a JSON document of detectors, hit ratios and name rules) as lines to show.
 * Unreadable evidence is shown as it is rather than hidden.
 */
export function evidenceLines(evidence: string | null | undefined): EvidenceLine[] {
  if (!evidence) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(evidence);
  } catch {
    return [{ label: 'evidence', value: evidence }];
  }
  const lines: EvidenceLine[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      if (value.every((item) => item === null || typeof item !== 'object')) {
        lines.push({ label: path, value: value.map(String).join(', ') });
      } else value.forEach((item, index) => walk(item, `${path}[${index + 1}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [name, member] of Object.entries(value))
        walk(member, !path ? name : path.endsWith('·') ? `${path} ${name}` : `${path}.${name}`);
    } else {
      lines.push({ label: path || 'evidence', value: typeof value === 'number' ? formatNumber(value) : String(value) });
    }
  };
  // A list of evidence items (one per detector or rule) is numbered: "1 · detector".
  // A single item is not numbered.
  if (Array.isArray(parsed) && parsed.length > 1 && parsed.some((item) => item !== null && typeof item === 'object'))
    parsed.forEach((item, index) => walk(item, `${index + 1} ·`));
  else if (Array.isArray(parsed) && parsed.length === 1 && parsed[0] !== null && typeof parsed[0] === 'object')
    walk(parsed[0], '');
  else walk(parsed, '');
  return lines;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}

export interface CategoryCount {
  category: string;
  count: number;
}

/** Distinct categories of findings, most frequent first, for the category filter. */
export function categoryCounts(findings: readonly { category?: string | null }[]): CategoryCount[] {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (!finding.category) continue;
    counts.set(finding.category, (counts.get(finding.category) ?? 0) + 1);
  }
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}

/** The part of a graph key after the organisation prefix (`ville:rh` → `rh`). */
export function localPart(key: string | null | undefined): string {
  if (!key) return '';
  const colon = key.indexOf(':');
  return colon >= 0 ? key.slice(colon + 1) : key;
}

/** A count read from a capped nested list: at the cap there may be more. */
export function countLabel(length: number, cap: number): string {
  return length >= cap ? `${cap}+` : String(length);
}
