import type { NestExpressApplication } from '@nestjs/platform-express';
import { testConfig, testStores } from '@cartographer/testing';
import { createApiApp } from '../bootstrap.js';

export interface ApiHarness {
  app: NestExpressApplication;
  baseUrl: string;
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: (string | number)[] }[];
}

/** Boots the whole API once on the real test stores and talks to it over HTTP. */
export async function startApi(overrides: Record<string, string> = {}): Promise<ApiHarness> {
  const app = await createApiApp(testConfig(overrides), testStores());
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    baseUrl,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.status, ...body };
    },
    async close() {
      await app.close();
    },
  };
}
