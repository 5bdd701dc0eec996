import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '@cartographer/config';
import { RESOLVERS } from './resolvers.js';

export const SCHEMA_FILE = join(projectRoot(), 'apps', 'api', 'schema.gql');

export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The code-first schema, built without any store, sorted so that diffs are stable. */
export async function buildSchemaSdl(): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await context.init();
    return printSortedSchema(await context.get(GraphQLSchemaFactory).create(RESOLVERS));
  } finally {
    await context.close();
  }
}

export async function committedSchemaSdl(): Promise<string> {
  return readFile(SCHEMA_FILE, 'utf8');
}
