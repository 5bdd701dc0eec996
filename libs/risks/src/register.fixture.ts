import type { RiskFacts } from './risk-facts.js';

const finding = (category: string, specialCategory: string | null = null) => ({
  category,
  specialCategory,
  tier: 'DIRECT_IDENTIFIER' as const,
  status: 'CONFIRMED' as const,
  origin: 'SCAN' as const,
});

/** A small clinic, every security fact hand-written: the register test states its whole expected register. */
export function clinicFacts(): RiskFacts {
  return {
    organisation: { key: 'clinique', name: 'Clinique du Parc', country: 'FR', sector: 'PRIVATE', staffCount: 120 },
    departments: [
      { key: 'soins', name: 'Soins' },
      { key: 'admin', name: 'Administration' },
    ],
    servers: [
      { key: 'srv-dpi', name: 'Serveur DPI', hosting: 'ON_PREMISES', country: 'FR' },
      { key: 'srv-cloud', name: 'Compta SaaS', hosting: 'CLOUD', provider: 'Amazon Web Services', country: 'US' },
    ],
    recipients: [
      { key: 'labo', name: 'Laboratoire', role: 'PROCESSOR', country: 'FR', safeguard: 'NONE' },
      { key: 'mutuelle', name: 'Mutuelle', role: 'CONTROLLER', country: 'FR', safeguard: 'NONE' },
      { key: 'cpam', name: 'CPAM', role: 'PUBLIC_AUTHORITY', country: 'FR', safeguard: 'NONE' },
      { key: 'editeur', name: 'Éditeur', role: 'PROCESSOR', country: 'IN', safeguard: 'NONE' },
    ],
    sources: [
      {
        key: 'dpi',
        name: 'Dossier patient',
        department: 'soins',
        servers: ['srv-dpi'],
        datasets: [
          {
            key: 'dossiers',
            name: 'Dossiers',
            volume: { records: 50_000 },
            dataSubjectKinds: ['patients'],
            fields: [
              { name: 'nir', findings: [finding('NATIONAL_ID')] },
              { name: 'diagnostic', findings: [finding('HEALTH', 'HEALTH')] },
            ],
          },
        ],
      },
      {
        key: 'compta',
        name: 'Comptabilité',
        department: 'admin',
        servers: ['srv-cloud'],
        datasets: [
          {
            key: 'factures',
            name: 'Factures',
            volume: { records: 2_000 },
            fields: [{ name: 'iban', findings: [finding('FINANCIAL')] }],
          },
        ],
      },
    ],
    processingActivities: [
      {
        key: 'patients',
        name: 'Suivi des patients',
        department: 'soins',
        purposes: ['Prise en charge des patients'],
        legalBases: ['LEGAL_OBLIGATION'],
        dataSubjectCategories: ['Patients'],
        recipients: ['labo', 'mutuelle', 'cpam'],
        datasets: ['dossiers'],
        dataSubjectCount: 50_000,
      },
      {
        key: 'facturation',
        name: 'Facturation',
        department: 'admin',
        purposes: ['Facturation des séjours'],
        legalBases: ['CONTRACT'],
        dataSubjectCategories: ['Clients'],
        recipients: ['editeur'],
        datasets: ['factures'],
        dataSubjectCount: 2_000,
      },
    ],
    security: {
      servers: [
        {
          server: 'srv-dpi',
          encryptionAtRest: true,
          encryptionInTransit: true,
          keys: { holder: 'ORGANISATION', location: 'coffre du service informatique' },
          backup: { frequency: 'DAILY', offSite: false, lastRestoreTest: '2025-06-01' },
          redundancy: 'SINGLE',
          exposure: 'INTERNAL',
          adminInterfaceExposed: false,
          adminMfa: true,
          hardware: { inServiceSince: '2019-01-10', endOfSupport: '2027-01-01' },
          softwareEndOfSupport: '2026-10-01',
        },
        {
          server: 'srv-cloud',
          encryptionAtRest: false,
          encryptionInTransit: true,
          backup: { frequency: 'DAILY', offSite: true, lastRestoreTest: '2026-09-01' },
          redundancy: 'MULTI_SITE',
          exposure: 'INTERNET_FACING',
          adminInterfaceExposed: false,
          adminMfa: false,
          softwareEndOfSupport: '2029-01-01',
        },
      ],
      departments: [
        { department: 'soins', staffCount: 80, lastAwarenessTraining: '2025-03-01', shareTrained: 0.9 },
        { department: 'admin', staffCount: 40, lastAwarenessTraining: '2026-05-01', shareTrained: 0.5 },
      ],
      activities: [
        {
          activity: 'patients',
          accessControl: 'ROLE_BASED',
          logging: true,
          pseudonymisation: false,
          publicFacing: false,
        },
        {
          activity: 'facturation',
          accessControl: 'SHARED_ACCOUNTS',
          logging: false,
          pseudonymisation: false,
          publicFacing: true,
        },
      ],
      incidents: [{ key: 'inc-1', date: '2025-02-01', kind: 'AVAILABILITY', activities: ['patients'] }],
      measuresInPlace: [
        { measure: 'M-INCIDENT-PROCESS' },
        { measure: 'M-AWARENESS', risks: ['organisational/AWARENESS'] },
      ],
      actions: [
        { key: 'act-offsite', measure: 'M-BACKUP-OFFSITE', owner: 'DSI', dueDate: '2026-11-15', status: 'PLANNED' },
        {
          key: 'act-mfa',
          measure: 'M-AUTH-MFA',
          owner: 'DSI',
          dueDate: '2027-03-01',
          status: 'IN_PROGRESS',
          risks: ['privacy/facturation/ILLEGITIMATE_ACCESS'],
        },
        {
          key: 'act-logs',
          measure: 'M-LOGGING',
          owner: 'Responsable comptable',
          dueDate: '2026-10-01',
          status: 'DONE',
          risks: ['privacy/facturation/ILLEGITIMATE_ACCESS'],
        },
        {
          key: 'act-incident',
          measure: 'M-INCIDENT-PROCESS',
          owner: 'DPO',
          dueDate: '2027-01-31',
          status: 'PLANNED',
          risks: ['organisational/IMAGE'],
        },
      ],
      overrides: [
        {
          risk: 'privacy/patients/ILLEGITIMATE_ACCESS',
          dimension: 'LIKELIHOOD',
          state: 'INHERENT',
          score: 3,
          justification: 'Accès fréquents des internes et intérimaires au dossier patient',
          by: 'dpo@clinique.fr',
          at: '2026-11-20',
          factsDigest: 'sha256:avant-modification',
        },
        {
          risk: 'organisational/HARDWARE',
          dimension: 'LIKELIHOOD',
          state: 'CURRENT',
          score: 1,
          justification: 'Remplacement du serveur commandé',
          by: 'dpo@clinique.fr',
          at: '2026-11-20',
        },
      ],
      acceptances: [{ risk: 'organisational/IMAGE', by: 'direction' }],
      assessments: [],
    },
  };
}
