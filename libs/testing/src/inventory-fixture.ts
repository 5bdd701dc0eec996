import type { InventoryDocument } from '@cartographer/inventory';

/** A small but complete inventory, under an organisation key of the test's own. */
export function smallInventory(organisation: string): InventoryDocument {
  return {
    version: 1,
    organisation: {
      key: organisation,
      name: 'Clinique du Parc',
      country: 'FR',
      sector: 'PRIVATE',
      dpo: { name: 'DPO mutualisé', contact: 'dpo@example.org' },
    },
    departments: [
      { key: 'admissions', name: 'Admissions', stakeholders: [{ role: 'OWNER', name: 'Responsable admissions' }] },
      { key: 'it', name: 'DSI' },
    ],
    servers: [
      { key: 'srv-fr', name: 'Baie Paris', hosting: 'ON_PREMISES', country: 'FR', certifications: ['HDS'] },
      { key: 'srv-no', name: 'Backup Oslo', hosting: 'CLOUD', country: 'NO' },
      { key: 'srv-ch', name: 'SaaS Genève', hosting: 'SAAS', country: 'CH' },
      { key: 'srv-us-dpf', name: 'Analytics Virginia', hosting: 'SAAS', country: 'US', certifications: ['EU-US DPF'] },
      { key: 'srv-us', name: 'Mail Oregon', hosting: 'SAAS', country: 'US' },
      { key: 'srv-in', name: 'Support Bangalore', hosting: 'CLOUD', country: 'IN' },
    ],
    recipients: [{ key: 'labo', name: 'Laboratoire Bio', role: 'PROCESSOR', country: 'FR', safeguard: 'NONE' }],
    sources: [
      {
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
        datasets: [
          {
            key: 'patients',
            name: 'public.patients',
            kind: 'TABLE',
            fields: [
              { name: 'id', dataType: 'integer' },
              { name: 'nom', dataType: 'varchar', description: 'Nom de naissance' },
              { name: 'date_naissance', dataType: 'date' },
            ],
          },
          {
            key: 'sejours',
            name: 'public.sejours',
            kind: 'TABLE',
            fields: [
              { name: 'id', dataType: 'integer' },
              { name: 'patient_id', dataType: 'integer' },
            ],
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
        controller: { name: 'Clinique du Parc', contact: 'direction@example.org' },
        purposes: ['Admission et facturation'],
        legalBases: ['CONTRACT', 'LEGAL_OBLIGATION'],
        dataSubjectCategories: ['Patients'],
        personalDataCategories: ['Identité', 'Santé'],
        specialCategories: ['HEALTH'],
        recipients: ['labo'],
        transfers: [{ recipient: 'labo', country: 'CH', safeguard: 'ADEQUACY' }],
        retention: '20 ans après le dernier séjour',
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
