/** Kinds of data subjects (GDPR Art. 30(1)(c) "categories of data subjects"), recognised in French and English. */
export enum SubjectKind {
  CUSTOMER = 'CUSTOMER',
  PATIENT = 'PATIENT',
  EMPLOYEE = 'EMPLOYEE',
  STUDENT = 'STUDENT',
  CITIZEN = 'CITIZEN',
  USER = 'USER',
  MEMBER = 'MEMBER',
  CONTACT = 'CONTACT',
  CHILD = 'CHILD',
  HEALTH_PROFESSIONAL = 'HEALTH_PROFESSIONAL',
  BENEFICIARY = 'BENEFICIARY',
  APPLICANT = 'APPLICANT',
  ATTENDEE = 'ATTENDEE',
  /** A person whose role the names do not tell. */
  PERSON = 'PERSON',
}

export interface SubjectKindInfo {
  readonly kind: SubjectKind;
  readonly label: { readonly fr: string; readonly en: string };
  /** Canonical tokens (see tokenize.ts) of table, column or comment words naming this kind of person. */
  readonly tokens: readonly string[];
}

const info = (kind: SubjectKind, fr: string, en: string, tokens: string): SubjectKindInfo => ({
  kind,
  label: { fr, en },
  tokens: tokens.split(/\s+/).filter((t) => t !== ''),
});

/** Labels and vocabulary of each kind. The order matters: the first kind whose token appears wins. */
export const SUBJECT_KINDS: Readonly<Record<SubjectKind, SubjectKindInfo>> = {
  PATIENT: info(SubjectKind.PATIENT, 'Patients', 'Patients', 'patient assure insured'),
  STUDENT: info(SubjectKind.STUDENT, 'Élèves et étudiants', 'Pupils and students', 'student scolaire scolarite'),
  CHILD: info(SubjectKind.CHILD, 'Enfants', 'Children', 'child mineur minor'),
  HEALTH_PROFESSIONAL: info(
    SubjectKind.HEALTH_PROFESSIONAL,
    'Professionnels de santé',
    'Health professionals',
    'doctor nurse infirmier infirmiere soignant prescripteur prescriber',
  ),
  EMPLOYEE: info(
    SubjectKind.EMPLOYEE,
    'Salariés et agents',
    'Employees and staff',
    `employee agent staff personnel rh hr paie payroll payslip carriere career effectif worker intern stagiaire
     apprenti apprentice officer officier manager gerant`,
  ),
  CUSTOMER: info(
    SubjectKind.CUSTOMER,
    'Clients et prospects',
    'Customers and prospects',
    `customer acheteur buyer shopper abonne subscriber prospect locataire tenant renter emprunteur borrower
     souscripteur debiteur debtor`,
  ),
  CITIZEN: info(
    SubjectKind.CITIZEN,
    'Administrés et citoyens',
    'Citizens and residents',
    'citoyen citizen electeur voter electorale electoral habitant resident residant usager administre naissance deces mariage civil',
  ),
  MEMBER: info(
    SubjectKind.MEMBER,
    'Adhérents et membres',
    'Members',
    'member licencie athlete joueur player benevole volunteer supporter',
  ),
  ATTENDEE: info(
    SubjectKind.ATTENDEE,
    'Participants et visiteurs',
    'Attendees and visitors',
    'attendee participant guest visitor visiteur spectator spectateur passenger passager voyageur traveler traveller',
  ),
  BENEFICIARY: info(
    SubjectKind.BENEFICIARY,
    'Bénéficiaires',
    'Beneficiaries',
    'beneficiary allocataire famille foyer household menage',
  ),
  APPLICANT: info(SubjectKind.APPLICANT, 'Candidats', 'Applicants', 'candidat candidate applicant'),
  USER: info(SubjectKind.USER, 'Utilisateurs', 'Users', 'user profile profil'),
  CONTACT: info(SubjectKind.CONTACT, 'Contacts', 'Contacts', 'contact interlocuteur correspondant referent'),
  PERSON: info(SubjectKind.PERSON, 'Personnes', 'Persons', 'person'),
};

const BY_TOKEN: ReadonlyMap<string, SubjectKind> = new Map(
  Object.values(SUBJECT_KINDS).flatMap((i) => i.tokens.map((t) => [t, i.kind] as const)),
);

/** The token as written, then without a plural "s" (the tokenizer does not know every plural). */
export function singular(token: string): string[] {
  return token.length > 3 && token.endsWith('s') ? [token, token.slice(0, -1)] : [token];
}

/** The kind of person named by some tokens, with the token that says so; null when none does. */
export function subjectKindOfTokens(tokens: readonly string[]): { kind: SubjectKind; token: string } | null {
  for (const token of tokens) {
    for (const form of singular(token)) {
      const kind = BY_TOKEN.get(form);
      if (kind !== undefined) return { kind, token };
    }
  }
  return null;
}
