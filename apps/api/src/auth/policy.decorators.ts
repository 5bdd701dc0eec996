import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Action, Subject } from '@cartographer/access';

export const POLICY_METADATA = 'cartographer:policy';

/** What an endpoint declares; the global PolicyGuard denies every endpoint that declares nothing. */
export type EndpointPolicy =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'policy'; action: Action; subject: Subject };

/**
 * Requires an authenticated caller whose ability allows `action` on some `subject` (type level).
 * The handler still checks each loaded instance (`assertCan`) and filters lists (`accessFilterFor`).
 * On a resolver class it covers every query, mutation and field resolver of the class.
 */
export const RequirePolicy = (action: Action, subject: Subject) =>
  applyDecorators(SetMetadata(POLICY_METADATA, { kind: 'policy', action, subject } satisfies EndpointPolicy));

/** Open to anonymous callers (health, login). A valid token, if sent, is still read. */
export const Public = () => SetMetadata(POLICY_METADATA, { kind: 'public' } satisfies EndpointPolicy);

/** Any authenticated caller; the handler restricts to the caller's own data (me, own API tokens). */
export const Authenticated = () => SetMetadata(POLICY_METADATA, { kind: 'authenticated' } satisfies EndpointPolicy);
