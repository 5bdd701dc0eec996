import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { InventoryImportService } from '@cartographer/inventory';
import { clinic, type InventoryTestKit, Role, type Session, startInventoryKit } from './testing/inventory-test-kit.js';

const IMPORT = `mutation ($document: String!, $format: InventoryFormat!) {
  importInventory(document: $document, format: $format) { organisation writes nodes { label count } } }`;

describe('importInventory and exportInventory (booted API, real Neo4j)', () => {
  let kit: InventoryTestKit;
  let admin: Session;

  beforeAll(async () => {
    kit = await startInventoryKit();
    admin = await kit.session(Role.ADMIN);
  });

  afterAll(async () => {
    await kit.close();
  });

  const header = (org: string) =>
    `version: 1\norganisation:\n  key: ${org}\n  name: Clinique du Parc\n  country: FR\n  sector: PRIVATE\n`;

  it('imports a document all at once and idempotently, exports it as YAML, and re-imports that to the same graph', async () => {
    const org = kit.organisation();
    const document = JSON.stringify(clinic(org));
    const first = await kit.gql(admin, IMPORT, { document, format: 'JSON' });
    expect(first).toEqual({
      status: 200,
      data: {
        importInventory: {
          organisation: org,
          writes: 51,
          nodes: [
            { label: 'DataFlow', count: 1 },
            { label: 'DataSource', count: 2 },
            { label: 'Dataset', count: 3 },
            { label: 'Department', count: 2 },
            { label: 'Field', count: 7 },
            { label: 'Organisation', count: 1 },
            { label: 'ProcessingActivity', count: 1 },
            { label: 'Recipient', count: 1 },
            { label: 'Server', count: 2 },
            { label: 'Stakeholder', count: 1 },
          ],
        },
      },
    });
    const snapshot = await kit.snapshot(org);
    // 21 declared nodes and 7 findings: the import classifies declared fields and propagates.
    expect(snapshot.nodes).toHaveLength(28);
    expect((await kit.gql(admin, IMPORT, { document, format: 'JSON' })).data).toEqual(first.data);
    expect(await kit.snapshot(org)).toEqual(snapshot);

    const exported = await kit.gql<{ exportInventory: string }>(
      admin,
      'query ($org: String!) { exportInventory(organisation: $org) }',
      { org },
    );
    const yaml = exported.data!.exportInventory;
    expect(parse(yaml)).toEqual(await kit.api.app.get(InventoryImportService).export(org));
    const reimported = await kit.gql(admin, IMPORT, { document: yaml, format: 'YAML' });
    expect(reimported.errors).toBeUndefined();
    expect(await kit.snapshot(org)).toEqual(snapshot);
  });

  it('refuses every malformed document with a clear error naming the path, writes nothing, and keeps serving', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const before = await kit.snapshot(org);
    const cases: [string, string, 'YAML' | 'JSON', string][] = [
      [
        'invalid YAML',
        `version: 1\norganisation: {key: ${org}, name: "unterminated\n`,
        'YAML',
        'document: invalid YAML: line 3, column 1: Missing closing "quote',
      ],
      [
        'invalid JSON',
        '{"version": 1,',
        'JSON',
        'document: invalid JSON: Expected double-quoted property name in JSON at position 14',
      ],
      ['not a mapping', '- a\n- b\n', 'YAML', 'document: must be a mapping with version and organisation'],
      [
        'unknown key',
        `${header(org)}servers:\n  - {key: s, name: S, hosting: CLOUD, country: FR, colour: blue}\n`,
        'YAML',
        "servers[0].colour: unknown key 'colour'",
      ],
      [
        'wrong type',
        `${header(org)}servers:\n  - {key: s, name: 42, hosting: CLOUD, country: FR}\n`,
        'YAML',
        'servers[0].name: must be string, got number',
      ],
      [
        'unknown country',
        `${header(org)}servers:\n  - {key: s, name: S, hosting: CLOUD, country: XZ}\n`,
        'YAML',
        "servers[0].country: 'XZ' is not an ISO 3166-1 alpha-2 country code",
      ],
      [
        'missing reference',
        `${header(org)}sources:\n  - {key: crm, name: CRM, department: finance, kind: SAAS_APPLICATION, structure: STRUCTURED}\n`,
        'YAML',
        `sources[0].department: no Department 'finance' in this file or in organisation '${org}'`,
      ],
      ['100k-deep nesting', '['.repeat(100_000), 'YAML', 'document: nesting deeper than 32 levels'],
      ['100k-deep JSON nesting', '['.repeat(100_000), 'JSON', 'document: nesting deeper than 32 levels'],
    ];
    const answers: Record<string, [string | undefined, string | undefined, unknown]> = {};
    for (const [name, document, format] of cases) {
      const answer = await kit.gql(admin, IMPORT, { document, format });
      answers[name] = [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.message, answer.data];
    }
    expect(answers).toEqual(
      Object.fromEntries(cases.map(([name, , , message]) => [name, ['BAD_USER_INPUT', message, null]])),
    );

    // The issues also come as data, path by path, for clients to show next to the input.
    const twoProblems = await kit.gql(admin, IMPORT, {
      document: `${header(org)}servers:\n  - {key: s, name: 42, hosting: CLOUD, country: XZ}\n`,
      format: 'YAML',
    });
    expect(twoProblems.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'servers[0].name', reason: 'must be string, got number' }],
    });

    // 10 MB: refused by the request size limit before any parsing.
    const huge = await fetch(`${kit.api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify({
        query: IMPORT,
        variables: { document: `${header(org)}description: ${'x'.repeat(10 * 1024 * 1024)}`, format: 'YAML' },
      }),
    });
    expect([huge.status, await huge.json()]).toEqual([
      400,
      { code: 'BAD_USER_INPUT', message: 'request entity too large' },
    ]);

    expect(await kit.snapshot(org)).toEqual(before);
    expect(await kit.nodeCount(org)).toBe(21);
    const health = await kit.gql(admin, '{ health { status } }');
    expect(health.data).toEqual({ health: { status: 'ok' } });
  });

  it('lets a caller import only what it may create: a DATA_LEAD its departments, never the organisation header', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const lead = await kit.session(Role.DATA_LEAD, { organisations: [org], departments: ['it'] });
    const auditor = await kit.session(Role.AUDITOR, { organisations: [org] });
    const source = (department: string) =>
      `sources:\n  - {key: crm-${department}, name: CRM, department: ${department}, kind: SAAS_APPLICATION, structure: STRUCTURED}\n`;
    const own = await kit.gql(lead, IMPORT, { document: `${header(org)}${source('it')}`, format: 'YAML' });
    expect(own.data).toEqual({
      importInventory: {
        organisation: org,
        writes: 3,
        nodes: [
          { label: 'DataSource', count: 1 },
          { label: 'Organisation', count: 1 },
        ],
      },
    });
    const refused = [
      await kit.gql(lead, IMPORT, { document: `${header(org)}${source('admissions')}`, format: 'YAML' }),
      await kit.gql(lead, IMPORT, {
        document: `${header(org).replace('Clinique du Parc', 'Renamed')}${source('it')}`,
        format: 'YAML',
      }),
      await kit.gql(auditor, IMPORT, { document: `${header(org)}${source('it')}`, format: 'YAML' }),
    ];
    expect(refused.map((answer) => [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.message])).toEqual([
      ['FORBIDDEN', `not allowed to create DataSource '${org}:crm-admissions'`],
      ['FORBIDDEN', `not allowed to update Organisation '${org}'`],
      ['FORBIDDEN', 'not allowed to create DataSource'],
    ]);
    const crm = await kit.neo4j.queryRead<{ key: string }>(
      'MATCH (s:DataSource {organisation: $org}) WHERE s.localKey STARTS WITH "crm" RETURN s.localKey AS key',
      { org },
    );
    expect(crm).toEqual([{ key: 'crm-it' }]);
    const name = await kit.neo4j.queryRead<{ name: string }>(
      'MATCH (o:Organisation {key: $org}) RETURN o.name AS name',
      { org },
    );
    expect(name).toEqual([{ name: 'Clinique du Parc' }]);
  });

  it('exports only what the caller may read: no connectionRef for an AUDITOR, nothing of another organisation', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const auditor = await kit.session(Role.AUDITOR, { organisations: [org] });
    const stranger = await kit.session(Role.AUDITOR, { organisations: ['elsewhere'] });
    const QUERY = 'query ($org: String!) { exportInventory(organisation: $org, format: JSON) }';
    const full = JSON.parse(
      (await kit.gql<{ exportInventory: string }>(admin, QUERY, { org })).data!.exportInventory,
    ) as { sources: Record<string, unknown>[] };
    const redacted = JSON.parse(
      (await kit.gql<{ exportInventory: string }>(auditor, QUERY, { org })).data!.exportInventory,
    ) as { sources: Record<string, unknown>[] };
    expect(full.sources.map((s) => s.connectionRef ?? null)).toEqual(['DPI_DATABASE_URL', null]);
    const { connectionRef: _hidden, ...dpi } = full.sources[0];
    expect(redacted).toEqual({ ...full, sources: [dpi, full.sources[1]] });
    const denied = await kit.gql(stranger, QUERY, { org });
    expect(denied.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['NOT_FOUND', `Organisation '${org}' does not exist`],
    ]);
  });
});
