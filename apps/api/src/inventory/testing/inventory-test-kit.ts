import type { ManagedTransaction } from 'neo4j-driver';
import { DataSource } from 'typeorm';
import { Role, UsersService } from '@cartographer/access';
import { Neo4jService } from '@cartographer/graph';
import { type InventoryDocument, InventoryImportService, plain } from '@cartographer/inventory';
import { uniqueId } from '@cartographer/testing';
import { type ApiHarness, type GraphQLResponse, startApi } from '../../testing/api-harness.js';

const PASSWORD = 'a long test password';

export type Session = Record<string, string>;

/**
 * What the inventory API tests share: the booted API, accounts created through the access layer's
 * UsersService with tokens from the real login mutation, organisations owned by the test file
 * (deleted afterwards) and a Cypher statement counter around the app's Neo4jService.
 */
export interface InventoryTestKit {
  api: ApiHarness;
  neo4j: Neo4jService;
  /** A fresh account with this role, logged in. */
  session(role: Role, scope?: { organisations?: string[]; departments?: string[] }): Promise<Session>;
  gql<T = Record<string, unknown>>(
    session: Session,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** A unique organisation key, deleted (with everything in it) by close(). */
  organisation(prefix?: string): string;
  importDocument(doc: InventoryDocument): Promise<void>;
  nodeCount(organisation: string): Promise<number>;
  /** Every node and relationship of an organisation as sorted lines (timestamps left out). */
  snapshot(organisation: string): Promise<{ nodes: string[]; rels: string[] }>;
  /** Cypher statements run through Neo4jService while `work` runs. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

export async function startInventoryKit(): Promise<InventoryTestKit> {
  const api = await startApi();
  const neo4j = api.app.get(Neo4jService);
  const users = api.app.get(UsersService);
  const db = api.app.get(DataSource);
  const run = uniqueId('inv');
  const emails: string[] = [];
  const organisations: string[] = [];
  let statements = 0;

  // Counts every statement: tx.run inside read()/write(), and each executeQuery-based call.
  const counting = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property === 'run') {
          return (...args: Parameters<ManagedTransaction['run']>) => {
            statements += 1;
            return target.run(...args);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  const read = neo4j.read.bind(neo4j);
  const write = neo4j.write.bind(neo4j);
  const queryRead = neo4j.queryRead.bind(neo4j);
  const queryWrite = neo4j.queryWrite.bind(neo4j);
  Object.assign(neo4j, {
    read: <T>(work: (tx: ManagedTransaction) => Promise<T>) => read((tx) => work(counting(tx))),
    write: <T>(work: (tx: ManagedTransaction) => Promise<T>) => write((tx) => work(counting(tx))),
    queryRead: (...args: Parameters<Neo4jService['queryRead']>) => {
      statements += 1;
      return queryRead(...args);
    },
    queryWrite: (...args: Parameters<Neo4jService['queryWrite']>) => {
      statements += 1;
      return queryWrite(...args);
    },
  });

  const kit: InventoryTestKit = {
    api,
    neo4j,
    async session(role, scope = {}) {
      const email = `${role.toLowerCase()}-${uniqueId()}@${run}.test`;
      emails.push(email);
      await users.create({
        email,
        displayName: `Inventory test ${role}`,
        role,
        organisations: scope.organisations ?? [],
        departments: scope.departments ?? [],
        password: PASSWORD,
      });
      const login = await api.graphql<{ login: { token: string } }>(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password: PASSWORD },
      );
      if (!login.data) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
      return { authorization: `Bearer ${login.data.login.token}` };
    },
    gql(session, query, variables = {}) {
      return api.graphql(query, variables, session);
    },
    organisation(prefix = 'org') {
      const key = uniqueId(`${prefix}-`).toLowerCase();
      organisations.push(key);
      return key;
    },
    async importDocument(doc) {
      await api.app.get(InventoryImportService).importDocument(doc);
    },
    async nodeCount(organisation) {
      const [row] = await queryRead<{ n: { toNumber(): number } }>(
        'MATCH (n {organisation: $organisation}) RETURN count(n) AS n',
        { organisation },
      );
      return row.n.toNumber();
    },
    async snapshot(organisation) {
      const text = (props: Record<string, unknown>) =>
        Object.keys(props)
          // Timestamps: when a node was created, when a finding was last detected (each import).
          .filter((name) => name !== 'createdAt' && name !== 'lastDetectedAt')
          .sort()
          .map((name) => `${name}=${JSON.stringify(plain(props[name]))};`)
          .join('');
      const nodes = await queryRead<{ label: string; key: string; props: Record<string, unknown> }>(
        'MATCH (n {organisation: $organisation}) RETURN labels(n)[0] AS label, n.key AS key, properties(n) AS props',
        { organisation },
      );
      const rels = await queryRead<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
        'MATCH (a {organisation: $organisation})-[r]->(b) RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props',
        { organisation },
      );
      return {
        nodes: nodes.map((n) => `${n.label} ${n.key} ${text(n.props)}`).sort(),
        rels: rels.map((r) => `${r.from} ${r.type} ${r.to} ${text(r.props)}`.trim()).sort(),
      };
    },
    async countStatements(work) {
      const before = statements;
      await work();
      return statements - before;
    },
    async close() {
      for (const key of organisations) await queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
      await db.query('DELETE FROM users WHERE email = ANY($1)', [emails]);
      await api.close();
    },
  };
  return kit;
}

/** A small, complete inventory: two departments, two sources, three datasets, a flow, an activity. */
export function clinic(organisation: string): InventoryDocument {
  return {
    version: 1,
    organisation: { key: organisation, name: 'Clinique du Parc', country: 'FR', sector: 'PRIVATE' },
    departments: [
      { key: 'admissions', name: 'Admissions', stakeholders: [{ role: 'OWNER', name: 'Responsable admissions' }] },
      { key: 'it', name: 'DSI' },
    ],
    servers: [
      { key: 'srv-fr', name: 'Baie Paris', hosting: 'ON_PREMISES', country: 'FR' },
      { key: 'srv-us', name: 'Mail Oregon', hosting: 'SAAS', country: 'US' },
    ],
    recipients: [{ key: 'labo', name: 'Laboratoire Bio', role: 'PROCESSOR', country: 'CH', safeguard: 'ADEQUACY' }],
    sources: [
      {
        key: 'dpi',
        name: 'Dossier patient informatisé',
        department: 'admissions',
        kind: 'RELATIONAL_DATABASE',
        structure: 'STRUCTURED',
        servers: ['srv-fr'],
        volume: { records: 120000, bytes: 5000000000 },
        connectionRef: 'DPI_DATABASE_URL',
        datasets: [
          {
            key: 'patients',
            name: 'public.patients',
            kind: 'TABLE',
            fields: [
              { name: 'id', dataType: 'integer' },
              { name: 'nom', dataType: 'varchar' },
              { name: 'date_naissance' },
            ],
          },
          {
            key: 'sejours',
            name: 'public.sejours',
            kind: 'TABLE',
            fields: [{ name: 'id' }, { name: 'patient_id' }],
            references: [
              { name: 'fk_patient', columns: ['patient_id'], dataset: 'patients', referencedColumns: ['id'] },
            ],
          },
        ],
      },
      {
        key: 'entrepot',
        name: 'Entrepôt de données',
        department: 'it',
        kind: 'DATA_LAKE',
        structure: 'SEMI_STRUCTURED',
        datasets: [
          { key: 'stats', name: 'stats_sejours', kind: 'FILE', fields: [{ name: 'patient_id' }, { name: 'nom' }] },
        ],
      },
    ],
    processingActivities: [
      {
        key: 'gestion-patients',
        name: 'Gestion administrative des patients',
        department: 'admissions',
        controller: { name: 'Clinique du Parc' },
        purposes: ['Admission et facturation'],
        legalBases: ['CONTRACT', 'LEGAL_OBLIGATION'],
        dataSubjectCategories: ['Patients'],
        personalDataCategories: ['Identité'],
        recipients: ['labo'],
        transfers: [{ recipient: 'labo', country: 'CH', safeguard: 'ADEQUACY' }],
        retention: '20 ans',
        securityMeasures: ['Chiffrement au repos'],
        datasets: ['patients'],
        fields: ['patients/nom'],
      },
    ],
    flows: [
      {
        key: 'alimentation-entrepot',
        from: 'patients',
        to: 'stats',
        fields: ['nom', { from: 'sejours/patient_id', to: 'stats/patient_id' }],
        frequency: 'DAILY',
        mechanism: 'ETL',
      },
    ],
  };
}

export { Role };
