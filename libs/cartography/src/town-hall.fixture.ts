import type { ComplianceFacts, FindingFacts } from '@cartographer/compliance';
import type { MapObservations } from './model/map-model.js';

function finding(category: string, overrides: Partial<FindingFacts> = {}): FindingFacts {
  return {
    category,
    specialCategory: null,
    tier: 'DIRECT_IDENTIFIER',
    status: 'CONFIRMED',
    origin: 'SCAN',
    ...overrides,
  };
}

/**
 * A small town hall: civil status, human resources, schools; servers on premises, at a French
 * cloud provider, at a SaaS in Ireland and one in the United States; payroll outsourced, a
 * newsletter tool in the US without safeguard, school-canteen data with health information.
 * A fresh object each call: tests may change it.
 */
export function townHallFacts(): ComplianceFacts {
  return {
    organisation: { key: 'mairie', name: 'Mairie de Saint-Exemple', country: 'FR', sector: 'PUBLIC', staffCount: 85 },
    departments: [
      { key: 'etat-civil', name: 'État civil' },
      { key: 'rh', name: 'Ressources humaines' },
      { key: 'ecoles', name: 'Affaires scolaires' },
    ],
    servers: [
      { key: 'srv-mairie', name: 'Salle serveur mairie', hosting: 'ON_PREMISES', country: 'FR' },
      { key: 'srv-ovh', name: 'OVHcloud Roubaix', provider: 'OVHcloud', hosting: 'CLOUD', country: 'FR' },
      { key: 'srv-ms', name: 'Microsoft 365 Dublin', provider: 'Microsoft', hosting: 'SAAS', country: 'IE' },
      { key: 'srv-news', name: 'NewsMail Virginia', provider: 'NewsMail Inc.', hosting: 'SAAS', country: 'US' },
    ],
    recipients: [
      { key: 'tresor', name: 'Trésor public', role: 'PUBLIC_AUTHORITY', country: 'FR', safeguard: 'NONE' },
      {
        key: 'paie',
        name: 'Paie Services SAS',
        role: 'PROCESSOR',
        country: 'FR',
        safeguard: 'SCC',
        accessCountries: ['MA'],
        transferTool: { sccModule: 2 },
      },
      { key: 'newsmail', name: 'NewsMail Inc.', role: 'PROCESSOR', country: 'US', safeguard: 'NONE' },
    ],
    sources: [
      {
        key: 'logiciel-ec',
        name: 'Logiciel état civil',
        department: 'etat-civil',
        kind: 'POSTGRESQL',
        servers: ['srv-mairie'],
        velocity: { recordsPerDay: 12 },
        accessMethods: ['SQL'],
        datasets: [
          {
            key: 'naissances',
            name: 'Actes de naissance',
            volume: { records: 48_200 },
            fields: [
              { name: 'nom', findings: [finding('IDENTITY')] },
              { name: 'prenoms', findings: [finding('IDENTITY')] },
              { name: 'date_naissance', findings: [finding('IDENTITY', { tier: 'QUASI_IDENTIFIER' })] },
              { name: 'commune', findings: [finding('LOCATION', { status: 'REJECTED', tier: 'QUASI_IDENTIFIER' })] },
              { name: 'numero_acte' },
            ],
          },
          {
            key: 'mariages',
            name: 'Actes de mariage',
            volume: { records: 15_900 },
            fields: [
              { name: 'epoux', findings: [finding('IDENTITY')] },
              { name: 'date', findings: [] },
            ],
          },
        ],
      },
      {
        key: 'sirh',
        name: 'SIRH',
        department: 'rh',
        kind: 'MARIADB',
        servers: ['srv-ovh'],
        velocity: { recordsPerDay: 3 },
        accessMethods: ['SQL', 'EXPORT'],
        datasets: [
          {
            key: 'agents',
            name: 'Agents',
            volume: { records: 85 },
            fields: [
              { name: 'matricule', findings: [finding('INTERNAL_ID')] },
              { name: 'iban', findings: [finding('FINANCIAL')] },
              {
                name: 'arret_maladie',
                findings: [
                  finding('HEALTH', { specialCategory: 'HEALTH', tier: 'LINKED_ATTRIBUTE', status: 'PENDING' }),
                ],
              },
              {
                name: 'syndicat',
                findings: [finding('TRADE_UNION', { specialCategory: 'TRADE_UNION', tier: 'LINKED_ATTRIBUTE' })],
              },
            ],
          },
        ],
      },
      {
        key: 'messagerie',
        name: 'Messagerie et bureautique',
        department: 'rh',
        kind: 'FILES',
        servers: ['srv-ms'],
        accessMethods: ['API'],
        datasets: [
          {
            key: 'boites',
            name: 'Boîtes aux lettres',
            volume: { records: 310_000 },
            fields: [{ name: 'expediteur', findings: [finding('CONTACT', { status: 'PENDING' })] }],
          },
        ],
      },
      {
        key: 'portail-famille',
        name: 'Portail famille',
        department: 'ecoles',
        kind: 'API',
        servers: ['srv-ovh'],
        velocity: { recordsPerDay: 40 },
        accessMethods: ['API', 'EXPORT'],
        datasets: [
          {
            key: 'inscriptions',
            name: 'Inscriptions cantine',
            volume: { records: 1_250 },
            dataSubjectKinds: ['élèves'],
            fields: [
              { name: 'enfant', findings: [finding('IDENTITY')] },
              {
                name: 'allergies',
                findings: [finding('HEALTH', { specialCategory: 'HEALTH', tier: 'LINKED_ATTRIBUTE' })],
              },
              { name: 'courriel_parent', findings: [finding('CONTACT')] },
              { name: 'classe' },
            ],
          },
        ],
      },
      {
        key: 'lettre-info',
        name: "Lettre d'information",
        department: 'ecoles',
        kind: 'SAAS',
        servers: ['srv-news'],
        accessMethods: ['EXPORT'],
        datasets: [
          {
            key: 'abonnes',
            name: 'Abonnés',
            volume: { records: 2_100 },
            fields: [{ name: 'courriel', findings: [finding('CONTACT')] }],
          },
        ],
      },
    ],
    processingActivities: [
      {
        key: 'tenue-ec',
        name: "Tenue des registres d'état civil",
        department: 'etat-civil',
        purposes: ['Établir et conserver les actes'],
        legalBases: ['LEGAL_OBLIGATION'],
        datasets: ['naissances', 'mariages'],
        recipients: ['tresor'],
      },
      {
        key: 'paie',
        name: 'Paie des agents',
        department: 'rh',
        purposes: ['Verser les salaires'],
        legalBases: ['LEGAL_OBLIGATION', 'CONTRACT'],
        datasets: ['agents'],
        recipients: ['paie'],
      },
      {
        key: 'cantine',
        name: 'Restauration scolaire',
        department: 'ecoles',
        purposes: ['Inscrire les enfants à la cantine'],
        legalBases: ['PUBLIC_TASK'],
        datasets: ['inscriptions'],
      },
      {
        key: 'newsletter',
        name: 'Lettre aux familles',
        department: 'ecoles',
        purposes: ['Informer les familles'],
        legalBases: ['CONSENT'],
        datasets: ['abonnes'],
        recipients: ['newsmail'],
      },
    ],
    flows: [
      { key: 'f-ec-rh', from: 'naissances', to: 'agents', fields: ['nom'], mechanism: 'EXPORT' },
      {
        key: 'f-portail-news',
        from: 'inscriptions',
        to: 'abonnes',
        fields: [{ from: 'courriel_parent', to: 'courriel' }],
        mechanism: 'API',
      },
    ],
  };
}

export function townHallObservations(): MapObservations {
  return {
    sources: {
      'logiciel-ec': { lastScan: '2026-11-30T08:00:00Z', bytes: 1_200_000_000 },
      sirh: { lastScan: '2026-11-28T22:00:00Z' },
      'portail-famille': { lastScan: '2026-12-01T06:30:00Z' },
    },
  };
}
