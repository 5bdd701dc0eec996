import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { InventoryDocument, SourceDoc } from '@cartographer/inventory';
import { clinic, type InventoryTestKit, Role, type Session, startInventoryKit } from './testing/inventory-test-kit.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `count` sources in two departments, each with `datasets` datasets of `fields` fields. */
function catalogue(organisation: string, count: number, datasets = 1, fields = 2): InventoryDocument {
  const sources: SourceDoc[] = Array.from({ length: count }, (_, i) => ({
    key: `src-${pad(i + 1)}`,
    name: `Source ${pad(i + 1)}`,
    department: i < 12 ? 'a' : 'b',
    kind: i % 2 === 0 ? 'RELATIONAL_DATABASE' : 'FILE_SHARE',
    structure: 'STRUCTURED',
    datasets: Array.from({ length: datasets }, (_, d) => ({
      key: `ds-${pad(i + 1)}-${d + 1}`,
      name: `Table ${d + 1} of source ${pad(i + 1)}`,
      kind: 'TABLE',
      fields: Array.from({ length: fields }, (_, f) => ({ name: `col${f + 1}` })),
    })),
  }));
  return {
    version: 1,
    organisation: { key: organisation, name: 'Catalogue', country: 'FR', sector: 'PRIVATE' },
    departments: [
      { key: 'a', name: 'Département A' },
      { key: 'b', name: 'Département B' },
    ],
    servers: [
      { key: 'paris', name: 'Paris', hosting: 'ON_PREMISES', country: 'FR' },
      { key: 'oregon', name: 'Oregon', hosting: 'CLOUD', country: 'US' },
      { key: 'zurich', name: 'Zurich', hosting: 'CLOUD', country: 'CH' },
    ],
    recipients: [
      { key: 'paie', name: 'Prestataire paie', role: 'PROCESSOR', country: 'FR', safeguard: 'NONE' },
      { key: 'mailer', name: 'Mailer Inc', role: 'SUB_PROCESSOR', country: 'US', safeguard: 'SCC' },
    ],
    sources,
    processingActivities: (['CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION'] as const).map((basis, i) => ({
      key: `pa-${i + 1}`,
      name: `Traitement ${i + 1}`,
      department: 'a',
      controller: { name: 'Catalogue' },
      purposes: ['Gestion'],
      legalBases: i === 2 ? ['CONTRACT', basis] : [basis],
      dataSubjectCategories: ['Clients'],
      personalDataCategories: ['Identité'],
      retention: '1 an',
      securityMeasures: ['Contrôle d’accès'],
    })),
  };
}

describe('inventory lists, filters, pagination, neighbourhood and batching (booted API, real Neo4j)', () => {
  let kit: InventoryTestKit;
  let admin: Session;
  let org: string;

  const keys = (items: { key: string }[]) => items.map((item) => item.key.slice(org.length + 1));
  const cursor = (key: string) => Buffer.from(`${org}:${key}`).toString('base64url');
  type Page = {
    totalCount: number;
    items: { key: string }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };

  beforeAll(async () => {
    kit = await startInventoryKit();
    admin = await kit.session(Role.ADMIN);
    org = kit.organisation('cat');
    await kit.importDocument(catalogue(org, 25));
  });

  afterAll(async () => {
    await kit.close();
  });

  const SOURCES = `query ($filter: DataSourceFilter, $first: Int, $after: String) {
    dataSources(filter: $filter, first: $first, after: $after) { totalCount items { key } pageInfo { endCursor hasNextPage } } }`;
  const sources = async (variables: Record<string, unknown>, session = admin) => {
    const answer = await kit.gql<{ dataSources: Page }>(session, SOURCES, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!.dataSources;
  };

  it('pages through a list ordered by key with opaque cursors, exact pages and counts', async () => {
    const filter = { organisation: org };
    const first = await sources({ filter, first: 10 });
    expect(first).toEqual({
      totalCount: 25,
      items: Array.from({ length: 10 }, (_, i) => ({ key: `${org}:src-${pad(i + 1)}` })),
      pageInfo: { endCursor: cursor('src-10'), hasNextPage: true },
    });
    const second = await sources({ filter, first: 10, after: first.pageInfo.endCursor });
    expect(keys(second.items)).toEqual(Array.from({ length: 10 }, (_, i) => `src-${pad(i + 11)}`));
    expect(second.pageInfo).toEqual({ endCursor: cursor('src-20'), hasNextPage: true });
    const third = await sources({ filter, first: 10, after: second.pageInfo.endCursor });
    expect(third).toEqual({
      totalCount: 25,
      items: Array.from({ length: 5 }, (_, i) => ({ key: `${org}:src-${pad(i + 21)}` })),
      pageInfo: { endCursor: cursor('src-25'), hasNextPage: false },
    });
    const beyond = await sources({ filter, first: 10, after: third.pageInfo.endCursor });
    expect(beyond).toEqual({ totalCount: 25, items: [], pageInfo: { endCursor: null, hasNextPage: false } });
    // Without `first`: the default page of 50 holds them all.
    expect((await sources({ filter })).items).toHaveLength(25);
  });

  it('filters each list by the members it allows, combined, with counts over the filtered set', async () => {
    const relational = await sources({ filter: { organisation: org, kind: 'RELATIONAL_DATABASE' }, first: 5 });
    expect(relational.totalCount).toBe(13);
    expect(keys(relational.items)).toEqual(['src-01', 'src-03', 'src-05', 'src-07', 'src-09']);
    const inB = await sources({ filter: { department: `${org}:b`, kind: 'FILE_SHARE' } });
    expect(keys(inB.items)).toEqual(['src-14', 'src-16', 'src-18', 'src-20', 'src-22', 'src-24']);
    const search = await sources({ filter: { organisation: org, search: 'SOURCE 1' } });
    expect(keys(search.items)).toEqual([
      'src-10',
      'src-11',
      'src-12',
      'src-13',
      'src-14',
      'src-15',
      'src-16',
      'src-17',
      'src-18',
      'src-19',
    ]);

    const answer = await kit.gql<Record<string, Page>>(
      admin,
      `query ($org: String!, $source: String!, $dataset: String!) {
        servers(filter: { organisation: $org, hosting: CLOUD }) { totalCount items { key } pageInfo { hasNextPage endCursor } }
        thirdCountry: servers(filter: { organisation: $org, jurisdiction: THIRD_COUNTRY }) { totalCount items { key } pageInfo { hasNextPage endCursor } }
        recipients(filter: { organisation: $org, role: SUB_PROCESSOR, safeguard: SCC, country: "us" }) { totalCount items { key } pageInfo { hasNextPage endCursor } }
        processingActivities(filter: { organisation: $org, legalBasis: CONTRACT }) { totalCount items { key } pageInfo { hasNextPage endCursor } }
        datasets(filter: { source: $source }) { totalCount items { key } pageInfo { hasNextPage endCursor } }
        fields(filter: { dataset: $dataset, search: "2" }) { totalCount items { key } pageInfo { hasNextPage endCursor } }
      }`,
      { org, source: `${org}:src-07`, dataset: `${org}:ds-07-1` },
    );
    expect(answer.errors).toBeUndefined();
    const summary = Object.fromEntries(
      Object.entries(answer.data!).map(([name, page]) => [name, [page.totalCount, keys(page.items)]]),
    );
    expect(summary).toEqual({
      servers: [2, ['oregon', 'zurich']],
      thirdCountry: [1, ['oregon']],
      recipients: [1, ['mailer']],
      processingActivities: [2, ['pa-2', 'pa-3']],
      datasets: [1, ['ds-07-1']],
      fields: [1, ['ds-07-1/col2']],
    });
  });

  it('refuses a page size above the maximum, a foreign cursor and a filter the list does not take', async () => {
    const tooBig = await kit.gql(admin, SOURCES, { filter: { organisation: org }, first: 101 });
    const badCursor = await kit.gql(admin, SOURCES, { filter: { organisation: org }, after: 'not-a-cursor!' });
    const nested = await kit.gql(admin, `{ dataSources(first: 1) { items { datasets(first: 500) { key } } } }`);
    const unknown = await kit.gql(admin, `{ servers(filter: { kind: RELATIONAL_DATABASE }) { totalCount } }`);
    expect(
      [tooBig, badCursor, nested].map((answer) => [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.message]),
    ).toEqual([
      ['BAD_USER_INPUT', 'first must not be greater than 100'],
      ['BAD_USER_INPUT', 'after: not a cursor of this list'],
      ['BAD_USER_INPUT', 'first: expected an integer from 1 to 100, got 500'],
    ]);
    expect(unknown.errors?.[0]).toEqual({
      message: 'Field "kind" is not defined by type "ServerFilter".',
      locations: [{ line: 1, column: 21 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('never lists nor counts what the caller may not read', async () => {
    const other = kit.organisation('cat-other');
    await kit.importDocument(catalogue(other, 3));
    const dpo = await kit.session(Role.DPO, { organisations: [other] });
    expect(await sources({ first: 100, filter: { search: 'source' } }, dpo)).toEqual({
      totalCount: 3,
      items: ['src-01', 'src-02', 'src-03'].map((key) => ({ key: `${other}:${key}` })),
      pageInfo: { endCursor: Buffer.from(`${other}:src-03`).toString('base64url'), hasNextPage: false },
    });
    expect(await sources({ filter: { organisation: org } }, dpo)).toEqual({
      totalCount: 0,
      items: [],
      pageInfo: { endCursor: null, hasNextPage: false },
    });
  });

  it('costs a constant number of Cypher statements whatever the number of parents (no N+1)', async () => {
    const small = kit.organisation('few');
    const large = kit.organisation('many');
    await kit.importDocument(catalogue(small, 5, 2, 3));
    await kit.importDocument(catalogue(large, 20, 2, 3));
    const query = `query ($org: String!) { dataSources(filter: { organisation: $org }, first: 20) {
      totalCount items { key department { key } datasets(first: 5) { key fields(first: 5) { key name } } } } }`;
    let answer:
      | Awaited<ReturnType<typeof kit.gql<{ dataSources: { items: { datasets: { fields: unknown[] }[] }[] } }>>>
      | undefined;
    const forFive = await kit.countStatements(async () => {
      answer = await kit.gql(admin, query, { org: small });
    });
    const forTwenty = await kit.countStatements(async () => {
      answer = await kit.gql(admin, query, { org: large });
    });
    const items = answer!.data!.dataSources.items;
    expect(items.length).toBe(20);
    expect(items.flatMap((item) => item.datasets).length).toBe(40);
    expect(items.flatMap((item) => item.datasets.flatMap((dataset) => dataset.fields)).length).toBe(120);
    // Page + count, then one query each for departments, datasets and fields; revisions are not
    // selected here, so no declarations query is sent for them.
    expect([forFive, forTwenty]).toEqual([5, 5]);
  });

  it('answers the neighbourhood of a node at depth 1 and 2, exactly', async () => {
    const clinicOrg = kit.organisation('clinic');
    await kit.importDocument(clinic(clinicOrg));
    const k = (local: string) => (local ? `${clinicOrg}:${local}` : clinicOrg);
    const QUERY = `query ($key: ID!, $depth: Int!) { neighbourhood(key: $key, depth: $depth) { nodes { label key name depth } edges { from to type } truncated } }`;
    type Answer = {
      neighbourhood: {
        nodes: { label: string; key: string; name: string; depth: number }[];
        edges: { from: string; to: string; type: string }[];
        truncated: boolean;
      };
    };
    const one = (await kit.gql<Answer>(admin, QUERY, { key: k('patients'), depth: 1 })).data!.neighbourhood;
    expect(one.nodes).toEqual([
      { label: 'Dataset', key: k('patients'), name: 'public.patients', depth: 0 },
      { label: 'DataFlow', key: k('alimentation-entrepot'), name: 'alimentation-entrepot', depth: 1 },
      { label: 'DataSource', key: k('dpi'), name: 'Dossier patient informatisé', depth: 1 },
      {
        label: 'ProcessingActivity',
        key: k('gestion-patients'),
        name: 'Gestion administrative des patients',
        depth: 1,
      },
      { label: 'Field', key: k('patients/date_naissance'), name: 'date_naissance', depth: 1 },
      { label: 'Field', key: k('patients/id'), name: 'id', depth: 1 },
      { label: 'Field', key: k('patients/nom'), name: 'nom', depth: 1 },
      { label: 'Dataset', key: k('sejours'), name: 'public.sejours', depth: 1 },
    ]);
    expect(one.edges).toEqual([
      { from: k('alimentation-entrepot'), to: k('patients'), type: 'FLOWS_FROM' },
      { from: k('dpi'), to: k('patients'), type: 'CONTAINS' },
      { from: k('dpi'), to: k('sejours'), type: 'CONTAINS' },
      { from: k('gestion-patients'), to: k('patients'), type: 'USES' },
      { from: k('gestion-patients'), to: k('patients/nom'), type: 'USES' },
      { from: k('patients'), to: k('patients/date_naissance'), type: 'HAS_FIELD' },
      { from: k('patients'), to: k('patients/id'), type: 'HAS_FIELD' },
      { from: k('patients'), to: k('patients/nom'), type: 'HAS_FIELD' },
      { from: k('sejours'), to: k('patients'), type: 'REFERENCES' },
    ]);
    expect(one.truncated).toBe(false);

    const two = (await kit.gql<Answer>(admin, QUERY, { key: k('labo'), depth: 2 })).data!.neighbourhood;
    expect(two.nodes.map((node) => `${node.depth} ${node.label} ${node.key}`)).toEqual([
      `0 Recipient ${k('labo')}`,
      `1 Organisation ${k('')}`,
      `1 ProcessingActivity ${k('gestion-patients')}`,
      `2 Department ${k('admissions')}`,
      `2 Department ${k('it')}`,
      `2 Dataset ${k('patients')}`,
      `2 Field ${k('patients/nom')}`,
      `2 Server ${k('srv-fr')}`,
      `2 Server ${k('srv-us')}`,
    ]);
    expect(two.edges.map((edge) => `${edge.from} ${edge.type} ${edge.to}`)).toEqual([
      `${k('')} HAS_DEPARTMENT ${k('admissions')}`,
      `${k('')} HAS_DEPARTMENT ${k('it')}`,
      `${k('')} HAS_RECIPIENT ${k('labo')}`,
      `${k('')} HAS_SERVER ${k('srv-fr')}`,
      `${k('')} HAS_SERVER ${k('srv-us')}`,
      `${k('admissions')} RUNS ${k('gestion-patients')}`,
      `${k('gestion-patients')} DISCLOSES_TO ${k('labo')}`,
      `${k('gestion-patients')} TRANSFERS_TO ${k('labo')}`,
      `${k('gestion-patients')} USES ${k('patients')}`,
      `${k('gestion-patients')} USES ${k('patients/nom')}`,
      `${k('patients')} HAS_FIELD ${k('patients/nom')}`,
    ]);

    const bounded = (
      await kit.gql<Answer>(
        admin,
        'query ($key: ID!) { neighbourhood(key: $key, depth: 3, limit: 4) { nodes { key } truncated } }',
        { key: clinicOrg },
      )
    ).data!.neighbourhood;
    expect(bounded).toEqual({
      nodes: [{ key: k('') }, { key: k('admissions') }, { key: k('it') }, { key: k('labo') }],
      truncated: true,
    });
  });

  it('never shows in a neighbourhood, nor crosses, a node the caller may not read', async () => {
    const mine = kit.organisation('mine');
    const theirs = kit.organisation('theirs');
    await kit.importDocument(clinic(mine));
    await kit.importDocument(clinic(theirs));
    // A relationship across organisations (no import makes one): the other end must stay hidden.
    await kit.neo4j.queryWrite('MATCH (a:Dataset {key: $a}), (b:Dataset {key: $b}) CREATE (a)-[:REFERENCES]->(b)', {
      a: `${mine}:stats`,
      b: `${theirs}:patients`,
    });
    const dpo = await kit.session(Role.DPO, { organisations: [mine] });
    const QUERY = 'query ($key: ID!) { neighbourhood(key: $key, depth: 2) { nodes { key } edges { from to } } }';
    type Answer = { neighbourhood: { nodes: { key: string }[]; edges: { from: string; to: string }[] } };
    const seen = (await kit.gql<Answer>(dpo, QUERY, { key: `${mine}:stats` })).data!.neighbourhood;
    expect(seen.nodes.filter((node) => !node.key.startsWith(`${mine}`))).toEqual([]);
    expect(seen.edges.filter((edge) => !edge.from.startsWith(mine) || !edge.to.startsWith(mine))).toEqual([]);
    const all = (await kit.gql<Answer>(admin, QUERY, { key: `${mine}:stats` })).data!.neighbourhood;
    expect(all.nodes.filter((node) => node.key.startsWith(theirs)).map((node) => node.key)).toEqual([
      `${theirs}:patients`,
      `${theirs}:alimentation-entrepot`,
      `${theirs}:dpi`,
      `${theirs}:gestion-patients`,
      `${theirs}:patients/date_naissance`,
      `${theirs}:patients/id`,
      `${theirs}:patients/nom`,
      `${theirs}:sejours`,
    ]);
    const hidden = await kit.gql(dpo, QUERY, { key: `${theirs}:patients` });
    expect(hidden.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['NOT_FOUND', `no inventory item with key '${theirs}:patients'`],
    ]);
  });
});
