import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { smallInventory, uniqueId, testStores } from '@cartographer/testing';
import { InventoryError, InventoryErrorCode } from '../inventory.errors.js';
import { InventoryImportService } from '../inventory-import.service.js';
import { Label } from '../model/labels.js';
import { revisionOf } from '../model/revision.js';
import { readSource } from '../query/inventory-declarations.js';
import { InventoryCommandService } from './inventory-command.service.js';
import { ALLOW_ALL, type CommandContext } from './inventory-command.types.js';

describe('inventory commands: one transaction, optimistic concurrency (real Neo4j)', () => {
  let neo4j: Neo4jService;
  let sut: InventoryCommandService;
  let importer: InventoryImportService;
  const owned: string[] = [];
  const system: CommandContext = { authorize: ALLOW_ALL };

  /** An organisation of the test's own holding the small inventory; `dpi` is its main data source. */
  const seeded = async () => {
    const organisation = uniqueId('cmd-');
    owned.push(organisation);
    await importer.importDocument(smallInventory(organisation));
    return { organisation, source: `${organisation}:dpi` };
  };

  const sourceOf = (key: string) => neo4j.read((tx) => readSource(tx, key));
  const exported = (organisation: string) => importer.export(organisation);
  const conflictOf = (error: unknown) =>
    error instanceof InventoryError && error.code === InventoryErrorCode.CONFLICT ? error.message : error;

  /** The stored declaration of `dpi` in the small inventory, as the reader gives it. */
  const DPI = {
    key: 'dpi',
    name: 'Dossier patient informatisé',
    department: 'admissions',
    kind: 'RELATIONAL_DATABASE',
    structure: 'STRUCTURED',
    servers: ['srv-fr', 'srv-no'],
    volume: { records: 120000, bytes: 5000000000 },
    velocity: { recordsPerDay: 350 },
    accessMethods: ['SQL', 'EXPORT'],
    connectionRef: 'DPI_DATABASE_URL',
  };

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    sut = new InventoryCommandService(neo4j);
    importer = new InventoryImportService(neo4j);
  });

  afterEach(async () => {
    for (const key of owned.splice(0)) {
      await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
    }
  });

  afterAll(async () => {
    await neo4j.driver.close();
  });

  it('of two concurrent updates with the same revision, one wins, the other answers CONFLICT', async () => {
    const { source } = await seeded();
    const read = (await sourceOf(source))!;
    expect(read.doc).toEqual(DPI);
    expect(read.revision).toBe(revisionOf(DPI));

    const a = { name: 'DPI (A)', description: 'Changed by A', accessMethods: ['REST_API' as const] };
    const b = { name: 'DPI (B)', connectionRef: null, volume: { records: 7 } };
    const outcomes = await Promise.allSettled([
      sut.updateDataSource(source, a, system, read.revision),
      sut.updateDataSource(source, b, system, read.revision),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = outcomes[0].status === 'fulfilled' ? 'a' : 'b';
    const expected =
      winner === 'a'
        ? { ...DPI, name: 'DPI (A)', description: 'Changed by A', accessMethods: ['REST_API'] }
        : (({ connectionRef: _gone, ...rest }) => ({ ...rest, name: 'DPI (B)', volume: { records: 7 } }))(DPI);
    const after = (await sourceOf(source))!;
    expect(after.doc).toEqual(expected);
    const loser = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(conflictOf(loser.reason)).toBe(
      `DataSource '${source}' has changed since revision '${read.revision}': its current revision is '${after.revision}'; read it again and re-apply the change`,
    );
  });

  it('of two concurrent creates of one organisation, one wins, the other answers DUPLICATE_KEY', async () => {
    const key = uniqueId('cmd-');
    owned.push(key);
    const outcomes = await Promise.allSettled(
      ['Première', 'Seconde'].map((name) => sut.createOrganisation({ key, name, country: 'FR' }, system)),
    );
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const won = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes[1 - won] as PromiseRejectedResult;
    expect([(lost.reason as InventoryError).code, (lost.reason as InventoryError).message]).toEqual([
      InventoryErrorCode.DUPLICATE_KEY,
      `input.key: organisation '${key}' already exists`,
    ]);
    expect((await exported(key)).organisation).toEqual({ key, name: ['Première', 'Seconde'][won], country: 'FR' });
    const [created] = await neo4j.queryRead<{ createdAt: string | null }>(
      'MATCH (o:Organisation {key: $key}) RETURN o.createdAt AS createdAt',
      { key },
    );
    expect(typeof created.createdAt).toBe('string');
  });

  it('locks before it reads: an update that starts while another is uncommitted sees its result', async () => {
    const { source } = await seeded();
    const { revision } = (await sourceOf(source))!;
    let second: Promise<unknown> | undefined;
    // The first command's hook runs inside its transaction, after its write: the second command
    // starts then, and must wait for the commit instead of reading the old declaration.
    const first = await sut.updateDataSource(
      source,
      { name: 'First' },
      {
        authorize: ALLOW_ALL,
        onWrite: async () => {
          second ??= sut.updateDataSource(source, { name: 'Second' }, system, revision).catch(conflictOf);
          await new Promise((resolve) => setTimeout(resolve, 300));
        },
      },
      revision,
    );
    expect(first.after).toEqual({ ...DPI, name: 'First' });
    const current = (await sourceOf(source))!;
    expect(await second).toBe(
      `DataSource '${source}' has changed since revision '${revision}': its current revision is '${current.revision}'; read it again and re-apply the change`,
    );
    expect(current.doc).toEqual({ ...DPI, name: 'First' });
  });

  it('writes nothing for a stale revision', async () => {
    const { organisation, source } = await seeded();
    const stale = (await sourceOf(source))!.revision;
    await sut.updateDataSource(source, { description: 'Fresh' }, system, stale);
    const before = await exported(organisation);

    await expect(sut.updateDataSource(source, { name: 'Lost' }, system, stale)).rejects.toMatchObject({
      code: InventoryErrorCode.CONFLICT,
    });
    expect(await exported(organisation)).toEqual(before);
    expect((await sourceOf(source))!.doc).toEqual({ ...DPI, description: 'Fresh' });
  });

  it('applies an update without a revision to whatever is current', async () => {
    const { source } = await seeded();
    await sut.updateDataSource(source, { description: 'One' }, system);
    const result = await sut.updateDataSource(source, { name: 'Two' }, system);
    expect(result).toEqual({
      label: Label.DataSource,
      key: source,
      organisation: source.split(':')[0],
      before: { ...DPI, description: 'One' },
      after: { ...DPI, description: 'One', name: 'Two' },
    });
    expect((await sourceOf(source))!.doc).toEqual({ ...DPI, description: 'One', name: 'Two' });
  });

  it('checks the revision of datasets without their fields and of fields on their own', async () => {
    const { organisation } = await seeded();
    const dataset = `${organisation}:patients`;
    const field = `${organisation}:patients/nom`;
    const datasetRevision = revisionOf({ key: 'patients', name: 'public.patients', kind: 'TABLE' });
    const fieldRevision = revisionOf({ name: 'nom', dataType: 'varchar', description: 'Nom de naissance' });
    // A change to a field is no change to its dataset's declaration, and the other way round.
    await sut.updateField(field, { description: 'Nom' }, system, fieldRevision);
    await sut.updateDataset(dataset, { description: 'Patients' }, system, datasetRevision);
    await expect(sut.updateField(field, { nullable: true }, system, fieldRevision)).rejects.toMatchObject({
      code: InventoryErrorCode.CONFLICT,
    });
    await expect(sut.updateDataset(dataset, { name: 'x' }, system, datasetRevision)).rejects.toMatchObject({
      code: InventoryErrorCode.CONFLICT,
    });
    const { sources } = await exported(organisation);
    expect(sources!.find((s) => s.key === 'dpi')!.datasets![0]).toEqual({
      key: 'patients',
      name: 'public.patients',
      kind: 'TABLE',
      description: 'Patients',
      fields: [
        { name: 'date_naissance', dataType: 'date' },
        { name: 'id', dataType: 'integer' },
        { name: 'nom', dataType: 'varchar', description: 'Nom' },
      ],
    });
  });

  it('writes nothing when the write hook or the authorization fails, both inside the transaction', async () => {
    const { organisation, source } = await seeded();
    const before = await exported(organisation);
    const hook: CommandContext = {
      authorize: ALLOW_ALL,
      onWrite: async (tx, result) => {
        await tx.run('CREATE (:CommandHookProbe {organisation: $organisation, key: $key})', result);
        throw new Error('outbox unavailable');
      },
    };
    await expect(sut.updateDataSource(source, { name: 'Never' }, hook)).rejects.toThrow('outbox unavailable');
    const refuse: CommandContext = {
      authorize: () => {
        throw new InventoryError(InventoryErrorCode.NOT_FOUND, 'refused');
      },
    };
    await expect(sut.delete(Label.DataSource, source, { cascade: true }, refuse)).rejects.toThrow('refused');
    expect(await exported(organisation)).toEqual(before);
    const probes = await neo4j.queryRead('MATCH (p:CommandHookProbe {organisation: $organisation}) RETURN p', {
      organisation,
    });
    expect(probes).toEqual([]);
  });

  it('calls the write hook in the transaction with the result, once per committed command', async () => {
    const { organisation, source } = await seeded();
    const seen: unknown[] = [];
    const context: CommandContext = {
      authorize: ALLOW_ALL,
      onWrite: async (tx, result) => {
        await tx.run('CREATE (:CommandHookProbe {organisation: $organisation, key: $key})', result);
        seen.push({ label: result.label, key: result.key });
      },
    };
    await sut.updateDataSource(source, { name: 'Hooked' }, context);
    await sut.delete(Label.DataFlow, `${organisation}:alimentation-entrepot`, {}, context);
    const probes = await neo4j.queryRead<{ key: string }>(
      'MATCH (p:CommandHookProbe {organisation: $organisation}) RETURN p.key AS key ORDER BY key',
      { organisation },
    );
    expect(probes).toEqual([{ key: `${organisation}:alimentation-entrepot` }, { key: `${organisation}:dpi` }]);
    expect(seen).toEqual([
      { label: Label.DataSource, key: source },
      { label: Label.DataFlow, key: `${organisation}:alimentation-entrepot` },
    ]);
  });
});
