import { specialKindOf } from '../taxonomy.js';
import type { PersonalDataCategory, SpecialCategoryKind } from '../taxonomy.js';
import { ClassificationTier } from './linkage.types.js';
import type { FieldLinkage, LinkedCategory, RegisterInputs } from './linkage.types.js';
import type { SubjectKind } from './subject-kinds.js';

const sorted = <T extends string>(values: Iterable<T>): T[] => [...new Set(values)].sort();

/**
 * What the record of processing needs from one dataset (GDPR Art. 30(1)(c)): the categories of data
 * subjects and of personal data it holds, linked attributes included. Pure; the compliance engine reads it.
 */
export function registerInputsOf(dataset: {
  readonly dataset: string;
  readonly subjectKinds: readonly SubjectKind[];
  readonly fields: readonly Pick<FieldLinkage, 'tier' | 'category' | 'linkedCategory'>[];
}): RegisterInputs {
  const personal: PersonalDataCategory[] = [];
  const linked: LinkedCategory[] = [];
  const special: SpecialCategoryKind[] = [];
  const fieldsByTier = { DIRECT_IDENTIFIER: 0, QUASI_IDENTIFIER: 0, LINKED_ATTRIBUTE: 0 };
  for (const f of dataset.fields) {
    if (f.tier === ClassificationTier.NONE) continue;
    fieldsByTier[f.tier]++;
    if (f.category !== null) {
      personal.push(f.category);
      const kind = specialKindOf(f.category);
      if (kind !== null) special.push(kind);
    }
    if (f.linkedCategory !== null) linked.push(f.linkedCategory);
  }
  return {
    dataset: dataset.dataset,
    subjectKinds: [...dataset.subjectKinds],
    personalDataCategories: sorted(personal),
    linkedCategories: sorted(linked),
    specialCategories: sorted(special),
    fieldsByTier,
  };
}
