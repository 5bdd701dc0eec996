import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { resolveJurisdiction } from '@cartographer/compliance';
import { exportInventory, revisionOf } from '@cartographer/inventory';
import { clinic, type InventoryTestKit, Role, type Session, startInventoryKit } from './testing/inventory-test-kit.js';

const SOURCE = `
  key localKey organisation departmentKey name kind structure description
  volume { records bytes } velocity { recordsPerDay bytesPerDay } accessMethods connectionRef
  department { key name } servers(first: 10) { key } stakeholders(first: 10) { key role name contact }
  datasets(first: 10) { key name fields(first: 10) { key } }`;

describe('inventory CRUD through GraphQL (booted API, real Neo4j and PostgreSQL)', () => {
  let kit: InventoryTestKit;
  let admin: Session;

  beforeAll(async () => {
    kit = await startInventoryKit();
    admin = await kit.session(Role.ADMIN);
  });

  afterAll(async () => {
    await kit.close();
  });

  it('creates an organisation, a department, a server, a source, a dataset and a field, each answer exact', async () => {
    const org = kit.organisation();
    const organisation = await kit.gql(
      admin,
      `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { key name country sector description dpo { name contact country } } }`,
      {
        input: {
          key: org,
          name: 'Mairie de Lormont',
          country: 'fr',
          sector: 'PRIVATE',
          dpo: { name: 'DPO mutualisé', contact: 'dpo@example.org' },
        },
      },
    );
    expect(organisation).toEqual({
      status: 200,
      data: {
        createOrganisation: {
          key: org,
          name: 'Mairie de Lormont',
          country: 'FR',
          sector: 'PRIVATE',
          description: null,
          dpo: { name: 'DPO mutualisé', contact: 'dpo@example.org', country: null },
        },
      },
    });

    const department = await kit.gql(
      admin,
      `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { key localKey organisation name description stakeholders { key role name contact } } }`,
      {
        input: {
          organisation: org,
          key: 'rh',
          name: 'Ressources humaines',
          stakeholders: [{ role: 'OWNER', name: 'Jeanne Martin', contact: 'jeanne@example.org' }],
        },
      },
    );
    expect(department.data).toEqual({
      createDepartment: {
        key: `${org}:rh`,
        localKey: 'rh',
        organisation: org,
        name: 'Ressources humaines',
        description: null,
        stakeholders: [
          { key: `${org}:rh#OWNER#jeanne-martin`, role: 'OWNER', name: 'Jeanne Martin', contact: 'jeanne@example.org' },
        ],
      },
    });

    const server = await kit.gql(
      admin,
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { key name hosting country certifications jurisdiction jurisdictionNote sources { key } } }`,
      {
        input: {
          organisation: org,
          key: 'srv-us',
          name: 'Analytics Virginia',
          hosting: 'SAAS',
          country: 'us',
          certifications: ['EU-US DPF'],
        },
      },
    );
    expect(server.data).toEqual({
      createServer: {
        key: `${org}:srv-us`,
        name: 'Analytics Virginia',
        hosting: 'SAAS',
        country: 'US',
        certifications: ['EU-US DPF'],
        jurisdiction: 'ADEQUACY',
        jurisdictionNote: resolveJurisdiction({
          country: 'US',
          field: 'servers[0].country',
          certifications: ['EU-US DPF'],
          sector: 'COMMERCIAL',
        }).explanation,
        sources: [],
      },
    });

    const source = await kit.gql(
      admin,
      `mutation ($input: CreateDataSourceInput!) { createDataSource(input: $input) { ${SOURCE} } }`,
      {
        input: {
          department: `${org}:rh`,
          key: 'sirh',
          name: 'SIRH',
          kind: 'SAAS_APPLICATION',
          structure: 'STRUCTURED',
          servers: [`${org}:srv-us`],
          volume: { records: 1200, bytes: 6000000000 },
          accessMethods: ['REST_API'],
          connectionRef: 'SIRH_API_TOKEN',
        },
      },
    );
    expect(source.data).toEqual({
      createDataSource: {
        key: `${org}:sirh`,
        localKey: 'sirh',
        organisation: org,
        departmentKey: `${org}:rh`,
        name: 'SIRH',
        kind: 'SAAS_APPLICATION',
        structure: 'STRUCTURED',
        description: null,
        volume: { records: 1200, bytes: 6000000000 },
        velocity: { recordsPerDay: null, bytesPerDay: null },
        accessMethods: ['REST_API'],
        connectionRef: 'SIRH_API_TOKEN',
        department: { key: `${org}:rh`, name: 'Ressources humaines' },
        servers: [{ key: `${org}:srv-us` }],
        stakeholders: [],
        datasets: [],
      },
    });

    const dataset = await kit.gql(
      admin,
      `mutation ($input: CreateDatasetInput!) { createDataset(input: $input) { key localKey departmentKey sourceKey name kind volume { records } source { key } fields { key name dataType nullable } } }`,
      {
        input: {
          source: `${org}:sirh`,
          key: 'salaries',
          name: 'Salariés',
          kind: 'ENDPOINT',
          fields: [{ name: 'matricule', dataType: 'string', nullable: false }],
        },
      },
    );
    expect(dataset.data).toEqual({
      createDataset: {
        key: `${org}:salaries`,
        localKey: 'salaries',
        departmentKey: `${org}:rh`,
        sourceKey: `${org}:sirh`,
        name: 'Salariés',
        kind: 'ENDPOINT',
        volume: { records: null },
        source: { key: `${org}:sirh` },
        fields: [{ key: `${org}:salaries/matricule`, name: 'matricule', dataType: 'string', nullable: false }],
      },
    });

    const field = await kit.gql(
      admin,
      `mutation ($input: CreateFieldInput!) { createField(input: $input) { key organisation departmentKey datasetKey name dataType description nullable dataset { key } } }`,
      { input: { dataset: `${org}:salaries`, name: 'iban', dataType: 'string', description: 'Coordonnées bancaires' } },
    );
    expect(field.data).toEqual({
      createField: {
        key: `${org}:salaries/iban`,
        organisation: org,
        departmentKey: `${org}:rh`,
        datasetKey: `${org}:salaries`,
        name: 'iban',
        dataType: 'string',
        description: 'Coordonnées bancaires',
        nullable: null,
        dataset: { key: `${org}:salaries` },
      },
    });

    const read = await kit.gql(
      admin,
      `query ($key: ID!) { dataSource(key: $key) { datasets(first: 5) { key fields(first: 5) { key } } servers(first: 5) { key sources(first: 5) { key } } } }`,
      {
        key: `${org}:sirh`,
      },
    );
    expect(read.data).toEqual({
      dataSource: {
        datasets: [
          { key: `${org}:salaries`, fields: [{ key: `${org}:salaries/iban` }, { key: `${org}:salaries/matricule` }] },
        ],
        servers: [{ key: `${org}:srv-us`, sources: [{ key: `${org}:sirh` }] }],
      },
    });
    expect(await kit.nodeCount(org)).toBe(8);
  });

  it('updates by merging the given members into the declaration, null clearing, and re-derives what depends on them', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const server = await kit.gql(
      admin,
      `mutation ($key: ID!, $input: UpdateServerInput!) { updateServer(key: $key, input: $input) { key name country jurisdiction } }`,
      {
        key: `${org}:srv-us`,
        input: { country: 'DE' },
      },
    );
    expect(server.data).toEqual({
      updateServer: { key: `${org}:srv-us`, name: 'Mail Oregon', country: 'DE', jurisdiction: 'EU' },
    });

    const source = await kit.gql(
      admin,
      `mutation ($key: ID!, $input: UpdateDataSourceInput!) { updateDataSource(key: $key, input: $input) { ${SOURCE} } }`,
      {
        key: `${org}:dpi`,
        input: {
          name: 'DPI',
          servers: [`${org}:srv-us`],
          volume: null,
          description: 'Logiciel patient',
          stakeholders: [{ role: 'STEWARD', name: 'Paul' }],
        },
      },
    );
    expect(source.data).toEqual({
      updateDataSource: {
        key: `${org}:dpi`,
        localKey: 'dpi',
        organisation: org,
        departmentKey: `${org}:admissions`,
        name: 'DPI',
        kind: 'RELATIONAL_DATABASE',
        structure: 'STRUCTURED',
        description: 'Logiciel patient',
        volume: { records: null, bytes: null },
        velocity: { recordsPerDay: null, bytesPerDay: null },
        accessMethods: [],
        connectionRef: 'DPI_DATABASE_URL',
        department: { key: `${org}:admissions`, name: 'Admissions' },
        servers: [{ key: `${org}:srv-us` }],
        stakeholders: [{ key: `${org}:dpi#STEWARD#paul`, role: 'STEWARD', name: 'Paul', contact: null }],
        datasets: [
          {
            key: `${org}:patients`,
            name: 'public.patients',
            fields: [`date_naissance`, 'id', 'nom'].map((f) => ({ key: `${org}:patients/${f}` })),
          },
          {
            key: `${org}:sejours`,
            name: 'public.sejours',
            fields: ['id', 'patient_id'].map((f) => ({ key: `${org}:sejours/${f}` })),
          },
        ],
      },
    });

    // A replaced stakeholder list removes the stakeholders left out.
    const department = await kit.gql(
      admin,
      `mutation ($key: ID!, $input: UpdateDepartmentInput!) { updateDepartment(key: $key, input: $input) { name description stakeholders { key name } } }`,
      {
        key: `${org}:admissions`,
        input: { description: 'Accueil', stakeholders: [{ role: 'DPO_CONTACT', name: 'Relais RGPD' }] },
      },
    );
    expect(department.data).toEqual({
      updateDepartment: {
        name: 'Admissions',
        description: 'Accueil',
        stakeholders: [{ key: `${org}:admissions#DPO_CONTACT#relais-rgpd`, name: 'Relais RGPD' }],
      },
    });
    const field = await kit.gql(
      admin,
      `mutation ($key: ID!, $input: UpdateFieldInput!) { updateField(key: $key, input: $input) { key dataType description nullable } }`,
      {
        key: `${org}:patients/nom`,
        input: { dataType: null, description: 'Nom de naissance', nullable: true },
      },
    );
    expect(field.data).toEqual({
      updateField: { key: `${org}:patients/nom`, dataType: null, description: 'Nom de naissance', nullable: true },
    });
    const stakeholders = await kit.neo4j.queryRead<{ key: string }>(
      'MATCH (s:Stakeholder {organisation: $org}) RETURN s.key AS key ORDER BY key',
      { org },
    );
    expect(stakeholders).toEqual([
      { key: `${org}:admissions#DPO_CONTACT#relais-rgpd` },
      { key: `${org}:dpi#STEWARD#paul` },
    ]);
  });

  it('moves a source with its datasets, fields and outgoing flows to another department', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const moved = await kit.gql(
      admin,
      `mutation ($key: ID!, $input: UpdateDataSourceInput!) { updateDataSource(key: $key, input: $input) { departmentKey } }`,
      {
        key: `${org}:dpi`,
        input: { department: `${org}:it` },
      },
    );
    expect(moved.data).toEqual({ updateDataSource: { departmentKey: `${org}:it` } });
    const departments = await kit.neo4j.queryRead<{ label: string; key: string; department: string }>(
      `MATCH (n {organisation: $org}) WHERE n:DataSource OR n:Dataset OR n:Field OR n:DataFlow
       RETURN labels(n)[0] AS label, n.key AS key, n.department AS department ORDER BY key`,
      { org },
    );
    expect(departments.map((row) => `${row.key}=${row.department}`)).toEqual([
      `${org}:alimentation-entrepot=it`,
      `${org}:dpi=it`,
      `${org}:entrepot=it`,
      `${org}:patients=it`,
      `${org}:patients/date_naissance=it`,
      `${org}:patients/id=it`,
      `${org}:patients/nom=it`,
      `${org}:sejours=it`,
      `${org}:sejours/id=it`,
      `${org}:sejours/patient_id=it`,
      `${org}:stats=it`,
      `${org}:stats/nom=it`,
      `${org}:stats/patient_id=it`,
    ]);
    const owners = await kit.neo4j.queryRead<{ department: string }>(
      'MATCH (d:Department)-[:OWNS]->(:DataSource {key: $key}) RETURN d.key AS department',
      {
        key: `${org}:dpi`,
      },
    );
    expect(owners).toEqual([{ department: `${org}:it` }]);
  });

  it('creates a processing activity and a flow that reference existing entities', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const activity = await kit.gql(
      admin,
      `mutation ($input: CreateProcessingActivityInput!) { createProcessingActivity(input: $input) {
         key departmentKey legalBases controller { name } jointControllers { name }
         transfers { recipientKey country safeguard jurisdiction recipient { name } } recipients { key } datasets { key } fields { key } } }`,
      {
        input: {
          department: `${org}:it`,
          key: 'statistiques',
          name: 'Statistiques de séjour',
          controller: { name: 'Clinique du Parc' },
          purposes: ['Pilotage'],
          legalBases: ['LEGITIMATE_INTERESTS'],
          dataSubjectCategories: ['Patients'],
          personalDataCategories: ['Séjours'],
          recipients: [`${org}:labo`],
          transfers: [{ recipient: `${org}:labo`, country: 'CH', safeguard: 'ADEQUACY' }],
          retention: '5 ans',
          securityMeasures: ['Pseudonymisation'],
          datasets: [`${org}:stats`],
          fields: [`${org}:stats/nom`],
        },
      },
    );
    expect(activity.data).toEqual({
      createProcessingActivity: {
        key: `${org}:statistiques`,
        departmentKey: `${org}:it`,
        legalBases: ['LEGITIMATE_INTERESTS'],
        controller: { name: 'Clinique du Parc' },
        jointControllers: [],
        transfers: [
          {
            recipientKey: `${org}:labo`,
            country: 'CH',
            safeguard: 'ADEQUACY',
            jurisdiction: 'ADEQUACY',
            recipient: { name: 'Laboratoire Bio' },
          },
        ],
        recipients: [{ key: `${org}:labo` }],
        datasets: [{ key: `${org}:stats` }],
        fields: [{ key: `${org}:stats/nom` }],
      },
    });

    const flow = await kit.gql(
      admin,
      `mutation ($input: CreateDataFlowInput!) { createDataFlow(input: $input) {
         key departmentKey fromKey toKey frequency from { __typename ... on Dataset { key } } to { __typename ... on DataSource { key } } fields { from to } } }`,
      {
        input: {
          key: 'export-stats',
          from: `${org}:stats`,
          to: `${org}:dpi`,
          fields: [{ from: `${org}:stats/nom`, to: `${org}:patients/nom` }],
          frequency: 'MONTHLY',
        },
      },
    );
    expect(flow.data).toEqual({
      createDataFlow: {
        key: `${org}:export-stats`,
        departmentKey: `${org}:it`,
        fromKey: `${org}:stats`,
        toKey: `${org}:dpi`,
        frequency: 'MONTHLY',
        from: { __typename: 'Dataset', key: `${org}:stats` },
        to: { __typename: 'DataSource', key: `${org}:dpi` },
        fields: [{ from: `${org}:stats/nom`, to: `${org}:patients/nom` }],
      },
    });
  });

  it('refuses duplicates, foreign references and missing entities with the path and nothing written', async () => {
    const org = kit.organisation();
    const other = kit.organisation('other');
    await kit.importDocument(clinic(org));
    await kit.importDocument(clinic(other));
    const before = await kit.nodeCount(org);
    const create = (input: Record<string, unknown>) =>
      kit.gql(admin, 'mutation ($input: CreateDataSourceInput!) { createDataSource(input: $input) { key } }', {
        input,
      });
    const base = {
      department: `${org}:it`,
      key: 'crm',
      name: 'CRM',
      kind: 'SAAS_APPLICATION',
      structure: 'STRUCTURED',
    };
    const answers = [
      await create({ ...base, key: 'patients' }),
      await create({ ...base, servers: [`${other}:srv-fr`] }),
      await create({ ...base, servers: [`${org}:srv-nowhere`] }),
      await create({ ...base, department: `${org}:finance` }),
      await create({ ...base, connectionRef: 'postgres://user:secret@db' }),
    ];
    expect(answers.map((answer) => [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.message])).toEqual([
      ['BAD_USER_INPUT', `input.key: data source or dataset 'patients' already exists in organisation '${org}'`],
      ['BAD_USER_INPUT', `input.servers[0]: '${other}:srv-fr' belongs to organisation '${other}', not '${org}'`],
      ['BAD_USER_INPUT', `input.servers[0]: no Server 'srv-nowhere' in this file or in organisation '${org}'`],
      ['BAD_USER_INPUT', `input.department: no Department 'finance' in this file or in organisation '${org}'`],
      ['BAD_USER_INPUT', 'connectionRef must be an environment variable name (A-Z, 0-9, _), never the secret itself'],
    ]);
    expect(await kit.nodeCount(org)).toBe(before);

    const missing = await kit.gql(
      admin,
      'mutation { updateDataset(key: "nowhere:x", input: { name: "X" }) { key } deleteServer(key: "nowhere:y") { key } }',
    );
    expect(missing.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['NOT_FOUND', "Dataset 'nowhere:x' does not exist"],
    ]);
  });

  it('answers the one object a caller may read, redacted: an AUDITOR gets no connectionRef, another organisation nothing', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const auditor = await kit.session(Role.AUDITOR, { organisations: [org] });
    const stranger = await kit.session(Role.DPO, { organisations: ['somewhere-else'] });
    const query = `query ($key: ID!) { dataSource(key: $key) { key connectionRef } dataSources(filter: { organisation: "${org}" }) { totalCount items { key connectionRef } } }`;
    expect((await kit.gql(auditor, query, { key: `${org}:dpi` })).data).toEqual({
      dataSource: { key: `${org}:dpi`, connectionRef: null },
      dataSources: {
        totalCount: 2,
        items: [
          { key: `${org}:dpi`, connectionRef: null },
          { key: `${org}:entrepot`, connectionRef: null },
        ],
      },
    });
    expect((await kit.gql(admin, query, { key: `${org}:dpi` })).data).toEqual({
      dataSource: { key: `${org}:dpi`, connectionRef: 'DPI_DATABASE_URL' },
      dataSources: {
        totalCount: 2,
        items: [
          { key: `${org}:dpi`, connectionRef: 'DPI_DATABASE_URL' },
          { key: `${org}:entrepot`, connectionRef: null },
        ],
      },
    });
    expect((await kit.gql(stranger, query, { key: `${org}:dpi` })).data).toEqual({
      dataSource: null,
      dataSources: { totalCount: 0, items: [] },
    });

    // The AUDITOR's revision does not digest the member hidden from it: no guess can be tested.
    const revision = async (session: typeof admin) =>
      (
        await kit.gql<{ dataSource: { revision: string } }>(
          session,
          'query ($key: ID!) { dataSource(key: $key) { revision } }',
          { key: `${org}:dpi` },
        )
      ).data!.dataSource.revision;
    const [seen, full] = [await revision(auditor), await revision(admin)];
    expect(seen).not.toBe(full);
    await kit.gql(
      admin,
      'mutation ($key: ID!) { updateDataSource(key: $key, input: { connectionRef: "OTHER_URL" }) { key } }',
      {
        key: `${org}:dpi`,
      },
    );
    expect([await revision(auditor), (await revision(admin)) === full]).toEqual([seen, false]);
  });

  it('lets a DATA_LEAD change sources of its departments only, and never move one out of them', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const lead = await kit.session(Role.DATA_LEAD, { organisations: [org], departments: ['admissions'] });
    const update = (key: string, input: Record<string, unknown>) =>
      kit.gql(
        lead,
        'mutation ($key: ID!, $input: UpdateDataSourceInput!) { updateDataSource(key: $key, input: $input) { key name } }',
        { key, input },
      );
    expect((await update(`${org}:dpi`, { name: 'DPI v2' })).data).toEqual({
      updateDataSource: { key: `${org}:dpi`, name: 'DPI v2' },
    });
    const foreign = await update(`${org}:entrepot`, { name: 'Lac' });
    const away = await update(`${org}:dpi`, { department: `${org}:it` });
    const server = await kit.gql(
      lead,
      `mutation { createServer(input: { organisation: "${org}", key: "srv-x", name: "X", hosting: CLOUD, country: "FR" }) { key } }`,
    );
    expect(
      [foreign, away, server].map((answer) => [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.message]),
    ).toEqual([
      ['FORBIDDEN', `not allowed to update DataSource '${org}:entrepot'`],
      ['FORBIDDEN', `not allowed to update DataSource '${org}:dpi'`],
      ['FORBIDDEN', 'not allowed to create Server'],
    ]);
    const names = await kit.neo4j.queryRead<{ key: string; name: string; department: string }>(
      'MATCH (s:DataSource {organisation: $org}) RETURN s.localKey AS key, s.name AS name, s.department AS department ORDER BY key',
      { org },
    );
    expect(names).toEqual([
      { key: 'dpi', name: 'DPI v2', department: 'admissions' },
      { key: 'entrepot', name: 'Entrepôt de données', department: 'it' },
    ]);
  });

  it('answers a revision with every entity and refuses an update carrying a stale one, writing nothing', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const key = `${org}:dpi`;
    const read = async () =>
      (
        await kit.gql<{ dataSource: { revision: string; name: string; datasets: { revision: string }[] } }>(
          admin,
          'query ($key: ID!) { dataSource(key: $key) { revision name datasets(first: 5) { revision } } }',
          { key },
        )
      ).data!.dataSource;
    const update = (input: Record<string, unknown>) =>
      kit.gql<{ updateDataSource: { name: string; revision: string } }>(
        admin,
        'mutation ($key: ID!, $input: UpdateDataSourceInput!) { updateDataSource(key: $key, input: $input) { name revision } }',
        { key, input },
      );
    const first = await read();
    const declared = await exportInventory(kit.neo4j, org);
    const { datasets, ...source } = declared.sources!.find((s) => s.key === 'dpi')!;
    expect(first.revision).toBe(revisionOf(source));
    expect(first.datasets.map((d) => d.revision)).toEqual(datasets!.map(({ fields: _f, ...d }) => revisionOf(d)));

    const changed = await update({ name: 'DPI v3', revision: first.revision });
    expect(changed.data!.updateDataSource).toEqual({ name: 'DPI v3', revision: (await read()).revision });
    expect(changed.data!.updateDataSource.revision).not.toBe(first.revision);

    const before = await kit.snapshot(org);
    const stale = await update({ name: 'Lost update', revision: first.revision });
    expect(stale.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      [
        'CONFLICT',
        `DataSource '${key}' has changed since revision '${first.revision}': its current revision is '${changed.data!.updateDataSource.revision}'; read it again and re-apply the change`,
      ],
    ]);
    expect(await kit.snapshot(org)).toEqual(before);

    const unconditional = await update({ name: 'DPI v4' });
    expect(unconditional.data!.updateDataSource.name).toBe('DPI v4');
  });

  it('refuses to delete what others reference, naming them, and deletes nothing', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const before = await kit.snapshot(org);
    const answer = await kit.gql(admin, 'mutation ($key: ID!) { deleteDataSource(key: $key) { key } }', {
      key: `${org}:dpi`,
    });
    expect(answer.errors).toEqual([
      {
        message:
          "DataSource 'dpi' contains dataset 'patients', 'sejours' (with 5 fields) and is used by processing activity 'gestion-patients' and flow 'alimentation-entrepot'; pass cascade: true",
        locations: [{ line: 1, column: 24 }],
        path: ['deleteDataSource'],
        extensions: { code: 'CONFLICT' },
      },
    ]);
    const server = await kit.gql(admin, 'mutation ($key: ID!) { deleteServer(key: $key) { key } }', {
      key: `${org}:srv-fr`,
    });
    const field = await kit.gql(admin, 'mutation ($key: ID!) { deleteField(key: $key) { key } }', {
      key: `${org}:patients/id`,
    });
    const recipient = await kit.gql(admin, 'mutation ($key: ID!) { deleteRecipient(key: $key) { key } }', {
      key: `${org}:labo`,
    });
    expect([server, field, recipient].map((a) => [a.errors?.[0]?.extensions?.code, a.errors?.[0]?.message])).toEqual([
      ['CONFLICT', "Server 'srv-fr' is used by data source 'dpi'; pass cascade: true"],
      ['CONFLICT', "Field 'patients/id' is used by foreign key 'sejours.fk_patient'; pass cascade: true"],
      ['CONFLICT', "Recipient 'labo' is used by processing activity 'gestion-patients'; pass cascade: true"],
    ]);
    expect(await kit.snapshot(org)).toEqual(before);
  });

  it('cascades a delete through what the entity owns, drops flows left without an end, detaches the rest', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    const answer = await kit.gql(
      admin,
      'mutation ($key: ID!) { deleteDataSource(key: $key, cascade: true) { key deleted { label key } } }',
      {
        key: `${org}:dpi`,
      },
    );
    expect(answer.data).toEqual({
      deleteDataSource: {
        key: `${org}:dpi`,
        deleted: [
          { label: 'DataFlow', key: `${org}:alimentation-entrepot` },
          { label: 'DataSource', key: `${org}:dpi` },
          { label: 'Dataset', key: `${org}:patients` },
          { label: 'Field', key: `${org}:patients/date_naissance` },
          { label: 'Field', key: `${org}:patients/id` },
          { label: 'Field', key: `${org}:patients/nom` },
          { label: 'Dataset', key: `${org}:sejours` },
          { label: 'Field', key: `${org}:sejours/id` },
          { label: 'Field', key: `${org}:sejours/patient_id` },
        ],
      },
    });
    const { nodes, rels } = await kit.snapshot(org);
    expect(nodes.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      `DataSource ${org}:entrepot`,
      `Dataset ${org}:stats`,
      `Department ${org}:admissions`,
      `Department ${org}:it`,
      `Field ${org}:stats/nom`,
      `Field ${org}:stats/patient_id`,
      `Organisation ${org}`,
      `ProcessingActivity ${org}:gestion-patients`,
      `Recipient ${org}:labo`,
      `Server ${org}:srv-fr`,
      `Server ${org}:srv-us`,
      `Stakeholder ${org}:admissions#OWNER#responsable-admissions`,
    ]);
    expect(rels.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      `${org} HAS_DEPARTMENT ${org}:admissions`,
      `${org} HAS_DEPARTMENT ${org}:it`,
      `${org} HAS_RECIPIENT ${org}:labo`,
      `${org} HAS_SERVER ${org}:srv-fr`,
      `${org} HAS_SERVER ${org}:srv-us`,
      `${org}:admissions HAS_STAKEHOLDER ${org}:admissions#OWNER#responsable-admissions`,
      `${org}:admissions RUNS ${org}:gestion-patients`,
      `${org}:entrepot CONTAINS ${org}:stats`,
      `${org}:gestion-patients DISCLOSES_TO ${org}:labo`,
      `${org}:gestion-patients TRANSFERS_TO ${org}:labo`,
      `${org}:it OWNS ${org}:entrepot`,
      `${org}:stats HAS_FIELD ${org}:stats/nom`,
      `${org}:stats HAS_FIELD ${org}:stats/patient_id`,
    ]);
    // What is left exports and re-imports cleanly: nothing dangles.
    const exported = await kit.gql<{ exportInventory: string }>(
      admin,
      `{ exportInventory(organisation: "${org}", format: JSON) }`,
    );
    const reimported = await kit.gql(
      admin,
      'mutation ($doc: String!) { importInventory(document: $doc, format: JSON) { organisation } }',
      {
        doc: exported.data!.exportInventory,
      },
    );
    expect(reimported.data).toEqual({ importInventory: { organisation: org } });
  });

  it('records every change in the audit log, with the caller and the organisation', async () => {
    const org = kit.organisation();
    await kit.importDocument(clinic(org));
    await kit.gql(admin, 'mutation ($key: ID!) { updateRecipient(key: $key, input: { safeguard: SCC }) { key } }', {
      key: `${org}:labo`,
    });
    await kit.gql(admin, 'mutation ($key: ID!) { deleteDataFlow(key: $key) { key } }', {
      key: `${org}:alimentation-entrepot`,
    });
    const rows = (await kit.api.app
      .get(DataSource)
      .query(
        `SELECT action, entity_type, entity_key, before->>'safeguard' AS before, after->>'safeguard' AS after FROM audit_log WHERE organisation = $1 ORDER BY seq`,
        [org],
      )) as Record<string, string | null>[];
    expect(rows).toEqual([
      {
        action: 'recipient.update',
        entity_type: 'Recipient',
        entity_key: `${org}:labo`,
        before: 'ADEQUACY',
        after: 'SCC',
      },
      {
        action: 'dataFlow.delete',
        entity_type: 'DataFlow',
        entity_key: `${org}:alimentation-entrepot`,
        before: null,
        after: null,
      },
    ]);
  });
});
