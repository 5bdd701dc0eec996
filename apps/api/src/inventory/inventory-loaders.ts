import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { AppAbility } from '@cartographer/access';
import {
  type InventoryItem,
  InventoryQueryRepository,
  type InventoryRelation,
  Label,
  type RelatedItem,
} from '@cartographer/inventory';
import { readFilter } from './inventory-access.js';

/**
 * The DataLoaders of one request: every nested field of one kind, whatever the number of parents,
 * costs one Cypher query. Items come back access-filtered by the repository; resolvers still check
 * and redact each one (`present`).
 */
export class InventoryLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly repository: InventoryQueryRepository,
    private readonly ability: AppAbility,
  ) {}

  item(label: Label, revisions: boolean): DataLoader<string, InventoryItem | null> {
    return this.loader(`item|${label}|${revisions}`, (keys) =>
      this.repository.getMany(label, keys, readFilter(this.ability, [label]), { revisions }),
    );
  }

  related(relation: InventoryRelation, first: number, revisions: boolean): DataLoader<string, RelatedItem[]> {
    const id = `related|${relation.from}|${relation.type}|${relation.direction}|${relation.to.join(',')}|${first}|${revisions}`;
    return this.loader(id, (keys) =>
      this.repository.children(relation, keys, readFilter(this.ability, relation.to), { first, revisions }),
    );
  }

  flowFields(): DataLoader<string, { from: string; to: string }[]> {
    return this.loader('flowFields', (keys) =>
      this.repository.flowFieldMappings(keys, readFilter(this.ability, [Label.Field])),
    );
  }

  private loader<V>(id: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(id) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(id, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

/** One InventoryLoaders per request, kept on a WeakMap so it goes with the request. */
@Injectable()
export class InventoryLoaderFactory {
  private readonly perRequest = new WeakMap<object, InventoryLoaders>();

  constructor(private readonly repository: InventoryQueryRepository) {}

  for(request: object, ability: AppAbility): InventoryLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = new InventoryLoaders(this.repository, ability);
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }

  /** After a write: later reads of the same request must not see cached, older items. */
  reset(request: object): void {
    this.perRequest.delete(request);
  }
}
