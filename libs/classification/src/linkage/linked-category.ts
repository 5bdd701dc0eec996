import { singular } from './subject-kinds.js';
import { LinkedCategory } from './linkage.types.js';

/**
 * Rules giving the category of a linked attribute from the words of its name (and, for a foreign key,
 * of the dataset it points to) and its type. Each rule says what a DPO reads in the evidence. They are
 * tried in order; the first that matches wins, and an attribute no rule recognises is behaviour (what
 * the person did) in a linked row, record metadata when it is a date or a flag of the person's own row.
 */
export interface LinkedCategoryRule {
  readonly id: string;
  readonly category: LinkedCategory;
  /** Canonical tokens, one of which must be present. */
  readonly tokens: ReadonlySet<string>;
  /** Restricts the rule to dates (`date`), to non-dates (`value`), or applies to any type. */
  readonly types: 'date' | 'value' | 'any';
  readonly explanation: string;
}

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter((w) => w !== ''));

const TIMESTAMP_WORDS = words(`
created creation create updated update updat modified modification modif deleted deletion inserted insert
timestamp ts maj saisie last version synced sync imported import loaded etl archived expire expiry expiration
registered registration inscription signup joined since login logged seen
`);

export const LINKED_CATEGORY_RULES: readonly LinkedCategoryRule[] = [
  {
    id: 'professional.employment-date',
    category: LinkedCategory.PROFESSIONAL,
    tokens: words(`hire hired embauche recrutement recruitment termination terminated resignation demission licenciement
      retirement retraite anciennete seniority contrat contract probation titularisation`),
    types: 'any',
    explanation: 'employment dates and contract terms: the work life of the person',
  },
  {
    id: 'metadata.record-date',
    category: LinkedCategory.METADATA,
    tokens: TIMESTAMP_WORDS,
    types: 'date',
    explanation: 'creation, update or account dates of the record',
  },
  {
    id: 'financial.amount',
    category: LinkedCategory.FINANCIAL,
    tokens: words(`amount montant price prix cost cout total subtotal fee fees frais payment paiement paid balance solde
      credit debit tarif discount remise tax taxe tva vat ht ttc currency devise revenue spend spent subvention amende
      fine refund remboursement salary salaire wage pay prime bonus earning income revenu loyer rent deposit caution
      commission charge charges unitprice money cash due owed freight postage`),
    types: 'value',
    explanation: 'amounts the person paid, owes, earns or is charged',
  },
  {
    id: 'professional.work',
    category: LinkedCategory.PROFESSIONAL,
    tokens: words(`company employer employeur societe entreprise organisation organization firm raison denomination
      enseigne job poste position fonction function grade rank echelon department service direction team equipe
      office manager supervisor superieur reports report affectation occupation profession metier qualification skill
      competence quotite shift worktime badge workplace`),
    types: 'any',
    explanation: 'employer, company, job, unit or manager of the person',
  },
  {
    id: 'location.place',
    category: LinkedCategory.LOCATION,
    tokens: words(`country region province city commune district departement county address street zip postal lat
      latitude lon lng longitude geo gps location localisation lieu place territory territories territoire zone
      quartier arrondissement canton timezone tz venue`),
    types: 'any',
    explanation: 'where the person lives, is billed or delivered, or was',
  },
  {
    id: 'metadata.record',
    category: LinkedCategory.METADATA,
    tokens: words(`status statut state active actif enabled disabled flag is has source origin locale lang language
      opt optin optout consent consentement verified preference preferences archived deleted version hash checksum
      uuid guid rowguid row`),
    types: 'any',
    explanation: 'status, flags and technical metadata of the record',
  },
];

/** Categories a table name can give its unqualified columns. */
const TABLE_CONTEXT_CATEGORIES: ReadonlySet<LinkedCategory> = new Set([
  LinkedCategory.FINANCIAL,
  LinkedCategory.PROFESSIONAL,
]);

/** Place words that make a bare "state" a location (billing_state, a state next to a city). */
const PLACE_CONTEXT = words('billing shipping delivery home address city zip postal country residence domicile');

export interface LinkedCategoryInput {
  /** Canonical tokens of the column name. */
  readonly tokens: readonly string[];
  /** Tokens of the dataset a foreign key points to, if the column is one. */
  readonly targetTokens?: readonly string[];
  readonly isDate: boolean;
  readonly isBoolean: boolean;
  /** The row is the person's own row (a person dataset), not a linked one. */
  readonly ownRow: boolean;
  /** Tokens of the table name, which qualify attributes no rule recognises (the method of a payment). */
  readonly tableTokens?: readonly string[];
  /** The dataset has other location columns (so a bare "state" is a place). */
  readonly placeContext: boolean;
}

export interface LinkedCategoryMatch {
  readonly category: LinkedCategory;
  readonly rule: string;
  readonly explanation: string;
}

function expand(tokens: readonly string[]): Set<string> {
  return new Set(tokens.flatMap(singular));
}

/** The category of a linked attribute and the rule that gave it. */
export function linkedCategoryOf(input: LinkedCategoryInput): LinkedCategoryMatch {
  const own = expand(input.tokens);
  const target = expand(input.targetTokens ?? []);
  const all = new Set([...own, ...target]);
  if ((own.has('state') || own.has('etat')) && (input.placeContext || [...own].some((t) => PLACE_CONTEXT.has(t)))) {
    return {
      category: LinkedCategory.LOCATION,
      rule: 'location.state',
      explanation: 'a state or province among location columns: where the person lives or is billed',
    };
  }
  for (const rule of LINKED_CATEGORY_RULES) {
    if (rule.types === 'date' && !input.isDate) continue;
    if (rule.types === 'value' && input.isDate) continue;
    const hit = [...all].find((t) => rule.tokens.has(t));
    if (hit !== undefined) return { category: rule.category, rule: rule.id, explanation: rule.explanation };
  }
  // The table name qualifies what its rows record: the method of a payment, the dates of a contract.
  const table = expand(input.tableTokens ?? []);
  for (const rule of LINKED_CATEGORY_RULES) {
    if (!TABLE_CONTEXT_CATEGORIES.has(rule.category) || (rule.types === 'value' && input.isDate)) continue;
    const hit = [...table].find((t) => rule.tokens.has(t));
    if (hit !== undefined) {
      return {
        category: rule.category,
        rule: `${rule.id}.table`,
        explanation: `${rule.explanation} (the table "${hit}" says what its rows record)`,
      };
    }
  }
  if (input.isBoolean) {
    return { category: LinkedCategory.METADATA, rule: 'metadata.flag', explanation: 'a yes/no flag on the record' };
  }
  if (input.isDate && input.ownRow) {
    return {
      category: LinkedCategory.METADATA,
      rule: 'metadata.account-date',
      explanation: "a date of the person's own record (account or file dates)",
    };
  }
  return {
    category: LinkedCategory.BEHAVIOUR,
    rule: input.isDate ? 'behaviour.event-date' : 'behaviour.attribute',
    explanation: input.isDate
      ? 'when the person did something (an order, a rental, a visit, a booking)'
      : 'what the person did, bought, booked or received',
  };
}
