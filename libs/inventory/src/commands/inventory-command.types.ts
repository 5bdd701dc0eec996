import type { ManagedTransaction } from 'neo4j-driver';
import type {
  DatasetDoc,
  DepartmentDoc,
  FieldDoc,
  FlowDoc,
  OrganisationDoc,
  ProcessingActivityDoc,
  RecipientDoc,
  ServerDoc,
  SourceDoc,
} from '../format/inventory-document.js';
import type { Label } from '../model/labels.js';

/*
 * Commands take the import format's members, except that every reference to an existing entity is
 * its graph key (`<organisation>:<key>`, `<organisation>:<dataset>/<field>` for a field), as the
 * API returns them. A new entity belongs to its parent's organisation (or to the given one for
 * entities hanging off the organisation); every reference must be in that same organisation.
 */
export type CreateOrganisationCommand = OrganisationDoc;
export type CreateDepartmentCommand = DepartmentDoc & { organisation: string };
export type CreateServerCommand = ServerDoc & { organisation: string };
export type CreateRecipientCommand = RecipientDoc & { organisation: string };
export type CreateDataSourceCommand = Omit<SourceDoc, 'datasets'>;
export type CreateDatasetCommand = DatasetDoc & { source: string };
export type CreateFieldCommand = FieldDoc & { dataset: string };
export type CreateProcessingActivityCommand = ProcessingActivityDoc;
export type CreateDataFlowCommand = Omit<FlowDoc, 'fields'> & { fields?: { from: string; to: string }[] };

/** An update: absent (undefined) members stay as they are, null clears an optional member. */
export type Changes<T> = { [K in keyof T]?: T[K] | null };

export type UpdateOrganisationCommand = Changes<Omit<OrganisationDoc, 'key'>>;
export type UpdateDepartmentCommand = Changes<Omit<DepartmentDoc, 'key'>>;
export type UpdateServerCommand = Changes<Omit<ServerDoc, 'key'>>;
export type UpdateRecipientCommand = Changes<Omit<RecipientDoc, 'key'>>;
export type UpdateDataSourceCommand = Changes<Omit<SourceDoc, 'key' | 'datasets'>>;
export type UpdateDatasetCommand = Changes<Omit<DatasetDoc, 'key' | 'fields'> & { source: string }>;
export type UpdateFieldCommand = Changes<Omit<FieldDoc, 'name'>>;
export type UpdateProcessingActivityCommand = Changes<Omit<ProcessingActivityDoc, 'key'>>;
export type UpdateDataFlowCommand = Changes<Omit<CreateDataFlowCommand, 'key'>>;

/** What a command is about to touch, for the caller's authorization check. */
export interface CommandTarget {
  label: Label;
  key: string;
  organisation: string;
  /** Local key of the owning department, for department-owned entities (null when unknown). */
  department: string | null;
}

export interface AuthorizationRequest {
  action: 'create' | 'update' | 'delete';
  label: Label;
  /** The entity as it is (update, delete). */
  current?: CommandTarget;
  /** The entity as it will be (create, update). */
  next?: CommandTarget;
  /** Members an update changes. */
  fields?: string[];
}

/**
 * Called once a command has read what it changes and before it writes anything; throws to refuse.
 * A delete calls it for every entity it would delete. It runs inside the command's transaction,
 * which the driver may retry: it must not change anything outside.
 */
export type Authorize = (request: AuthorizationRequest) => void;

export interface CommandResult {
  label: Label;
  key: string;
  organisation: string;
  /** The declaration before and after, in the import format (for the audit log). */
  before: unknown;
  after: unknown;
}

export interface DeletionResult {
  label: Label;
  key: string;
  organisation: string;
  /** Every node deleted: the entity, what it owned, and flows left without an end; sorted. */
  deleted: { label: Label; key: string }[];
}

export interface DeleteOptions {
  /** Also delete what the entity owns and what references it would leave dangling. */
  cascade?: boolean;
}

/** What every command needs from its caller: a required authorization hook, and an optional write hook. */
export interface CommandContext {
  /** Required: a forgotten hook must not fail open. `ALLOW_ALL` for callers that mean it. */
  authorize: Authorize;
  /**
   * Called inside the command's write transaction, after the write (the audit outbox). The
   * transaction may be retried: the hook must only write through `tx`.
   */
  onWrite?: (tx: ManagedTransaction, result: CommandResult | DeletionResult) => Promise<void>;
}

/** Authorizes everything: for the demo loader, tests and tools acting as the system itself. */
export const ALLOW_ALL: Authorize = () => undefined;
