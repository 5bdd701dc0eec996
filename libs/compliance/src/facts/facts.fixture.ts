import type { ComplianceFacts, FindingFacts } from './compliance-facts.js';

/** A finding summary; scanned and confirmed unless said otherwise. */
export function finding(category: string, overrides: Partial<FindingFacts> = {}): FindingFacts {
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
 * A private clinic with one activity per outcome: transfers covered (adequacy, DPF, SCC with a
 * concluded TIA), to verify (partial adequacy unknown, TIA missing) and without safeguard; DPIA
 * required (Art. 35(3), CNIL list), recommended, not required (no criterion, CNIL exemption) and
 * unknown; records complete and incomplete. A fresh object each call: tests may change it.
 */
export function clinicFacts(): ComplianceFacts {
  return {
    organisation: {
      key: 'clinique',
      name: 'Clinique du Parc',
      country: 'FR',
      sector: 'PRIVATE',
      staffCount: 120,
      dpo: { name: 'Claire Martin', contact: 'dpo@clinique.example' },
    },
    departments: [{ key: 'direction', name: 'Direction' }],
    servers: [
      { key: 'srv-local', name: 'Salle serveur', provider: 'Clinique du Parc', hosting: 'ON_PREMISES', country: 'FR' },
      {
        key: 'srv-aws-fra',
        name: 'AWS Francfort',
        provider: 'Amazon Web Services',
        hosting: 'CLOUD',
        country: 'DE',
        accessCountries: ['US'],
        operator: 'aws',
      },
      { key: 'srv-ovh-ca', name: 'OVHcloud Beauharnois', provider: 'OVHcloud', hosting: 'CLOUD', country: 'CA' },
      { key: 'srv-us-lab', name: 'Google Cloud Iowa', provider: 'Google Cloud', hosting: 'CLOUD', country: 'US' },
      { key: 'srv-mystery', name: 'Hébergeur inconnu', provider: 'Nuage Local SARL', hosting: 'SAAS', country: 'FR' },
    ],
    recipients: [
      {
        key: 'aws',
        name: 'Amazon Web Services EMEA SARL',
        role: 'PROCESSOR',
        country: 'LU',
        safeguard: 'SCC',
        transferTool: { sccModule: 2 },
      },
      { key: 'labo', name: 'Laboratoire Léman SA', role: 'CONTROLLER', country: 'CH', safeguard: 'ADEQUACY' },
      { key: 'mailer', name: 'Mailer Inc.', role: 'PROCESSOR', country: 'US', safeguard: 'NONE' },
      {
        key: 'crm',
        name: 'CRM Corp.',
        role: 'PROCESSOR',
        country: 'US',
        safeguard: 'NONE',
        certifications: ['EU-US DPF'],
      },
      { key: 'analytics', name: 'Analytics Pvt Ltd', role: 'CONTROLLER', country: 'IN', safeguard: 'NONE' },
      {
        key: 'support',
        name: 'Paie Services SAS',
        role: 'PROCESSOR',
        country: 'FR',
        accessCountries: ['MA'],
        safeguard: 'SCC',
        transferTool: {
          sccModule: 2,
          documentation: 'Contrat DPA 2025-04, annexe SCC',
          tia: {
            reference: 'AITD-2025-07',
            assessedOn: '2025-07-01',
            reevaluateBy: '2027-07-01',
            stepsDone: [
              'KNOW_TRANSFER',
              'IDENTIFY_TOOL',
              'ASSESS_LAW_AND_PRACTICE',
              'SUPPLEMENTARY_MEASURES',
              'PROCEDURAL_STEPS',
              'REEVALUATE',
            ],
            conclusion: 'EFFECTIVE',
            supplementaryMeasures: ['Pseudonymisation des matricules', 'Chiffrement TLS 1.3'],
          },
        },
      },
      { key: 'insurer', name: 'Mutuelle Santé', role: 'CONTROLLER', country: 'FR', safeguard: 'NONE' },
      { key: 'it-us', name: 'Service informatique (New York)', role: 'INTERNAL', country: 'US', safeguard: 'NONE' },
    ],
    sources: [
      {
        key: 'dpi',
        name: 'Dossier patient informatisé',
        department: 'direction',
        servers: ['srv-local', 'srv-aws-fra'],
        datasets: [
          {
            key: 'dossiers',
            name: 'Dossiers',
            volume: { records: 80000 },
            fields: [
              { name: 'nom', findings: [finding('IDENTITY')] },
              { name: 'nir', findings: [finding('NATIONAL_ID', { status: 'PENDING' })] },
              {
                name: 'diagnostic',
                findings: [finding('HEALTH', { specialCategory: 'HEALTH', tier: 'LINKED_ATTRIBUTE' })],
              },
              { name: 'ville', findings: [finding('LOCATION', { status: 'REJECTED', tier: 'QUASI_IDENTIFIER' })] },
            ],
          },
        ],
      },
      {
        key: 'labo-src',
        name: 'Plateforme du laboratoire',
        department: 'direction',
        servers: ['srv-us-lab'],
        datasets: [
          {
            key: 'resultats',
            name: 'Résultats',
            fields: [
              {
                name: 'diagnostic',
                findings: [finding('HEALTH', { specialCategory: 'HEALTH', origin: 'PROPAGATED' })],
              },
            ],
          },
        ],
      },
      {
        key: 'crm-src',
        name: 'CRM newsletter',
        department: 'direction',
        servers: ['srv-ovh-ca'],
        datasets: [
          {
            key: 'abonnes',
            name: 'Abonnés',
            fields: [
              { name: 'email', findings: [finding('CONTACT')] },
              { name: 'ip', findings: [finding('ONLINE_ID', { status: 'PENDING' })] },
              { name: 'date_inscription' },
            ],
          },
        ],
      },
      {
        key: 'rh',
        name: 'SIRH',
        department: 'direction',
        servers: ['srv-local'],
        datasets: [
          {
            key: 'bulletins',
            name: 'Bulletins de paie',
            fields: [
              { name: 'matricule', findings: [finding('INTERNAL_ID')] },
              { name: 'iban', findings: [finding('FINANCIAL')] },
            ],
          },
        ],
      },
      {
        key: 'nvr',
        name: 'Enregistreurs vidéo',
        department: 'direction',
        servers: ['srv-local'],
        datasets: [{ key: 'enregistrements', name: 'Enregistrements', volume: { records: 5000 }, fields: [] }],
      },
      {
        key: 'annu-src',
        name: 'Annuaire',
        department: 'direction',
        servers: ['srv-mystery'],
        datasets: [
          {
            key: 'annu',
            name: 'Annuaire des correspondants',
            fields: [
              { name: 'nom', findings: [finding('IDENTITY')] },
              { name: 'telephone', findings: [finding('CONTACT')] },
            ],
          },
        ],
      },
    ],
    processingActivities: [
      {
        key: 'patients',
        name: 'Dossier patient',
        department: 'direction',
        controller: { name: 'Clinique du Parc', contact: 'direction@clinique.example' },
        organisationRole: 'CONTROLLER',
        purposes: ['Prise en charge des patients', 'Suivi des soins'],
        legalBases: ['PUBLIC_TASK'],
        dataSubjectCategories: ['Patients', 'Enfants hospitalisés'],
        personalDataCategories: ['Identité', 'Coordonnées'],
        specialCategories: ['HEALTH'],
        recipients: ['labo', 'mailer'],
        transfers: [{ recipient: 'labo', country: 'CH', safeguard: 'ADEQUACY' }],
        retention: '20 ans après le dernier passage',
        securityMeasures: ['Chiffrement des sauvegardes', 'Authentification forte'],
        datasets: ['dossiers'],
        dataSubjectCount: 50000,
      },
      {
        key: 'newsletter',
        name: 'Lettre d’information',
        department: 'direction',
        organisationRole: 'CONTROLLER',
        purposes: ['Envoi de la lettre d’information'],
        legalBases: ['CONSENT'],
        dataSubjectCategories: ['Abonnés'],
        personalDataCategories: ['Adresse e-mail'],
        recipients: ['crm', 'analytics'],
        datasets: ['abonnes'],
        dataSubjectCount: 2000,
        evaluationScoring: false,
        automatedDecisions: { exists: false },
        monitoring: { systematic: false },
        innovativeTechnology: false,
        preventsRightOrService: false,
      },
      {
        key: 'paie',
        name: 'Paie',
        department: 'direction',
        purposes: ['Gestion de la paie et du personnel'],
        legalBases: ['LEGAL_OBLIGATION'],
        dataSubjectCategories: ['Salariés'],
        personalDataCategories: ['Identité', 'Données bancaires', 'NIR'],
        recipients: ['support', 'it-us'],
        retention: '5 ans',
        securityMeasures: ['Habilitations'],
        datasets: ['bulletins'],
        evaluationScoring: false,
      },
      {
        key: 'videoprotection',
        name: 'Vidéoprotection des accès',
        department: 'direction',
        purposes: ['Sécurité des biens et des personnes'],
        legalBases: [],
        dataSubjectCategories: ['Visiteurs', 'Personnel'],
        personalDataCategories: ['Images'],
        retention: '30 jours',
        securityMeasures: ['Accès restreint aux enregistrements'],
        datasets: ['enregistrements'],
      },
      {
        key: 'annuaire',
        name: 'Annuaire des correspondants',
        department: 'direction',
        purposes: ['Annuaire des médecins correspondants'],
        legalBases: ['LEGITIMATE_INTERESTS'],
        dataSubjectCategories: ['Médecins libéraux'],
        personalDataCategories: ['Identité', 'Téléphone'],
        retention: 'Durée de la relation',
        securityMeasures: ['Contrôle d’accès'],
        recipients: [],
        transfers: [],
        datasets: ['annu'],
        dataSubjectCount: 300,
        evaluationScoring: false,
        automatedDecisions: { exists: false },
        monitoring: { systematic: false },
        innovativeTechnology: true,
        preventsRightOrService: false,
      },
      {
        key: 'hebergement',
        name: 'Hébergement pour l’hôpital voisin',
        department: 'direction',
        organisationRole: 'PROCESSOR',
        controller: { name: 'Hôpital voisin', contact: 'dpo@hopital.example' },
        purposes: ['Hébergement de dossiers pour le compte de l’hôpital'],
      },
    ],
    flows: [
      {
        key: 'export-labo',
        from: 'dossiers',
        to: 'resultats',
        fields: ['diagnostic'],
        frequency: 'DAILY',
        mechanism: 'API',
      },
    ],
  };
}
