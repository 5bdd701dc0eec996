import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { stringify } from 'yaml';
import {
  AccessError,
  AccessErrorCode,
  accessFilterFor,
  type AppAbility,
  assertCan,
  AuditOutbox,
  AuditOutboxRelay,
  AuditService,
  redactFields,
  type SubjectFields,
} from '@cartographer/access';
import {
  type InventoryDocument,
  InventoryCommandService,
  InventoryError,
  InventoryErrorCode,
  InventoryImportService,
  InventoryQueryRepository,
  Label,
  parseInventory,
} from '@cartographer/inventory';
import { importInventory } from '@cartographer/findings';
import { Neo4jService } from '@cartographer/graph';
import { RequirePolicy } from '../../auth/policy.decorators.js';
import { ExportInventoryArgs, ImportInventoryArgs, NeighbourhoodArgs } from '../dto/inventory-list.args.js';
import { type InventorySubject, readFilter, SUBJECT_OF } from '../inventory-access.js';
import { InventoryCaller } from '../inventory-caller.decorator.js';
import { InventoryLoaderFactory } from '../inventory-loaders.js';
import type { Caller } from '../inventory-reader.js';
import { InventoryImportModel, NeighbourhoodModel } from '../models/common.model.js';

const ALL_LABELS = Object.values(Label);

/** Only the members of a declaration the caller may read (e.g. no connectionRef for an AUDITOR). */
function redactDeclaration<T extends object>(
  ability: AppAbility,
  subject: InventorySubject,
  doc: T,
  organisation: string,
  department: string | null,
): T {
  const kept = redactFields(ability, subject, { ...(doc as SubjectFields), organisation, department });
  return Object.fromEntries(Object.entries(doc).filter(([name]) => name in kept)) as T;
}

/** Whole-inventory operations: file import and export, and the graph around one node. */
@Resolver()
export class InventoryResolver {
  constructor(
    private readonly importer: InventoryImportService,
    private readonly commands: InventoryCommandService,
    private readonly repository: InventoryQueryRepository,
    private readonly audit: AuditService,
    private readonly loaders: InventoryLoaderFactory,
    private readonly neo4j: Neo4jService,
    private readonly outbox: AuditOutbox,
    private readonly relay: AuditOutboxRelay,
  ) {}

  @RequirePolicy('create', 'DataSource')
  @Mutation(() => InventoryImportModel, {
    description: 'Imports an inventory file: validated, then written in one transaction (all or nothing); idempotent.',
  })
  async importInventory(
    @Args() args: ImportInventoryArgs,
    @InventoryCaller() caller: Caller,
  ): Promise<InventoryImportModel> {
    // The same use case as `carto import`: write, classify declared fields, propagate, audit.
    const result = await importInventory(
      { neo4j: this.neo4j, outbox: this.outbox },
      {
        document: parseInventory(args.document, { format: args.format === 'JSON' ? 'json' : 'yaml' }),
        authorize: (doc) => this.authorizeDocument(caller.ability, doc),
      },
    );
    await this.relay.flush();
    this.loaders.reset(caller.request);
    return {
      organisation: result.organisation,
      writes: result.writes,
      nodes: Object.entries(result.nodes)
        .map(([label, count]) => ({ label: label as Label, count }))
        .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
    };
  }

  /**
   * Everything a document declares must be allowed to the caller, as if each entity were created
   * through its own mutation; the organisation header needs update rights only when it changes.
   */
  private async authorizeDocument(ability: AppAbility, doc: InventoryDocument): Promise<void> {
    const organisation = doc.organisation.key;
    const check = (label: Label, local: string | null, department: string | null) =>
      assertCan(ability, 'create', SUBJECT_OF[label], {
        key: local ? `${organisation}:${local}` : organisation,
        organisation,
        department,
      });
    const header = await this.commands.organisationHeaderChanges(doc.organisation);
    if (!header.exists) check(Label.Organisation, null, null);
    else if (header.changed.length > 0) {
      assertCan(ability, 'update', 'Organisation', { key: organisation, organisation });
    } else {
      assertCan(ability, 'read', 'Organisation', { key: organisation, organisation });
    }
    for (const d of doc.departments ?? []) check(Label.Department, d.key, d.key);
    for (const s of doc.servers ?? []) check(Label.Server, s.key, null);
    for (const r of doc.recipients ?? []) check(Label.Recipient, r.key, null);
    const departmentOf = new Map<string, string>();
    for (const s of doc.sources ?? []) {
      departmentOf.set(s.key, s.department);
      check(Label.DataSource, s.key, s.department);
      for (const d of s.datasets ?? []) {
        departmentOf.set(d.key, s.department);
        check(Label.Dataset, d.key, s.department);
        if ((d.fields ?? []).length > 0) check(Label.Field, `${d.key}/${d.fields![0].name}`, s.department);
      }
    }
    for (const a of doc.processingActivities ?? []) check(Label.ProcessingActivity, a.key, a.department);
    // A flow takes its origin's department when the origin is in the file, as the import does.
    for (const f of doc.flows ?? []) check(Label.DataFlow, f.key, departmentOf.get(f.from) ?? null);
    await this.authorizeExisting(ability, organisation, doc);
  }

  /**
   * Declaring an entity that exists rewrites it, and re-parents sources, datasets and activities
   * (a source declared in another department moves there): like its update mutation, that must be
   * allowed on the entity as it is, or a data lead could take over another department's items.
   */
  private async authorizeExisting(ability: AppAbility, organisation: string, doc: InventoryDocument): Promise<void> {
    const declared: [Label, string[]][] = [
      [Label.Department, (doc.departments ?? []).map((d) => d.key)],
      [Label.Server, (doc.servers ?? []).map((s) => s.key)],
      [Label.Recipient, (doc.recipients ?? []).map((r) => r.key)],
      [Label.DataSource, (doc.sources ?? []).map((s) => s.key)],
      [Label.Dataset, (doc.sources ?? []).flatMap((s) => (s.datasets ?? []).map((d) => d.key))],
      [Label.ProcessingActivity, (doc.processingActivities ?? []).map((a) => a.key)],
      [Label.DataFlow, (doc.flows ?? []).map((f) => f.key)],
    ];
    for (const [label, locals] of declared) {
      const scope = accessFilterFor(ability, 'update', SUBJECT_OF[label]);
      // Unrestricted updates (ADMIN) need no look-up.
      if (locals.length === 0 || (scope.organisations === null && scope.departments === null)) continue;
      const keys = locals.map((local) => `${organisation}:${local}`);
      const unfiltered = { organisations: null, departments: null };
      for (const item of await this.repository.getMany(label, keys, unfiltered, { revisions: false })) {
        if (!item) continue;
        assertCan(ability, 'update', SUBJECT_OF[label], {
          key: item.key,
          organisation: item.organisation,
          department: (item.department as string | undefined) ?? null,
        });
      }
    }
  }

  @RequirePolicy('read', 'Organisation')
  @Query(() => String, {
    description: 'An organisation inventory in the import format, redacted to what the caller may read.',
  })
  async exportInventory(@Args() args: ExportInventoryArgs, @InventoryCaller() caller: Caller): Promise<string> {
    const { ability } = caller;
    const organisation = args.organisation;
    const visible = await this.repository.get(
      Label.Organisation,
      organisation,
      readFilter(ability, [Label.Organisation]),
      { revisions: false },
    );
    if (!visible)
      throw new InventoryError(InventoryErrorCode.NOT_FOUND, `Organisation '${organisation}' does not exist`);
    assertCan(ability, 'read', 'Organisation', { key: organisation, organisation });
    // An export is the whole organisation: callers restricted to some departments cannot have it.
    if (ALL_LABELS.some((label) => readFilter(ability, [label]).departments !== null)) {
      throw new AccessError(
        AccessErrorCode.FORBIDDEN,
        `not allowed to read the whole of Organisation '${organisation}'`,
      );
    }
    const doc = await this.importer.export(organisation);
    const redacted: InventoryDocument = {
      ...doc,
      servers: doc.servers?.map((s) => redactDeclaration(ability, 'Server', s, organisation, null)),
      sources: doc.sources?.map((s) => ({
        ...redactDeclaration(ability, 'DataSource', s, organisation, s.department),
        ...(s.datasets
          ? {
              datasets: s.datasets.map((d) => ({
                ...redactDeclaration(ability, 'Dataset', d, organisation, s.department),
                ...(d.fields
                  ? { fields: d.fields.map((f) => redactDeclaration(ability, 'Field', f, organisation, s.department)) }
                  : {}),
              })),
            }
          : {}),
      })),
    };
    for (const key of Object.keys(redacted) as (keyof InventoryDocument)[])
      if (redacted[key] === undefined) delete redacted[key];
    await this.audit.record({
      action: 'inventory.export',
      entityType: 'Organisation',
      entityKey: organisation,
      organisation,
      after: { format: args.format },
    });
    return args.format === 'JSON' ? `${JSON.stringify(redacted, null, 2)}\n` : stringify(redacted, { lineWidth: 0 });
  }

  @RequirePolicy('read', 'Organisation')
  @Query(() => NeighbourhoodModel, {
    description:
      'The nodes within `depth` hops of one node (through nodes the caller may read) and the relationships between them.',
  })
  async neighbourhood(@Args() args: NeighbourhoodArgs, @InventoryCaller() caller: Caller): Promise<NeighbourhoodModel> {
    const result = await this.repository.neighbourhood(
      args.key,
      { depth: args.depth, limit: args.limit, label: args.label },
      readFilter(caller.ability, ALL_LABELS),
    );
    for (const node of result.nodes) {
      assertCan(caller.ability, 'read', SUBJECT_OF[node.label], {
        key: node.key,
        organisation: node.organisation,
        department: node.department,
      });
    }
    return {
      nodes: result.nodes.map(({ label, key, name, depth }) => ({ label, key, name, depth })),
      edges: result.edges,
      truncated: result.truncated,
    };
  }
}
