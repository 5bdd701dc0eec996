import { Injectable } from '@nestjs/common';
import { type AppAbility, assertPageSize } from '@cartographer/access';
import {
  type InventoryListFilter,
  InventoryQueryRepository,
  type InventoryRelation,
  Label,
} from '@cartographer/inventory';
import { present, readFilter } from './inventory-access.js';
import { InventoryLoaderFactory } from './inventory-loaders.js';
import type { View } from './inventory-views.js';
import type { PageShape } from './models/common.model.js';

/** The caller's request and ability, as every resolver gets them. */
export interface Caller {
  request: object;
  ability: AppAbility;
  /** Whether the items read must carry their revision (the selection asks for it); true when not said. */
  revisions?: boolean;
}

/** Only the filter members that were given (GraphQL input objects may carry undefined or null). */
function filterOf(filter: object | undefined | null): InventoryListFilter {
  return Object.fromEntries(
    Object.entries(filter ?? {}).filter(([, value]) => value !== undefined && value !== null),
  ) as InventoryListFilter;
}

/**
 * Reads for the resolvers: the access filter goes into the Cypher, each loaded item is checked and
 * redacted (`present`), nested fields go through the request's DataLoaders.
 */
@Injectable()
export class InventoryReader {
  constructor(
    private readonly repository: InventoryQueryRepository,
    private readonly loaders: InventoryLoaderFactory,
  ) {}

  /** Null when the item does not exist or the caller may not read it (the two are not told apart). */
  async one(caller: Caller, label: Label, key: string): Promise<View | null> {
    const { ability } = caller;
    const item = await this.repository.get(label, key, readFilter(ability, [label]), {
      revisions: caller.revisions ?? true,
    });
    return item ? present(ability, item) : null;
  }

  async page(
    caller: Caller,
    label: Label,
    args: { filter?: object | null; first?: number | null; after?: string | null },
  ): Promise<PageShape<View>> {
    const { ability } = caller;
    const page = await this.repository.list(
      label,
      { filter: filterOf(args.filter), first: args.first, after: args.after, revisions: caller.revisions ?? true },
      readFilter(ability, [label]),
    );
    return {
      items: page.items.map((item) => present(ability, item)),
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
    };
  }

  /** A nested list: at most `first` (1 to MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE) related items by key. */
  async related(
    caller: Caller,
    relation: InventoryRelation,
    parentKey: string,
    first?: number | null,
  ): Promise<View[]> {
    return (await this.relatedWithProps(caller, relation, parentKey, first)).map((entry) => entry.view);
  }

  async relatedWithProps(
    caller: Caller,
    relation: InventoryRelation,
    parentKey: string,
    first?: number | null,
  ): Promise<{ view: View; rel: Record<string, unknown> }[]> {
    // Field arguments do not go through the ValidationPipe: bounded here.
    const size = assertPageSize(first);
    const rows = await this.loaders
      .for(caller.request, caller.ability)
      .related(relation, size, caller.revisions ?? true)
      .load(parentKey);
    return rows.map((row) => ({ view: present(caller.ability, row.item), rel: row.rel }));
  }

  async byKey(caller: Caller, label: Label, key: string | null | undefined): Promise<View | null> {
    if (!key) return null;
    const item = await this.loaders
      .for(caller.request, caller.ability)
      .item(label, caller.revisions ?? true)
      .load(key);
    return item ? present(caller.ability, item) : null;
  }

  async flowFields(caller: Caller, flowKey: string): Promise<{ from: string; to: string }[]> {
    return this.loaders.for(caller.request, caller.ability).flowFields().load(flowKey);
  }
}
