/*
 * The legal texts the DPIA screening applies, as dated data with their sources. Titles are the
 * texts' own (French for the CNIL, English for WP248) with a translation; see docs/compliance.md
 * for what was checked against which copy.
 */

export const WP248_CRITERIA = Object.freeze([
  'evaluation_scoring',
  'automated_decision_legal_effect',
  'systematic_monitoring',
  'sensitive_data',
  'large_scale',
  'matching_combining',
  'vulnerable_subjects',
  'innovative_technology',
  'prevents_right_or_service',
] as const);
export type CriterionId = (typeof WP248_CRITERIA)[number];

export const WP248_SOURCE = Object.freeze({
  title:
    'Article 29 Working Party, Guidelines on Data Protection Impact Assessment (DPIA) and determining whether processing is "likely to result in a high risk" for the purposes of Regulation 2016/679',
  reference: 'WP248 rev.01',
  adopted: '2017-04-04',
  revised: '2017-10-04',
  endorsed: 'EDPB Endorsement 1/2018, 25 May 2018',
  url: 'https://ec.europa.eu/newsroom/article29/items/611236',
});

export const CRITERION_TITLES: Readonly<Record<CriterionId, { fr: string; en: string }>> = {
  evaluation_scoring: {
    fr: 'Évaluation ou notation (y compris le profilage)',
    en: 'Evaluation or scoring (including profiling)',
  },
  automated_decision_legal_effect: {
    fr: 'Décision automatisée avec effet juridique ou effet similaire significatif',
    en: 'Automated decision-making with legal or similar significant effect',
  },
  systematic_monitoring: { fr: 'Surveillance systématique', en: 'Systematic monitoring' },
  sensitive_data: {
    fr: 'Données sensibles ou à caractère hautement personnel',
    en: 'Sensitive data or data of a highly personal nature',
  },
  large_scale: { fr: 'Traitement à grande échelle', en: 'Data processed on a large scale' },
  matching_combining: { fr: 'Croisement ou combinaison d’ensembles de données', en: 'Matching or combining datasets' },
  vulnerable_subjects: { fr: 'Personnes vulnérables', en: 'Data concerning vulnerable data subjects' },
  innovative_technology: {
    fr: 'Usage innovant ou application de nouvelles solutions technologiques ou organisationnelles',
    en: 'Innovative use or applying new technological or organisational solutions',
  },
  prevents_right_or_service: {
    fr: 'Traitement empêchant d’exercer un droit ou de bénéficier d’un service ou d’un contrat',
    en: 'Processing that prevents data subjects from exercising a right or using a service or a contract',
  },
};

export const CNIL_2018_327_SOURCE = Object.freeze({
  title:
    'Délibération n° 2018-327 du 11 octobre 2018 portant adoption de la liste des types d’opérations de traitement pour lesquelles une analyse d’impact relative à la protection des données est requise',
  date: '2018-10-11',
  published: 'JORF du 6 novembre 2018',
  url: 'https://www.legifrance.gouv.fr/',
  note: 'Type 11 reworded by délibération n° 2019-011 ("identifier une personne physique de manière unique").',
});

export const CNIL_2019_118_SOURCE = Object.freeze({
  title:
    'Délibération n° 2019-118 du 12 septembre 2019 portant adoption de la liste des types d’opérations de traitement pour lesquelles une analyse d’impact relative à la protection des données n’est pas requise',
  date: '2019-09-12',
  published: 'JORF du 22 octobre 2019',
  url: 'https://www.legifrance.gouv.fr/',
});

export interface ListEntry {
  id: string;
  fr: string;
  en: string;
  /** The WP248 criteria the CNIL itself names for the type (2018-327 only). */
  criteria?: readonly CriterionId[];
}

/** The fourteen types of délibération n° 2018-327, in the CNIL's order. */
export const CNIL_DPIA_REQUIRED_TYPES: readonly ListEntry[] = Object.freeze([
  {
    id: 'CNIL_2018_327_01',
    fr: 'Traitements de données de santé mis en œuvre par les établissements de santé ou les établissements médico-sociaux pour la prise en charge des personnes',
    en: 'Health data processed by healthcare or medico-social establishments for the care of individuals',
    criteria: ['sensitive_data', 'vulnerable_subjects'],
  },
  {
    id: 'CNIL_2018_327_02',
    fr: 'Traitements portant sur des données génétiques de personnes dites « vulnérables » (patients, employés, enfants, etc.)',
    en: 'Genetic data of vulnerable data subjects (patients, employees, children, etc.)',
    criteria: ['sensitive_data', 'vulnerable_subjects'],
  },
  {
    id: 'CNIL_2018_327_03',
    fr: 'Traitements établissant des profils de personnes physiques à des fins de gestion des ressources humaines',
    en: 'Profiling of individuals for human resources purposes',
    criteria: ['evaluation_scoring', 'vulnerable_subjects'],
  },
  {
    id: 'CNIL_2018_327_04',
    fr: 'Traitements ayant pour finalité de surveiller de manière constante l’activité des employés concernés',
    en: 'Constant monitoring of employees’ activity',
    criteria: ['systematic_monitoring', 'vulnerable_subjects'],
  },
  {
    id: 'CNIL_2018_327_05',
    fr: 'Traitements ayant pour finalité la gestion des alertes et des signalements en matière sociale et sanitaire',
    en: 'Management of alerts and reports (whistleblowing) in social and health matters',
    criteria: ['vulnerable_subjects', 'evaluation_scoring', 'sensitive_data'],
  },
  {
    id: 'CNIL_2018_327_06',
    fr: 'Traitements ayant pour finalité la gestion des alertes et des signalements en matière professionnelle',
    en: 'Management of alerts and reports (whistleblowing) in professional matters',
    criteria: ['vulnerable_subjects', 'evaluation_scoring', 'sensitive_data'],
  },
  {
    id: 'CNIL_2018_327_07',
    fr: 'Traitements des données de santé nécessaires à la constitution d’un entrepôt de données ou d’un registre',
    en: 'Health data needed to build a data warehouse or a register',
    criteria: ['sensitive_data', 'vulnerable_subjects'],
  },
  {
    id: 'CNIL_2018_327_08',
    fr: 'Traitements impliquant le profilage des personnes pouvant aboutir à leur exclusion du bénéfice d’un contrat ou à la suspension voire à la rupture de celui-ci',
    en: 'Profiling that may lead to exclusion from, suspension or termination of a contract',
    criteria: ['evaluation_scoring', 'matching_combining'],
  },
  {
    id: 'CNIL_2018_327_09',
    fr: 'Traitements mutualisés de manquements contractuels constatés, susceptibles d’aboutir à une décision d’exclusion ou de suspension du bénéfice d’un contrat',
    en: 'Pooled files of established contractual breaches that may lead to exclusion from or suspension of a contract',
    criteria: ['matching_combining', 'prevents_right_or_service'],
  },
  {
    id: 'CNIL_2018_327_10',
    fr: 'Traitements de profilage faisant appel à des données provenant de sources externes',
    en: 'Profiling using data from external sources',
    criteria: ['matching_combining', 'evaluation_scoring'],
  },
  {
    id: 'CNIL_2018_327_11',
    fr: 'Traitements de données biométriques aux fins d’identifier une personne physique de manière unique, parmi lesquelles figurent des personnes dites « vulnérables »',
    en: 'Biometric data to identify uniquely a natural person, including vulnerable persons',
    criteria: ['sensitive_data', 'vulnerable_subjects'],
  },
  {
    id: 'CNIL_2018_327_12',
    fr: 'Instruction des demandes et gestion des logements sociaux',
    en: 'Processing of applications for, and management of, social housing',
    criteria: ['sensitive_data', 'evaluation_scoring'],
  },
  {
    id: 'CNIL_2018_327_13',
    fr: 'Traitements ayant pour finalité l’accompagnement social ou médico-social des personnes',
    en: 'Social or medico-social support of individuals',
    criteria: ['sensitive_data', 'evaluation_scoring', 'vulnerable_subjects'],
  },
  {
    id: 'CNIL_2018_327_14',
    fr: 'Traitements de données de localisation à large échelle',
    en: 'Large-scale location data',
    criteria: ['sensitive_data', 'large_scale'],
  },
]);

/** The twelve types of délibération n° 2019-118, in the CNIL's order. */
export const CNIL_DPIA_EXEMPT_TYPES: readonly ListEntry[] = Object.freeze([
  {
    id: 'CNIL_2019_118_01',
    fr: 'Traitements mis en œuvre uniquement à des fins de ressources humaines, pour la seule gestion du personnel des organismes qui emploient moins de 250 personnes, à l’exception du recours au profilage',
    en: 'HR processing solely for staff management by employers of fewer than 250 people, except profiling',
  },
  {
    id: 'CNIL_2019_118_02',
    fr: 'Traitements de gestion de la relation fournisseurs',
    en: 'Management of supplier relationships',
  },
  {
    id: 'CNIL_2019_118_03',
    fr: 'Traitements mis en œuvre dans les conditions prévues par les textes relatifs à la gestion du fichier électoral des communes',
    en: 'Management of municipalities’ electoral register under the applicable texts',
  },
  {
    id: 'CNIL_2019_118_04',
    fr: 'Traitements destinés à la gestion des activités des comités d’entreprise et d’établissement',
    en: 'Management of works councils’ activities',
  },
  {
    id: 'CNIL_2019_118_05',
    fr: 'Traitements mis en œuvre par une association, une fondation ou toute autre institution sans but lucratif pour la gestion de ses membres et donateurs, dès lors que les données ne sont pas sensibles',
    en: 'Members and donors of a non-profit body, provided the data is not sensitive',
  },
  {
    id: 'CNIL_2019_118_06',
    fr: 'Traitements de données de santé nécessaires à la prise en charge d’un patient par un professionnel de santé exerçant à titre individuel (cabinet médical, officine, laboratoire de biologie médicale)',
    en: 'Health data needed for a patient’s care by an individual healthcare professional (practice, pharmacy, laboratory)',
  },
  {
    id: 'CNIL_2019_118_07',
    fr: 'Traitements mis en œuvre par les avocats dans le cadre de l’exercice de leur profession à titre individuel',
    en: 'Processing by lawyers practising individually',
  },
  {
    id: 'CNIL_2019_118_08',
    fr: 'Traitements mis en œuvre par les greffiers des tribunaux de commerce aux fins d’exercice de leur activité',
    en: 'Processing by clerks of commercial courts for their activity',
  },
  {
    id: 'CNIL_2019_118_09',
    fr: 'Traitements mis en œuvre par les notaires aux fins d’exercice de leur activité notariale et de rédaction des actes',
    en: 'Processing by notaries for their notarial activity and deeds',
  },
  {
    id: 'CNIL_2019_118_10',
    fr: 'Traitements mis en œuvre par les collectivités territoriales et les personnes morales de droit public et de droit privé pour la gestion des services scolaires, périscolaires et de la petite enfance',
    en: 'School, extracurricular and early-childhood services managed by local authorities and public or private legal persons',
  },
  {
    id: 'CNIL_2019_118_11',
    fr: 'Traitements mis en œuvre aux seules fins de gestion des contrôles d’accès physiques et des horaires pour le calcul du temps de travail, hors dispositif biométrique, ne révélant pas de données sensibles ou à caractère hautement personnel',
    en: 'Physical access control and working-time schedules only, without biometrics, revealing no sensitive or highly personal data',
  },
  {
    id: 'CNIL_2019_118_12',
    fr: 'Traitements relatifs aux éthylotests, mis en œuvre dans le cadre d’activités de transport, rendus obligatoires par la loi, aux seules fins d’empêcher la conduite sous l’emprise de l’alcool ou de stupéfiants',
    en: 'Breathalyser tests in transport activities, mandatory by law, solely to prevent driving under the influence',
  },
]);
