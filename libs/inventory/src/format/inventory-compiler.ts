import { ComplianceError, isIsoDate, resolveJurisdiction } from '@cartographer/compliance';
import { FeasibilityError, parsePlan } from '@cartographer/feasibility';
import { InventoryError, InventoryErrorCode, type InventoryIssue, quote } from '../inventory.errors.js';
import {
  type ExternalRef,
  type GraphBatch,
  type NodeRow,
  type Props,
  type RelGroup,
  type RelRow,
} from '../graph/graph-batch.js';
import { Label, Rel } from '../model/labels.js';
import * as declared from '../model/declarations.js';
import { encodeMembers } from '../model/storage.js';
import type { InventoryDocument, StakeholderDoc } from './inventory-document.js';
import { type ObservedInventory, withObserved } from './observed.js';

/** `<organisation>:<local key>`: the graph key of an entity declared in an organisation's file. */
export function graphKey(organisation: string, localKey: string): string {
  return `${organisation}:${localKey}`;
}

export function fieldLocalKey(datasetKey: string, fieldName: string): string {
  return `${datasetKey}/${fieldName}`;
}

/** A stable key for a stakeholder: its owner, role and name. */
function stakeholderKey(ownerKey: string, stakeholder: StakeholderDoc): string {
  return `${ownerKey}#${stakeholder.role}#${stakeholder.name.toLowerCase().replace(/\s+/g, '-')}`;
}

/**
 * The plan and the needs, as JSON properties of the organisation node, only when the file has
 * them: a file without a plan (a scan's document, an older file) leaves the stored plan alone.
 */
function feasibilityProps(doc: InventoryDocument): Props {
  const encoded = encodeMembers(declared.FEASIBILITY, doc);
  return Object.fromEntries(Object.entries(encoded).filter(([, value]) => value !== null));
}

/**
 * What the schema cannot say about a plan (`parsePlan`: real dates, unique ids, known
 * predecessors, no cycle, baselines, progress) and about the needs (one entry per server), each
 * issue under `plan.` / `needs.` and naming its task.
 */
function feasibilityIssues(doc: InventoryDocument): InventoryIssue[] {
  const issues: InventoryIssue[] = [];
  if (doc.plan !== undefined) {
    try {
      parsePlan(doc.plan);
    } catch (error) {
      if (!(error instanceof FeasibilityError)) throw error;
      for (const issue of error.issues)
        issues.push({
          path: `plan${issue.path ? `.${issue.path}` : ''}${issue.task === undefined ? '' : ` (task ${quote(issue.task)})`}`,
          reason: issue.reason,
        });
    }
  }
  const seen = new Map<string, number>();
  (doc.needs?.servers ?? []).forEach((entry, i) => {
    const first = seen.get(entry.server);
    if (first !== undefined)
      issues.push({
        path: `needs.servers[${i}].server`,
        reason: `server ${quote(entry.server)} is already described by needs.servers[${first}]`,
      });
    else seen.set(entry.server, i);
  });
  return issues;
}

class BatchBuilder {
  readonly nodes = new Map<Label, NodeRow[]>();
  private readonly rels = new Map<string, RelGroup>();

  node(label: Label, key: string, props: Props): void {
    let rows = this.nodes.get(label);
    if (!rows) this.nodes.set(label, (rows = []));
    rows.push({ key, props });
  }

  rel(type: Rel, from: Label, to: Label, row: RelRow): void {
    const id = `${type}|${from}|${to}`;
    let group = this.rels.get(id);
    if (!group) this.rels.set(id, (group = { type, from, to, rows: [] }));
    group.rows.push(row);
  }

  relGroups(): RelGroup[] {
    return [...this.rels.values()];
  }
}

/**
 * Checks what the JSON Schema cannot (unique keys, references, country codes) and turns a valid
 * document into the batch the writer applies. Every problem is collected, so one run names them all.
 * `observed`: what a scan measured of the document's sources (see observed.ts).
 */
export function compileInventory(doc: InventoryDocument, file?: string, observed?: ObservedInventory): GraphBatch {
  const org = doc.organisation.key;
  const k = (local: string) => graphKey(org, local);
  const issues: InventoryIssue[] = [];
  const external: ExternalRef[] = [];
  const pending: GraphBatch['pendingEndpoints'] = [];
  const b = new BatchBuilder();

  const country = (value: string | undefined, path: string, extra: { certifications?: string[] } = {}) => {
    if (value === undefined) return undefined;
    try {
      return resolveJurisdiction({
        country: value,
        field: path,
        certifications: extra.certifications,
        sector: doc.organisation.sector === 'PUBLIC' ? 'PUBLIC' : 'COMMERCIAL',
      });
    } catch (error) {
      if (error instanceof ComplianceError) {
        issues.push({
          path,
          reason: error.message.startsWith(`${path}: `) ? error.message.slice(path.length + 2) : error.message,
        });
        return undefined;
      }
      throw error;
    }
  };

  /** Canonical codes of a list of countries, each checked and named by its path. */
  const countries = (values: string[] | undefined, path: string) =>
    values?.map((value, i) => country(value, `${path}[${i}]`)?.country ?? value);

  const realDate = (value: string | undefined, path: string) => {
    if (value !== undefined && !isIsoDate(value))
      issues.push({ path, reason: `${quote(value)} is not a calendar date (YYYY-MM-DD)` });
  };

  const unique = <T extends { key: string }>(items: T[] | undefined, collection: string, seen: Map<string, string>) => {
    (items ?? []).forEach((item, index) => {
      const previous = seen.get(item.key);
      if (previous)
        issues.push({
          path: `${collection}[${index}].key`,
          reason: `duplicate key ${quote(item.key)} (also ${previous})`,
        });
      else seen.set(item.key, `${collection}[${index}]`);
    });
  };

  const departments = new Map<string, string>();
  const servers = new Map<string, string>();
  const recipients = new Map<string, string>();
  const activities = new Map<string, string>();
  const flows = new Map<string, string>();
  // Sources and datasets share one key space: a flow endpoint names either.
  const containers = new Map<string, string>();
  unique(doc.departments, 'departments', departments);
  unique(doc.servers, 'servers', servers);
  unique(doc.recipients, 'recipients', recipients);
  unique(doc.processingActivities, 'processingActivities', activities);
  unique(doc.flows, 'flows', flows);
  unique(doc.sources, 'sources', containers);
  const datasetFields = new Map<string, Set<string> | null>();
  const datasetDepartment = new Map<string, string>();
  const sourceKeys = new Set((doc.sources ?? []).map((s) => s.key));
  (doc.sources ?? []).forEach((source, si) => unique(source.datasets, `sources[${si}].datasets`, containers));
  for (const source of doc.sources ?? []) {
    for (const dataset of source.datasets ?? []) {
      datasetFields.set(dataset.key, dataset.fields ? new Set(dataset.fields.map((f) => f.name)) : null);
      datasetDepartment.set(dataset.key, source.department);
    }
  }

  const ref = (map: Map<string, string>, labels: Label[], key: string, path: string) => {
    if (!map.has(key)) external.push({ labels, key: k(key), path });
  };

  // Organisation
  const o = doc.organisation;
  country(o.country, 'organisation.country');
  country(o.dpo?.country, 'organisation.dpo.country');
  country(o.representative?.country, 'organisation.representative.country');
  feasibilityIssues(doc).forEach((issue) => issues.push(issue));
  (doc.needs?.servers ?? []).forEach((s, i) => ref(servers, [Label.Server], s.server, `needs.servers[${i}].server`));
  b.node(Label.Organisation, org, {
    organisation: org,
    ...encodeMembers(declared.ORGANISATION, o),
    country: o.country?.toUpperCase() ?? null,
    ...feasibilityProps(doc),
  });

  // Security facts (issue 12): dates that exist, unique keys, incidents naming known entities.
  const securityDates = (members: declared.Members, value: unknown, path: string) => {
    for (const found of declared.datesIn(members, value, path)) realDate(found.value, found.path);
  };
  securityDates(declared.ORGANISATION_SECURITY, o.security, 'organisation.security');
  (doc.departments ?? []).forEach((d, i) =>
    securityDates(declared.DEPARTMENT_SECURITY, d.security, `departments[${i}].security`),
  );
  (doc.servers ?? []).forEach((s, i) => securityDates(declared.SERVER_SECURITY, s.security, `servers[${i}].security`));
  (doc.processingActivities ?? []).forEach((a, i) =>
    securityDates(declared.ACTIVITY_SECURITY, a.security, `processingActivities[${i}].security`),
  );
  unique(o.security?.incidents, 'organisation.security.incidents', new Map());
  unique(o.security?.plannedMeasures, 'organisation.security.plannedMeasures', new Map());
  (o.security?.incidents ?? []).forEach((incident, i) => {
    const path = `organisation.security.incidents[${i}]`;
    (incident.activities ?? []).forEach((a, j) =>
      ref(activities, [Label.ProcessingActivity], a, `${path}.activities[${j}]`),
    );
    (incident.sources ?? []).forEach((s, j) =>
      ref(containers, [Label.DataSource, Label.Dataset], s, `${path}.sources[${j}]`),
    );
  });

  const stakeholders = (
    ownerLabel: Label,
    ownerKey: string,
    list: StakeholderDoc[] | undefined,
    department: string | null,
  ) => {
    for (const s of list ?? []) {
      const key = stakeholderKey(ownerKey, s);
      b.node(Label.Stakeholder, key, { organisation: org, department, ...encodeMembers(declared.STAKEHOLDER, s) });
      b.rel(Rel.HAS_STAKEHOLDER, ownerLabel, Label.Stakeholder, { from: ownerKey, to: key, props: { role: s.role } });
    }
  };

  for (const d of doc.departments ?? []) {
    b.node(Label.Department, k(d.key), {
      organisation: org,
      ...encodeMembers(declared.DEPARTMENT, d),
      department: d.key,
    });
    b.rel(Rel.HAS_DEPARTMENT, Label.Organisation, Label.Department, { from: org, to: k(d.key) });
    stakeholders(Label.Department, k(d.key), d.stakeholders, d.key);
  }

  (doc.servers ?? []).forEach((s, i) => {
    const j = country(s.country, `servers[${i}].country`, { certifications: s.certifications });
    const parent = s.providerParent && country(s.providerParent.country, `servers[${i}].providerParent.country`);
    if (s.operator !== undefined) ref(recipients, [Label.Recipient], s.operator, `servers[${i}].operator`);
    b.node(Label.Server, k(s.key), {
      organisation: org,
      ...encodeMembers(declared.SERVER, s),
      providerParentCountry: parent?.country ?? s.providerParent?.country ?? null,
      accessCountries: countries(s.accessCountries, `servers[${i}].accessCountries`) ?? [],
      country: j?.country ?? s.country,
      jurisdiction: j?.jurisdiction ?? null,
      jurisdictionNote: j?.explanation ?? null,
    });
    b.rel(Rel.HAS_SERVER, Label.Organisation, Label.Server, { from: org, to: k(s.key) });
  });

  (doc.recipients ?? []).forEach((r, i) => {
    const j = country(r.country, `recipients[${i}].country`, { certifications: r.certifications });
    const established =
      r.establishmentCountry === undefined
        ? undefined
        : country(r.establishmentCountry, `recipients[${i}].establishmentCountry`);
    realDate(r.transferTool?.tia?.assessedOn, `recipients[${i}].transferTool.tia.assessedOn`);
    realDate(r.transferTool?.tia?.reevaluateBy, `recipients[${i}].transferTool.tia.reevaluateBy`);
    b.node(Label.Recipient, k(r.key), {
      organisation: org,
      ...encodeMembers(declared.RECIPIENT, r),
      establishmentCountry: established?.country ?? r.establishmentCountry ?? null,
      accessCountries: countries(r.accessCountries, `recipients[${i}].accessCountries`) ?? [],
      country: j?.country ?? r.country,
      jurisdiction: j?.jurisdiction ?? null,
      jurisdictionNote: j?.explanation ?? null,
    });
    b.rel(Rel.HAS_RECIPIENT, Label.Organisation, Label.Recipient, { from: org, to: k(r.key) });
  });

  (doc.sources ?? []).forEach((s, si) => {
    const path = `sources[${si}]`;
    ref(departments, [Label.Department], s.department, `${path}.department`);
    b.node(Label.DataSource, k(s.key), { organisation: org, ...encodeMembers(declared.SOURCE, s) });
    b.rel(Rel.OWNS, Label.Department, Label.DataSource, { from: k(s.department), to: k(s.key) });
    (s.servers ?? []).forEach((server, i) => {
      ref(servers, [Label.Server], server, `${path}.servers[${i}]`);
      b.rel(Rel.HOSTED_ON, Label.DataSource, Label.Server, { from: k(s.key), to: k(server) });
    });
    stakeholders(Label.DataSource, k(s.key), s.stakeholders, s.department);

    (s.datasets ?? []).forEach((d, di) => {
      const dpath = `${path}.datasets[${di}]`;
      b.node(Label.Dataset, k(d.key), {
        organisation: org,
        ...encodeMembers(declared.DATASET, d),
        department: s.department,
        source: s.key,
      });
      b.rel(Rel.CONTAINS, Label.DataSource, Label.Dataset, { from: k(s.key), to: k(d.key) });
      const names = new Set<string>();
      (d.fields ?? []).forEach((f, fi) => {
        if (names.has(f.name)) {
          issues.push({ path: `${dpath}.fields[${fi}].name`, reason: `duplicate field ${quote(f.name)}` });
          return;
        }
        names.add(f.name);
        const fkey = k(fieldLocalKey(d.key, f.name));
        b.node(Label.Field, fkey, {
          organisation: org,
          department: s.department,
          dataset: d.key,
          name: f.name,
          dataType: f.dataType ?? null,
          description: f.description ?? null,
          nullable: f.nullable ?? null,
        });
        b.rel(Rel.HAS_FIELD, Label.Dataset, Label.Field, { from: k(d.key), to: fkey });
      });
      (d.references ?? []).forEach((r, ri) => {
        const rpath = `${dpath}.references[${ri}]`;
        if (r.columns.length !== r.referencedColumns.length) {
          issues.push({ path: rpath, reason: 'columns and referencedColumns must have the same length' });
        }
        r.columns.forEach((column, ci) => {
          if (!names.has(column) && d.fields)
            issues.push({
              path: `${rpath}.columns[${ci}]`,
              reason: `no field ${quote(column)} in dataset ${quote(d.key)}`,
            });
        });
        const target = datasetFields.get(r.dataset);
        if (!datasetFields.has(r.dataset))
          external.push({ labels: [Label.Dataset], key: k(r.dataset), path: `${rpath}.dataset` });
        r.referencedColumns.forEach((column, ci) => {
          if (target && !target.has(column))
            issues.push({
              path: `${rpath}.referencedColumns[${ci}]`,
              reason: `no field ${quote(column)} in dataset ${quote(r.dataset)}`,
            });
        });
        b.rel(Rel.REFERENCES, Label.Dataset, Label.Dataset, {
          from: k(d.key),
          to: k(r.dataset),
          props: encodeMembers(declared.REFERENCE, r),
        });
        // Field-level lineage of the foreign key: the referenced column's values live on in the
        // referencing column (a patient id in a stay row identifies the patient too).
        r.columns.forEach((column, ci) => {
          const referenced = r.referencedColumns[ci];
          if (referenced === undefined) return;
          if (target && !target.has(referenced)) return;
          if (d.fields && !names.has(column)) return;
          const parentField = k(fieldLocalKey(r.dataset, referenced));
          if (!target)
            external.push({ labels: [Label.Field], key: parentField, path: `${rpath}.referencedColumns[${ci}]` });
          b.rel(Rel.FEEDS, Label.Field, Label.Field, {
            from: parentField,
            to: k(fieldLocalKey(d.key, column)),
            props: { via: 'FOREIGN_KEY', reference: r.name ?? null, flow: null },
          });
        });
      });
    });
  });

  const fieldRef = (value: string, path: string): string | undefined => {
    const slash = value.indexOf('/');
    const dataset = value.slice(0, slash);
    const name = value.slice(slash + 1);
    if (datasetFields.has(dataset)) {
      const fields = datasetFields.get(dataset);
      if (fields && !fields.has(name)) {
        issues.push({ path, reason: `no field ${quote(name)} in dataset ${quote(dataset)}` });
        return undefined;
      }
      if (!fields) external.push({ labels: [Label.Field], key: k(value), path });
    } else {
      external.push({ labels: [Label.Field], key: k(value), path });
    }
    return k(value);
  };

  (doc.processingActivities ?? []).forEach((a, ai) => {
    const path = `processingActivities[${ai}]`;
    ref(departments, [Label.Department], a.department, `${path}.department`);
    country(a.controller.country, `${path}.controller.country`);
    country(a.representative?.country, `${path}.representative.country`);
    country(a.dpo?.country, `${path}.dpo.country`);
    (a.jointControllers ?? []).forEach((jc, i) => country(jc.country, `${path}.jointControllers[${i}].country`));
    b.node(Label.ProcessingActivity, k(a.key), { organisation: org, ...encodeMembers(declared.ACTIVITY, a) });
    b.rel(Rel.RUNS, Label.Department, Label.ProcessingActivity, { from: k(a.department), to: k(a.key) });
    (a.recipients ?? []).forEach((r, i) => {
      ref(recipients, [Label.Recipient], r, `${path}.recipients[${i}]`);
      b.rel(Rel.DISCLOSES_TO, Label.ProcessingActivity, Label.Recipient, { from: k(a.key), to: k(r) });
    });
    (a.transfers ?? []).forEach((t, i) => {
      ref(recipients, [Label.Recipient], t.recipient, `${path}.transfers[${i}].recipient`);
      const j = country(t.country, `${path}.transfers[${i}].country`);
      b.rel(Rel.TRANSFERS_TO, Label.ProcessingActivity, Label.Recipient, {
        from: k(a.key),
        to: k(t.recipient),
        props: {
          ...encodeMembers(declared.TRANSFER, t),
          country: j?.country ?? t.country,
          jurisdiction: j?.jurisdiction ?? null,
        },
      });
    });
    (a.datasets ?? []).forEach((d, i) => {
      if (!datasetFields.has(d)) external.push({ labels: [Label.Dataset], key: k(d), path: `${path}.datasets[${i}]` });
      b.rel(Rel.USES, Label.ProcessingActivity, Label.Dataset, { from: k(a.key), to: k(d) });
    });
    (a.fields ?? []).forEach((f, i) => {
      const key = fieldRef(f, `${path}.fields[${i}]`);
      if (key) b.rel(Rel.USES, Label.ProcessingActivity, Label.Field, { from: k(a.key), to: key });
    });
  });

  (doc.flows ?? []).forEach((f, fi) => {
    const path = `flows[${fi}]`;
    const endpoint = (value: string, side: 'from' | 'to'): Label | undefined => {
      if (sourceKeys.has(value)) return Label.DataSource;
      if (datasetFields.has(value)) return Label.Dataset;
      external.push({ labels: [Label.DataSource, Label.Dataset], key: k(value), path: `${path}.${side}` });
      return undefined;
    };
    const fromLabel = endpoint(f.from, 'from');
    const toLabel = endpoint(f.to, 'to');
    b.node(Label.DataFlow, k(f.key), {
      organisation: org,
      ...encodeMembers(declared.FLOW, f),
      department:
        datasetDepartment.get(f.from) ?? (doc.sources ?? []).find((s) => s.key === f.from)?.department ?? null,
    });
    // An endpoint declared elsewhere is a source or a dataset: the writer resolves which.
    if (fromLabel) b.rel(Rel.FLOWS_FROM, Label.DataFlow, fromLabel, { from: k(f.key), to: k(f.from) });
    else pending.push({ type: Rel.FLOWS_FROM, from: k(f.key), to: k(f.from) });
    if (toLabel) b.rel(Rel.FLOWS_TO, Label.DataFlow, toLabel, { from: k(f.key), to: k(f.to) });
    else pending.push({ type: Rel.FLOWS_TO, from: k(f.key), to: k(f.to) });
    (f.fields ?? []).forEach((mapping, mi) => {
      const mpath = `${path}.fields[${mi}]`;
      let fromField: string | undefined;
      let toField: string | undefined;
      if (typeof mapping === 'string') {
        if (fromLabel !== Label.Dataset || toLabel !== Label.Dataset) {
          issues.push({
            path: mpath,
            reason: 'a bare field name needs both ends of the flow to be datasets; use {from, to} with dataset/field',
          });
          return;
        }
        fromField = fieldRef(fieldLocalKey(f.from, mapping), mpath);
        toField = fieldRef(fieldLocalKey(f.to, mapping), mpath);
      } else {
        fromField = fieldRef(mapping.from, `${mpath}.from`);
        toField = fieldRef(mapping.to, `${mpath}.to`);
      }
      if (fromField && toField)
        b.rel(Rel.FEEDS, Label.Field, Label.Field, {
          from: fromField,
          to: toField,
          props: { flow: k(f.key), via: 'FLOW' },
        });
    });
  });

  if (issues.length > 0) throw InventoryError.of(InventoryErrorCode.INVALID_DOCUMENT, issues, file);

  const keysOf = (label: Label) => (b.nodes.get(label) ?? []).map((row) => row.key);
  const batch: GraphBatch = {
    organisation: org,
    nodes: b.nodes,
    rels: b.relGroups(),
    ownedOutgoing: [
      { label: Label.DataSource, types: [Rel.HOSTED_ON], keys: keysOf(Label.DataSource) },
      { label: Label.Dataset, types: [Rel.REFERENCES], keys: keysOf(Label.Dataset) },
      {
        label: Label.ProcessingActivity,
        types: [Rel.USES, Rel.DISCLOSES_TO, Rel.TRANSFERS_TO],
        keys: keysOf(Label.ProcessingActivity),
      },
      { label: Label.DataFlow, types: [Rel.FLOWS_FROM, Rel.FLOWS_TO], keys: keysOf(Label.DataFlow) },
    ],
    singleParent: [
      { label: Label.DataSource, type: Rel.OWNS, keys: keysOf(Label.DataSource) },
      { label: Label.Dataset, type: Rel.CONTAINS, keys: keysOf(Label.Dataset) },
      { label: Label.ProcessingActivity, type: Rel.RUNS, keys: keysOf(Label.ProcessingActivity) },
    ],
    externalRefs: external,
    pendingEndpoints: pending,
  };
  return observed ? withObserved(batch, doc, observed, file) : batch;
}
