// Explicit, Form-prefixed exports: generic names (Condition, Answers …) would clash in the barrel.
export { checkFormSchema } from './check';
export { genericFormFromProcedure, type ProcedureRecordLike } from './generic';
export { prefillAnswers } from './prefill';
export { findHandwrittenForm, formForProcedure, listHandwrittenForms } from './registry';
export {
  type Answers as FormAnswers,
  Condition as FormCondition,
  FieldOption as FormFieldOption,
  type FieldProblem as FormFieldProblem,
  FieldType as FormFieldType,
  FormDocument,
  FormField,
  FormSchema,
  FormStep,
  fieldTypes as formFieldTypes,
  GroupField as FormGroupField,
  LeafField as FormLeafField,
  Localized as FormText,
  PrefillSource as FormPrefillSource,
  prefillSources as formPrefillSources,
  type ResidentIdentity as FormResidentIdentity,
  type ValidationResult as FormValidationResult,
} from './types';
export {
  buildValidator,
  isVisible as isFormFieldVisible,
  todayInVietnam,
  type ValidatorOptions as FormValidatorOptions,
  validateAnswers,
} from './validator';
