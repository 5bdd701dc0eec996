export * from './classification.errors.js';
export * from './taxonomy.js';
export * from './treatments.js';
export * from './detectors.js';
export { classifyField } from './classify/classify-field.js';
export type { ClassifyOptions, Evidence, FieldClassification, FieldInput } from './classify/classify-field.js';
export { maskExemplar } from './classify/masking.js';
export { scanText } from './text/scan-text.js';
export type { TextScanResult } from './text/scan-text.js';
export { tokenizeIdentifier } from './names/tokenize.js';
export { datasetContext } from './names/name-detector.js';
export type { DatasetContext, DatasetKind } from './names/name-detector.js';
export { NAME_RULES } from './names/name-rules.js';
export type { NameRule } from './names/name-rules.js';
export { luhnValid, luhnCheckDigit, mod97 } from './values/checksums.js';
export { isNir, nirKey, parseNirCompact } from './values/nir.validator.js';
export type { NirInfo } from './values/nir.validator.js';
export { isIban, isBic, ibanCheckDigits, IBAN_LENGTHS } from './values/iban.validator.js';
export { isSiren, isSiret, LA_POSTE_SIREN } from './values/siren.validator.js';
export { isPaymentCard, cardBrand } from './values/payment-card.validator.js';
export type { CardBrand } from './values/payment-card.validator.js';
export { isIpv4, isIpv6, isMacAddress } from './values/ip-address.validator.js';
export { isEmail, isRoleEmail } from './values/email.validator.js';
export { parsePhone, isPhone } from './values/phone.validator.js';
export type { PhoneKind, PhoneMatch } from './values/phone.validator.js';
export { isFrenchPostalCode, departmentOfPostalCode } from './values/postal-code.validator.js';
export { parseDate, isPlausibleBirthDate } from './values/date.validator.js';
export type { ParsedDate } from './values/date.validator.js';
export { isFrenchPassport } from './values/passport.validator.js';
export { parsePlate } from './values/licence-plate.validator.js';
export type { PlateKind } from './values/licence-plate.validator.js';
export { isFirstNameValue, isPersonNameValue, isSurnameValue } from './dictionaries/person-names.js';
export { firstNameCount } from './dictionaries/dictionaries.js';
export { assessReidentification } from './reidentification/reidentification.js';
export type {
  GeneralisationStep,
  ReidentificationInput,
  ReidentificationResult,
} from './reidentification/reidentification.js';
export { classifySchema } from './linkage/classify-schema.js';
export { registerInputsOf } from './linkage/register.js';
export { ClassificationTier, DatasetRole, LinkedCategory } from './linkage/linkage.types.js';
export type {
  DatasetLinkage,
  FieldLinkage,
  Hop,
  LinkageEvidence,
  LinkageOptions,
  LinkKind,
  LinkPath,
  RegisterInputs,
  SchemaClassification,
  SchemaDatasetInput,
  SchemaFieldInput,
  SchemaForeignKey,
  SchemaInput,
  SchemaLinkInput,
} from './linkage/linkage.types.js';
export { SUBJECT_KINDS, SubjectKind } from './linkage/subject-kinds.js';
export type { SubjectKindInfo } from './linkage/subject-kinds.js';
export { LINKED_CATEGORY_RULES } from './linkage/linked-category.js';
export type { LinkedCategoryRule } from './linkage/linked-category.js';
