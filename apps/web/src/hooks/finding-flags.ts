import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { FindingFlagsQuery } from '../graphql/operations';
import type { FindingFlagsQuery as FlagsResult } from '../gql/graphql';

export type FindingFlag = FlagsResult['findings']['nodes'][number];

/** Most pages read for the flags (100 findings each); the indicators say when they stop short. */
const MAX_PAGES = 50;

/**
 * Every finding of the organisation, reduced to its flags, read page by page: the API counts
 * findings per status but not per special category, so the count is made here.
 */
export function useAllFindingFlags(organisation: string, version = 0) {
  const client = useClient();
  const [state, setState] = useState<{ findings?: FindingFlag[]; error?: Error; complete?: boolean }>({});
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const findings: FindingFlag[] = [];
      let after: string | null | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await client
          .query(FindingFlagsQuery, { organisation, after }, { requestPolicy: 'network-only' })
          .toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          setState({ error: result.error ?? new Error('no answer') });
          return;
        }
        findings.push(...result.data.findings.nodes);
        after = result.data.findings.endCursor;
        if (!result.data.findings.hasNextPage) {
          setState({ findings, complete: true });
          return;
        }
      }
      setState({ findings, complete: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, organisation, version]);
  return state;
}
