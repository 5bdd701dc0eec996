import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';

/** One urql client per session: the token goes in the Authorization header of every request. */
export function createClient(token: string | null, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    // POST only: Apollo's CSRF prevention refuses simple GET requests, and tokens stay out of URLs.
    preferGetMethod: false,
    // Lists change when a finding is reviewed: the document cache refetches them on mutation.
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    fetchOptions: (): RequestInit => ({
      headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>),
    }),
  });
}

/** The message to show for a failed operation: the API's own message, without urql's prefix. */
export function errorMessage(error: { graphQLErrors?: { message: string }[]; message: string }): string {
  return error.graphQLErrors?.[0]?.message ?? error.message.replace(/^\[(GraphQL|Network)\]\s*/, '');
}
