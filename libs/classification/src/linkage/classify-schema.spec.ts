import { describe, expect, it } from '@jest/globals';
import { classifyField } from '../classify/classify-field.js';
import type { FieldClassification } from '../classify/classify-field.js';
import { ClassificationError, ClassificationErrorCode } from '../classification.errors.js';
import { PersonalDataCategory } from '../taxonomy.js';
import { LINKED_TREATMENT_BY_CATEGORY, PSEUDONYMOUS_KEY_TREATMENT, Treatment } from '../treatments.js';
import { classifySchema } from './classify-schema.js';
import { linkedCategoryOf } from './linked-category.js';
import { ClassificationTier, DatasetRole, LinkedCategory } from './linkage.types.js';
import type {
  DatasetLinkage,
  LinkageOptions,
  SchemaDatasetInput,
  SchemaFieldInput,
  SchemaInput,
} from './linkage.types.js';
import { registerInputsOf } from './register.js';
import { SubjectKind } from './subject-kinds.js';

const T = ClassificationTier;
const L = LinkedCategory;

interface TableSpec {
  readonly name: string;
  readonly description?: string;
  readonly pk?: readonly string[];
  /** "column:type" */
  readonly columns: readonly string[];
  /** [column, dataset, referenced column] */
  readonly fks?: readonly (readonly [string, string, string])[];
  /** Per-field results to use instead of classifyField's (by column). */
  readonly override?: Readonly<Record<string, FieldClassification>>;
  readonly metrics?: Readonly<Record<string, NonNullable<SchemaFieldInput['metrics']>>>;
}

/** Datasets as the scan passes them: per-field results from classifyField on names and types alone. */
function schema(tables: readonly TableSpec[]): SchemaDatasetInput[] {
  return tables.map((t) => ({
    name: t.name,
    ...(t.description !== undefined ? { description: t.description } : {}),
    primaryKey: t.pk ?? [],
    foreignKeys: (t.fks ?? []).map(([column, dataset, referenced]) => ({
      name: `fk_${column}`,
      columns: [column],
      references: { dataset, columns: [referenced] },
    })),
    fields: t.columns.map((c) => {
      const [name, dataType] = c.split(':');
      return {
        name,
        dataType,
        ...(t.metrics?.[name] !== undefined ? { metrics: t.metrics[name] } : {}),
        classification: t.override?.[name] ?? classifyField({ dataset: t.name, field: name, dataType }),
      };
    }),
  }));
}

/** One line per field: name, tier, category (identifier or linked), and the evidence paths. */
function rows(d: DatasetLinkage): [string, string, string | null, string[]][] {
  return d.fields.map((f) => [f.field, f.tier, f.category ?? f.linkedCategory, f.linkedTo.map((l) => l.explanation)]);
}

function run(tables: readonly TableSpec[], options?: LinkageOptions, links?: SchemaInput['links']) {
  const result = classifySchema({ datasets: schema(tables), ...(links ? { links } : {}) }, options);
  const by = (name: string): DatasetLinkage => {
    const d = result.datasets.find((x) => x.dataset === name);
    if (d === undefined) throw new Error(`no dataset ${name}`);
    return d;
  };
  return { result, by };
}

/** A membership club: the schema shape of issue 17's acceptance test. */
const CLUB: readonly TableSpec[] = [
  {
    name: 'club.member',
    pk: ['id'],
    columns: [
      'id:integer',
      'first_name:varchar(60)',
      'last_name:varchar(60)',
      'email:varchar(120)',
      'birth_date:date',
      'country_code:char(2)',
      'company:varchar(80)',
      'joined_on:date',
      'status:varchar(12)',
    ],
    fks: [['country_code', 'club.country', 'code']],
  },
  { name: 'club.country', pk: ['code'], columns: ['code:char(2)', 'name:varchar(80)'] },
  {
    name: 'club.booking',
    pk: ['id'],
    columns: ['id:integer', 'member_id:integer', 'court_id:integer', 'booked_at:timestamp', 'amount:numeric(8,2)'],
    fks: [
      ['member_id', 'club.member', 'id'],
      ['court_id', 'club.court', 'id'],
    ],
  },
  { name: 'club.court', pk: ['id'], columns: ['id:integer', 'label:varchar(40)', 'surface:varchar(20)'] },
  {
    name: 'club.member_activity',
    pk: ['member_id', 'activity_id'],
    columns: ['member_id:integer', 'activity_id:integer', 'enrolled_on:date'],
    fks: [
      ['member_id', 'club.member', 'id'],
      ['activity_id', 'club.activity', 'id'],
    ],
  },
  { name: 'club.activity', pk: ['id'], columns: ['id:integer', 'label:varchar(60)'] },
  {
    name: 'club.booking_payment',
    pk: ['id'],
    columns: ['id:integer', 'booking_id:integer', 'paid_at:timestamp', 'amount:numeric(8,2)', 'method:varchar(12)'],
    fks: [['booking_id', 'club.booking', 'id']],
  },
  {
    name: 'club.newsletter_template',
    pk: ['id'],
    columns: ['id:integer', 'subject:varchar(120)', 'body:text', 'created_at:timestamp'],
  },
];

const ROW = 'a row of club.member (members)';
const ONE_HOP = 'linked to club.member through booking.member_id';
const LINK = 'linked to club.member through member_activity.member_id';
const TWO_HOPS = 'linked to club.member through booking_payment.booking_id → booking.member_id';

describe('classifySchema', () => {
  it('gives every field of a club schema its tier, category and evidence path', () => {
    const { result, by } = run(CLUB);
    expect(result.maxHops).toBe(2);
    expect(result.datasets.map((d) => [d.dataset, d.role, d.subjectKind, d.subjectKinds, d.linkTable])).toEqual([
      ['club.member', DatasetRole.PERSON, SubjectKind.MEMBER, [SubjectKind.MEMBER], false],
      ['club.country', DatasetRole.REFERENCE, null, [], false],
      ['club.booking', DatasetRole.LINKED, null, [SubjectKind.MEMBER], false],
      ['club.court', DatasetRole.REFERENCE, null, [], false],
      ['club.member_activity', DatasetRole.LINKED, null, [SubjectKind.MEMBER], true],
      ['club.activity', DatasetRole.REFERENCE, null, [], false],
      ['club.booking_payment', DatasetRole.LINKED, null, [SubjectKind.MEMBER], false],
      ['club.newsletter_template', DatasetRole.UNRELATED, null, [], false],
    ]);
    expect(rows(by('club.member'))).toEqual([
      ['id', T.DIRECT_IDENTIFIER, PersonalDataCategory.INTERNAL_ID, [ROW]],
      ['first_name', T.DIRECT_IDENTIFIER, PersonalDataCategory.IDENTITY, [ROW]],
      ['last_name', T.DIRECT_IDENTIFIER, PersonalDataCategory.IDENTITY, [ROW]],
      ['email', T.DIRECT_IDENTIFIER, PersonalDataCategory.CONTACT, [ROW]],
      ['birth_date', T.QUASI_IDENTIFIER, PersonalDataCategory.BIRTH_DATE, [ROW]],
      ['country_code', T.LINKED_ATTRIBUTE, L.LOCATION, [ROW]],
      ['company', T.LINKED_ATTRIBUTE, L.PROFESSIONAL, [ROW]],
      ['joined_on', T.LINKED_ATTRIBUTE, L.METADATA, [ROW]],
      ['status', T.LINKED_ATTRIBUTE, L.METADATA, [ROW]],
    ]);
    expect(rows(by('club.country'))).toEqual([
      ['code', T.NONE, null, []],
      ['name', T.NONE, null, []],
    ]);
    expect(rows(by('club.booking'))).toEqual([
      ['id', T.LINKED_ATTRIBUTE, L.METADATA, [ONE_HOP]],
      ['member_id', T.DIRECT_IDENTIFIER, PersonalDataCategory.INTERNAL_ID, [ONE_HOP]],
      ['court_id', T.LINKED_ATTRIBUTE, L.BEHAVIOUR, [ONE_HOP]],
      ['booked_at', T.LINKED_ATTRIBUTE, L.BEHAVIOUR, [ONE_HOP]],
      ['amount', T.LINKED_ATTRIBUTE, L.FINANCIAL, [ONE_HOP]],
    ]);
    expect(rows(by('club.court')).map(([, tier]) => tier)).toEqual([T.NONE, T.NONE, T.NONE]);
    expect(rows(by('club.member_activity'))).toEqual([
      ['member_id', T.DIRECT_IDENTIFIER, PersonalDataCategory.INTERNAL_ID, [LINK]],
      ['activity_id', T.LINKED_ATTRIBUTE, L.BEHAVIOUR, [LINK]],
      ['enrolled_on', T.LINKED_ATTRIBUTE, L.BEHAVIOUR, [LINK]],
    ]);
    expect(rows(by('club.activity'))).toEqual([
      ['id', T.NONE, null, []],
      ['label', T.NONE, null, []],
    ]);
    expect(rows(by('club.booking_payment'))).toEqual([
      ['id', T.LINKED_ATTRIBUTE, L.METADATA, [TWO_HOPS]],
      ['booking_id', T.LINKED_ATTRIBUTE, L.METADATA, [TWO_HOPS]],
      ['paid_at', T.LINKED_ATTRIBUTE, L.BEHAVIOUR, [TWO_HOPS]],
      ['amount', T.LINKED_ATTRIBUTE, L.FINANCIAL, [TWO_HOPS]],
      ['method', T.LINKED_ATTRIBUTE, L.FINANCIAL, [TWO_HOPS]],
    ]);
    expect(rows(by('club.newsletter_template')).map(([, tier]) => tier)).toEqual([T.NONE, T.NONE, T.NONE, T.NONE]);
  });

  it('explains each decision: the person table, the link, the reference, the pseudonymous key', () => {
    const { by } = run(CLUB);
    expect(by('club.member').evidence).toEqual([
      { rule: 'person.table-name', explanation: 'Table name word "member" names members (adhérents et membres).' },
      {
        rule: 'person.identifier-fields',
        explanation:
          'Its fields identify persons: first_name (IDENTITY), last_name (IDENTITY), email (CONTACT), birth_date (BIRTH_DATE).',
      },
      { rule: 'person.subject-kind', explanation: 'Rows are persons: Members / Adhérents et membres.' },
    ]);
    expect(by('club.booking_payment').evidence).toEqual([{ rule: 'linked.2-hops', explanation: `Rows ${TWO_HOPS}.` }]);
    expect(by('club.country').evidence).toEqual([
      {
        rule: 'reference.not-linked',
        explanation:
          'Pointed to by member.country_code, but a reference list or shared thing: its rows describe no one, its labels are not personal.',
      },
    ]);
    // Named like a person's key, the foreign key keeps its per-field result and gains the path.
    const memberId = by('club.booking').fields[1];
    expect([memberId.tier, memberId.category, memberId.treatment, memberId.evidence]).toEqual([
      T.DIRECT_IDENTIFIER,
      PersonalDataCategory.INTERNAL_ID,
      Treatment.PSEUDONYMISE,
      [],
    ]);
    expect(memberId.linkedTo).toEqual([
      {
        subject: 'club.member',
        subjectKind: SubjectKind.MEMBER,
        hops: 1,
        path: [
          {
            kind: 'FOREIGN_KEY',
            name: 'fk_member_id',
            from: 'club.booking',
            fromFields: ['member_id'],
            to: 'club.member',
            toFields: ['id'],
          },
        ],
        explanation: ONE_HOP,
      },
    ]);
    const amount = by('club.booking').fields[4];
    expect(amount).toMatchObject({
      personal: true,
      treatment: Treatment.KEEP,
      treatmentReason: LINKED_TREATMENT_BY_CATEGORY.FINANCIAL.reason,
      evidence: [
        {
          rule: 'linked.financial.amount',
          explanation: `In a row ${ONE_HOP}: amounts the person paid, owes, earns or is charged.`,
        },
      ],
    });
  });

  it('gives the register the subjects and categories of each dataset, linked ones included', () => {
    const { by } = run(CLUB);
    expect(by('club.member').register).toEqual({
      dataset: 'club.member',
      subjectKinds: [SubjectKind.MEMBER],
      personalDataCategories: ['BIRTH_DATE', 'CONTACT', 'IDENTITY', 'INTERNAL_ID'],
      linkedCategories: ['LOCATION', 'METADATA', 'PROFESSIONAL'],
      specialCategories: [],
      fieldsByTier: { DIRECT_IDENTIFIER: 4, QUASI_IDENTIFIER: 1, LINKED_ATTRIBUTE: 4 },
    });
    expect(by('club.booking_payment').register).toEqual({
      dataset: 'club.booking_payment',
      subjectKinds: [SubjectKind.MEMBER],
      personalDataCategories: [],
      linkedCategories: ['BEHAVIOUR', 'FINANCIAL', 'METADATA'],
      specialCategories: [],
      fieldsByTier: { DIRECT_IDENTIFIER: 0, QUASI_IDENTIFIER: 0, LINKED_ATTRIBUTE: 5 },
    });
    expect(by('club.country').register.subjectKinds).toEqual([]);
    expect(
      registerInputsOf({
        dataset: 'x',
        subjectKinds: [SubjectKind.PATIENT],
        fields: [
          { tier: T.DIRECT_IDENTIFIER, category: PersonalDataCategory.HEALTH, linkedCategory: null },
          { tier: T.NONE, category: null, linkedCategory: null },
        ],
      }),
    ).toEqual({
      dataset: 'x',
      subjectKinds: [SubjectKind.PATIENT],
      personalDataCategories: ['HEALTH'],
      linkedCategories: [],
      specialCategories: ['HEALTH'],
      fieldsByTier: { DIRECT_IDENTIFIER: 1, QUASI_IDENTIFIER: 0, LINKED_ATTRIBUTE: 0 },
    });
  });

  it('follows as many links as maxHops allows, and no more', () => {
    const one = run(CLUB, { maxHops: 1 });
    expect(one.result.maxHops).toBe(1);
    expect(one.by('club.booking_payment').role).toBe(DatasetRole.UNRELATED);
    expect(one.by('club.booking_payment').fields.map((f) => f.tier)).toEqual([T.NONE, T.NONE, T.NONE, T.NONE, T.NONE]);
    const receipts: TableSpec = {
      name: 'club.receipt_line',
      pk: ['id'],
      columns: ['id:integer', 'payment_id:integer', 'label:varchar(40)'],
      fks: [['payment_id', 'club.booking_payment', 'id']],
    };
    expect(run([...CLUB, receipts]).by('club.receipt_line').role).toBe(DatasetRole.UNRELATED);
    const three = run([...CLUB, receipts], { maxHops: 3 }).by('club.receipt_line');
    expect([three.role, three.linkedTo.map((l) => [l.hops, l.explanation])]).toEqual([
      DatasetRole.LINKED,
      [[3, 'linked to club.member through receipt_line.payment_id → booking_payment.booking_id → booking.member_id']],
    ]);
  });

  it('recognises tables of persons and their kind in French and English, by name, comment or fields', () => {
    const person = (name: string, columns: string[], description?: string) =>
      run([{ name, columns, ...(description ? { description } : {}) }]).by(name);
    const kinds = [
      person('public.clients', ['id:int', 'nom:text', 'prenom:text']),
      person('public.patients', ['ipp:text', 'nom:text']),
      person('rh.agents', ['matricule:text', 'nom:text']),
      person('public.usagers', ['id:int', 'courriel:text']),
      person('public.attendees', ['id:int', 'full_name:text']),
      person('public.eleves', ['id:int', 'nom:text']),
      person('crm.t_individu', ['id:int', 'first_name:text', 'last_name:text', 'email:text']),
      person('crm.t_tiers', ['id:int', 'first_name:text', 'last_name:text'], 'Fichier des bénévoles'),
    ].map((d) => [d.dataset, d.role, d.subjectKind]);
    expect(kinds).toEqual([
      ['public.clients', DatasetRole.PERSON, SubjectKind.CUSTOMER],
      ['public.patients', DatasetRole.PERSON, SubjectKind.PATIENT],
      ['rh.agents', DatasetRole.PERSON, SubjectKind.EMPLOYEE],
      ['public.usagers', DatasetRole.PERSON, SubjectKind.CITIZEN],
      ['public.attendees', DatasetRole.PERSON, SubjectKind.ATTENDEE],
      ['public.eleves', DatasetRole.PERSON, SubjectKind.STUDENT],
      ['crm.t_individu', DatasetRole.PERSON, SubjectKind.PERSON],
      ['crm.t_tiers', DatasetRole.PERSON, SubjectKind.MEMBER],
    ]);
    expect(
      person('crm.t_tiers', ['id:int', 'first_name:text', 'last_name:text'], 'Fichier des bénévoles').evidence,
    ).toEqual([
      {
        rule: 'person.identifier-fields',
        explanation: 'Its fields identify persons: first_name (IDENTITY), last_name (IDENTITY).',
      },
      { rule: 'person.comment', explanation: 'The table comment word "benevole" names members.' },
      { rule: 'person.subject-kind', explanation: 'Rows are persons: Members / Adhérents et membres.' },
    ]);
    // Things and reference lists are never tables of persons, whatever their fields.
    expect(person('public.suppliers', ['id:int', 'contact_name:text', 'contact_email:text']).role).toBe(
      DatasetRole.UNRELATED,
    );
    expect(person('ref.ref_patients_types', ['code:text', 'libelle:text']).role).toBe(DatasetRole.REFERENCE);
  });

  it('reads an order with a recipient name, a stay or a payslip as linked rows, not as tables of persons', () => {
    const { by } = run([
      { name: 'shop.customers', pk: ['id'], columns: ['id:int', 'first_name:text', 'last_name:text', 'email:text'] },
      {
        name: 'shop.orders',
        pk: ['id'],
        columns: ['id:int', 'customer_id:int', 'recipient_name:text', 'shipping_address:text', 'ordered_at:timestamp'],
        fks: [['customer_id', 'shop.customers', 'id']],
      },
      {
        name: 'rh.agents',
        pk: ['matricule'],
        columns: ['matricule:text', 'nom:text', 'prenom:text', 'date_entree:date'],
      },
      {
        name: 'rh.paie_bulletins',
        pk: ['id_bulletin'],
        columns: ['id_bulletin:bigint', 'matricule:text', 'periode:char(7)', 'salaire_brut:numeric'],
        fks: [['matricule', 'rh.agents', 'matricule']],
      },
    ]);
    expect([by('shop.orders').role, by('rh.paie_bulletins').role]).toEqual([DatasetRole.LINKED, DatasetRole.LINKED]);
    expect(rows(by('shop.orders')).map(([f, tier, c]) => [f, tier, c])).toEqual([
      ['id', T.LINKED_ATTRIBUTE, L.METADATA],
      ['customer_id', T.DIRECT_IDENTIFIER, PersonalDataCategory.INTERNAL_ID],
      ['recipient_name', T.DIRECT_IDENTIFIER, PersonalDataCategory.IDENTITY],
      ['shipping_address', T.DIRECT_IDENTIFIER, PersonalDataCategory.CONTACT],
      ['ordered_at', T.LINKED_ATTRIBUTE, L.BEHAVIOUR],
    ]);
    expect(rows(by('rh.paie_bulletins')).map(([f, tier, c]) => [f, tier, c])).toEqual([
      ['id_bulletin', T.LINKED_ATTRIBUTE, L.METADATA],
      ['matricule', T.DIRECT_IDENTIFIER, PersonalDataCategory.INTERNAL_ID],
      ['periode', T.LINKED_ATTRIBUTE, L.BEHAVIOUR],
      ['salaire_brut', T.DIRECT_IDENTIFIER, PersonalDataCategory.FINANCIAL],
    ]);
    expect(by('rh.paie_bulletins').subjectKinds).toEqual([SubjectKind.EMPLOYEE]);
  });

  it('keeps role tables and subtype tables of a person table as tables of persons', () => {
    const { by } = run([
      {
        name: 'Person.Person',
        pk: ['BusinessEntityID'],
        columns: ['BusinessEntityID:int', 'FirstName:text', 'LastName:text'],
      },
      {
        name: 'HumanResources.Employee',
        pk: ['BusinessEntityID'],
        columns: ['BusinessEntityID:int', 'NationalIDNumber:text', 'HireDate:date'],
        fks: [['BusinessEntityID', 'Person.Person', 'BusinessEntityID']],
      },
      {
        name: 'Sales.Customer',
        pk: ['CustomerID'],
        columns: ['CustomerID:int', 'PersonID:int', 'AccountNumber:text'],
        fks: [['PersonID', 'Person.Person', 'BusinessEntityID']],
      },
      {
        name: 'Sales.SalesOrderHeader',
        pk: ['SalesOrderID'],
        columns: ['SalesOrderID:int', 'CustomerID:int', 'OrderDate:timestamp'],
        fks: [['CustomerID', 'Sales.Customer', 'CustomerID']],
      },
      {
        name: 'Sales.SalesOrderDetail',
        pk: ['SalesOrderDetailID'],
        columns: ['SalesOrderDetailID:int', 'SalesOrderID:int', 'LineTotal:numeric'],
        fks: [['SalesOrderID', 'Sales.SalesOrderHeader', 'SalesOrderID']],
      },
      { name: 'care.patients', pk: ['id'], columns: ['id:int', 'nom:text', 'prenom:text'] },
      {
        name: 'care.patient_visits',
        pk: ['id'],
        columns: ['id:int', 'patient_id:int', 'visit_date:date'],
        fks: [['patient_id', 'care.patients', 'id']],
      },
    ]);
    expect(
      ['HumanResources.Employee', 'Sales.Customer', 'Sales.SalesOrderDetail', 'care.patient_visits'].map((name) => [
        name,
        by(name).role,
        by(name).subjectKinds,
      ]),
    ).toEqual([
      ['HumanResources.Employee', DatasetRole.PERSON, [SubjectKind.EMPLOYEE, SubjectKind.PERSON]],
      ['Sales.Customer', DatasetRole.PERSON, [SubjectKind.CUSTOMER, SubjectKind.PERSON]],
      ['Sales.SalesOrderDetail', DatasetRole.LINKED, [SubjectKind.CUSTOMER]],
      ['care.patient_visits', DatasetRole.LINKED, [SubjectKind.PATIENT]],
    ]);
    expect(by('Sales.SalesOrderDetail').linkedTo.map((l) => l.explanation)).toEqual([
      'linked to Sales.Customer through SalesOrderDetail.SalesOrderID → SalesOrderHeader.CustomerID',
    ]);
  });

  it('categorises attributes of person rows: employment dates, employer, billing region, account status and dates', () => {
    const { by } = run([
      {
        name: 'hr.employees',
        pk: ['employee_id'],
        columns: [
          'employee_id:int',
          'first_name:text',
          'last_name:text',
          'hire_date:date',
          'termination_date:date',
          'department_id:int',
          'company:text',
          'created_at:timestamp',
          'is_active:boolean',
          'billing_region:text',
          'billing_country:text',
          'account_status:text',
          'badge_colour:text',
        ],
        fks: [['department_id', 'hr.departments', 'id']],
      },
      { name: 'hr.departments', pk: ['id'], columns: ['id:int', 'label:text'] },
    ]);
    expect(
      by('hr.employees')
        .fields.filter((f) => f.tier === T.LINKED_ATTRIBUTE)
        .map((f) => [f.field, f.linkedCategory, f.evidence[0].rule]),
    ).toEqual([
      ['hire_date', L.PROFESSIONAL, 'linked.professional.employment-date'],
      ['termination_date', L.PROFESSIONAL, 'linked.professional.employment-date'],
      ['department_id', L.PROFESSIONAL, 'linked.professional.work'],
      ['company', L.PROFESSIONAL, 'linked.professional.work'],
      ['created_at', L.METADATA, 'linked.metadata.record-date'],
      ['is_active', L.METADATA, 'linked.metadata.record'],
      ['billing_region', L.LOCATION, 'linked.location.place'],
      ['billing_country', L.LOCATION, 'linked.location.place'],
      ['account_status', L.METADATA, 'linked.metadata.record'],
      ['badge_colour', L.PROFESSIONAL, 'linked.professional.work'],
    ]);
    expect(by('hr.departments').role).toBe(DatasetRole.REFERENCE);
  });

  it('reads an ambiguous name in a table of persons as a name unless the values contradict it', () => {
    const notPersonal = classifyField({ dataset: 'x', field: 'label' });
    const table = (metrics?: NonNullable<SchemaFieldInput['metrics']>, type = 'varchar(80)'): TableSpec => ({
      name: 'crm.t_contact_list',
      pk: ['id'],
      columns: ['id:int', `name:${type}`, 'email:text', 'phone:text'],
      override: { name: notPersonal },
      ...(metrics ? { metrics: { name: metrics } } : {}),
    });
    const plain = run([table({ sampled: 200, distinctEstimate: 190, nullRatio: 0 })]).by('crm.t_contact_list');
    expect(plain.fields[1]).toMatchObject({
      tier: T.DIRECT_IDENTIFIER,
      category: PersonalDataCategory.IDENTITY,
      evidence: [{ rule: 'context.ambiguous-name-in-person-dataset' }],
    });
    const repeated = run([table({ sampled: 200, distinctEstimate: 6, nullRatio: 0 })]).by('crm.t_contact_list');
    expect([repeated.fields[1].tier, repeated.fields[1].evidence]).toEqual([
      T.LINKED_ATTRIBUTE,
      [
        {
          rule: 'context.ambiguous-name-contradicted',
          explanation:
            '"name" is ambiguous in a table of contacts, but its 200 sampled values take only 6 distinct values, like the labels of a few things: not a name; an attribute of the person\'s row.',
        },
      ],
    ]);
    const numeric = run([table(undefined, 'integer')]).by('crm.t_contact_list');
    expect([numeric.fields[1].tier, numeric.fields[1].evidence[0].rule]).toEqual([
      T.LINKED_ATTRIBUTE,
      'context.ambiguous-name-contradicted',
    ]);
  });

  it('follows declared references and data flows, and infers references from key names', () => {
    const tables: TableSpec[] = [
      { name: 'crm.customers', pk: ['id'], columns: ['id:int', 'first_name:text', 'last_name:text'] },
      { name: 'dwh.customer_export', columns: ['customer_key:text', 'segment:text'] },
      { name: 'crm.visits', pk: ['visit_id'], columns: ['visit_id:int', 'cust:int', 'visited_on:date'] },
      { name: 'care.patients', pk: ['ipp'], columns: ['ipp:text', 'nom:text', 'prenom:text'] },
      { name: 'care.sejours', pk: ['id_sejour'], columns: ['id_sejour:int', 'ipp:text', 'date_entree:date'] },
      { name: 'mail.subscribers', pk: ['email'], columns: ['email:text', 'first_name:text'] },
      { name: 'mail.suppliers', pk: ['id'], columns: ['id:int', 'email:text'] },
    ];
    const { by } = run(tables, undefined, [
      {
        kind: 'FLOW',
        name: 'nightly-export',
        from: { dataset: 'crm.customers' },
        to: { dataset: 'dwh.customer_export' },
      },
      {
        kind: 'REFERENCE',
        from: { dataset: 'crm.visits', fields: ['cust'] },
        to: { dataset: 'crm.customers', fields: ['id'] },
      },
    ]);
    expect(by('dwh.customer_export').linkedTo.map((l) => l.explanation)).toEqual([
      'linked to crm.customers through flow nightly-export: crm.customers → dwh.customer_export',
    ]);
    expect(rows(by('crm.visits'))).toEqual([
      [
        'visit_id',
        T.LINKED_ATTRIBUTE,
        L.METADATA,
        ['linked to crm.customers through visits.cust (declared reference)'],
      ],
      [
        'cust',
        T.DIRECT_IDENTIFIER,
        PersonalDataCategory.INTERNAL_ID,
        ['linked to crm.customers through visits.cust (declared reference)'],
      ],
      [
        'visited_on',
        T.LINKED_ATTRIBUTE,
        L.BEHAVIOUR,
        ['linked to crm.customers through visits.cust (declared reference)'],
      ],
    ]);
    const cust = by('crm.visits').fields[1];
    expect([cust.evidence, cust.treatment, cust.treatmentReason]).toEqual([
      [
        {
          rule: 'key.foreign-key-to-person',
          explanation:
            'visits.cust (declared reference) leads to a person of crm.customers: a pseudonymous identifier (Art. 4(5)).',
        },
      ],
      PSEUDONYMOUS_KEY_TREATMENT.treatment,
      PSEUDONYMOUS_KEY_TREATMENT.reason,
    ]);
    expect(by('care.sejours').linkedTo.map((l) => [l.path[0].kind, l.explanation])).toEqual([
      ['INFERRED_REFERENCE', 'linked to care.patients through sejours.ipp (inferred from the key name ipp)'],
    ]);
    // An e-mail used as a key is a value, not a reference: the suppliers are not linked to the subscribers.
    expect(by('mail.suppliers').role).toBe(DatasetRole.UNRELATED);
    const strict = run(tables, { inferReferences: false }).by('care.sejours');
    expect(strict.role).toBe(DatasetRole.UNRELATED);
  });

  it('does not link a row to the user who wrote it, nor a shared thing to the employee who manages it', () => {
    const { by } = run([
      { name: 'app.users', pk: ['id'], columns: ['id:int', 'first_name:text', 'last_name:text', 'email:text'] },
      {
        name: 'app.documents',
        pk: ['id'],
        columns: ['id:int', 'title:text', 'created_by:int'],
        fks: [['created_by', 'app.users', 'id']],
      },
      {
        name: 'app.stores',
        pk: ['id'],
        columns: ['id:int', 'manager_id:int', 'opened_on:date'],
        fks: [['manager_id', 'app.users', 'id']],
      },
      { name: 'app.sales', pk: ['id'], columns: ['id:int', 'store_id:int'], fks: [['store_id', 'app.stores', 'id']] },
    ]);
    expect(rows(by('app.documents'))).toEqual([
      ['id', T.NONE, null, []],
      ['title', T.NONE, null, []],
      [
        'created_by',
        T.DIRECT_IDENTIFIER,
        PersonalDataCategory.INTERNAL_ID,
        ['linked to app.users through documents.created_by'],
      ],
    ]);
    expect(rows(by('app.stores')).map(([f, tier]) => [f, tier])).toEqual([
      ['id', T.NONE],
      ['manager_id', T.DIRECT_IDENTIFIER],
      ['opened_on', T.NONE],
    ]);
    expect(by('app.sales').role).toBe(DatasetRole.UNRELATED);
  });

  it('makes an address row pointed to by a person row personal, and keeps labels of reference lists impersonal', () => {
    const { by } = run([
      {
        name: 'public.customer',
        pk: ['customer_id'],
        columns: ['customer_id:int', 'first_name:text', 'last_name:text', 'address_id:int', 'genre_code:char(3)'],
        fks: [
          ['address_id', 'public.address', 'address_id'],
          ['genre_code', 'public.genre', 'code'],
        ],
      },
      {
        name: 'public.address',
        pk: ['address_id'],
        columns: ['address_id:int', 'address:text', 'postal_code:text', 'last_update:timestamp'],
      },
      { name: 'public.genre', pk: ['code'], columns: ['code:char(3)', 'genre:text'] },
    ]);
    expect(rows(by('public.address')).map(([f, tier, c]) => [f, tier, c])).toEqual([
      ['address_id', T.LINKED_ATTRIBUTE, L.METADATA],
      ['address', T.DIRECT_IDENTIFIER, PersonalDataCategory.CONTACT],
      ['postal_code', T.QUASI_IDENTIFIER, PersonalDataCategory.LOCATION],
      ['last_update', T.LINKED_ATTRIBUTE, L.METADATA],
    ]);
    expect(by('public.address').linkedTo.map((l) => l.explanation)).toEqual([
      'linked to public.customer through customer.address_id',
    ]);
    // "genre" reads as sex to the per-field rules; in a reference list pointed to by persons it labels things.
    const genre = by('public.genre').fields[1];
    expect(classifyField({ dataset: 'public.genre', field: 'genre' }).personal).toBe(true);
    expect([genre.tier, genre.personal, genre.evidence[0].rule]).toEqual([
      T.NONE,
      false,
      'reference.label-not-personal',
    ]);
  });

  it('keeps the per-field result of identifiers and special categories wherever they are', () => {
    const { by } = run([
      { name: 'care.patients', pk: ['ipp'], columns: ['ipp:text', 'nom:text', 'diagnostic:text'] },
      { name: 'ops.printers', pk: ['id'], columns: ['id:int', 'ip_address:text', 'location:text'] },
    ]);
    expect(rows(by('care.patients')).map(([f, tier, c]) => [f, tier, c])).toEqual([
      ['ipp', T.DIRECT_IDENTIFIER, PersonalDataCategory.INTERNAL_ID],
      ['nom', T.DIRECT_IDENTIFIER, PersonalDataCategory.IDENTITY],
      ['diagnostic', T.DIRECT_IDENTIFIER, PersonalDataCategory.HEALTH],
    ]);
    expect(by('care.patients').register.specialCategories).toEqual(['HEALTH']);
    expect(rows(by('ops.printers')).map(([f, tier]) => [f, tier])).toEqual([
      ['id', T.NONE],
      ['ip_address', T.DIRECT_IDENTIFIER],
      ['location', T.NONE],
    ]);
    expect(by('ops.printers').subjectKinds).toEqual([SubjectKind.PERSON]);
  });

  it('refuses malformed schemas and options with a message naming what is wrong', () => {
    const base = schema(CLUB.slice(0, 2));
    const fails = (input: unknown, options: LinkageOptions = {}) => {
      try {
        classifySchema(input as SchemaInput, options);
      } catch (error) {
        return [(error as ClassificationError).code, (error as Error).message];
      }
      return null;
    };
    expect(fails({ datasets: [...base, base[0]] })).toEqual([
      ClassificationErrorCode.INVALID_INPUT,
      'dataset club.member appears twice',
    ]);
    expect(
      fails({
        datasets: [
          {
            ...base[0],
            foreignKeys: [
              { name: 'fk_x', columns: ['nope'], references: { dataset: 'club.country', columns: ['code'] } },
            ],
          },
        ],
      }),
    ).toEqual([
      ClassificationErrorCode.INVALID_INPUT,
      'dataset club.member: foreign key fk_x names column nope, not one of its fields',
    ]);
    expect(fails({ datasets: [{ name: 'a', fields: [{ name: 'x' }] }] })).toEqual([
      ClassificationErrorCode.INVALID_INPUT,
      'dataset a: field x has no classification (the result of classifyField)',
    ]);
    expect(
      fails({
        datasets: base,
        links: [{ kind: 'FLOW', name: 'f', from: { dataset: 'club.member' }, to: { dataset: 'dwh.x' } }],
      }),
    ).toEqual([ClassificationErrorCode.INVALID_INPUT, 'link f names dataset dwh.x, which is not in the schema']);
    expect(fails({ datasets: base }, { maxHops: 0 })).toEqual([
      ClassificationErrorCode.INVALID_OPTION,
      'maxHops must be an integer from 1 to 6',
    ]);
    expect(fails(null)).toEqual([ClassificationErrorCode.INVALID_INPUT, 'schema input must be an object']);
    expect(() => classifySchema({ datasets: base })).not.toThrow(ClassificationError);
  });

  it('ignores foreign keys to datasets outside the schema (excluded from the scan)', () => {
    const { by } = run([
      {
        name: 'shop.orders',
        pk: ['id'],
        columns: ['id:int', 'customer_id:int'],
        fks: [['customer_id', 'shop.customers', 'id']],
      },
    ]);
    expect(rows(by('shop.orders')).map(([f, tier]) => [f, tier])).toEqual([
      ['id', T.NONE],
      ['customer_id', T.DIRECT_IDENTIFIER],
    ]);
  });
});

describe('linkedCategoryOf', () => {
  const of = (name: string, extra: Partial<Parameters<typeof linkedCategoryOf>[0]> = {}) =>
    linkedCategoryOf({
      tokens: name.split('_'),
      isDate: false,
      isBoolean: false,
      ownRow: false,
      placeContext: false,
      ...extra,
    }).category;

  it('names behaviour, financial, location, professional and metadata attributes', () => {
    expect([
      of('hire', { isDate: true }),
      of('created', { isDate: true }),
      of('amount'),
      of('payment', { isDate: true }),
      of('country'),
      of('state'),
      of('state', { placeContext: true }),
      of('state', { isDate: false, tokens: ['billing', 'state'] }),
      of('company'),
      of('status'),
      of('opted', { isBoolean: true }),
      of('visited', { isDate: true }),
      of('visited', { isDate: true, ownRow: true }),
      of('quantity'),
      of('item', { targetTokens: ['country'] }),
    ]).toEqual([
      L.PROFESSIONAL,
      L.METADATA,
      L.FINANCIAL,
      L.BEHAVIOUR,
      L.LOCATION,
      L.METADATA,
      L.LOCATION,
      L.LOCATION,
      L.PROFESSIONAL,
      L.METADATA,
      L.METADATA,
      L.BEHAVIOUR,
      L.METADATA,
      L.BEHAVIOUR,
      L.LOCATION,
    ]);
  });
});
