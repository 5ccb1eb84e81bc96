import type { Condition, FormField, FormSchema } from './types';

/**
 * Structural problems a schema must not have (an empty list means well-formed): duplicate names,
 * conditions on unknown or later fields, empty or dangling steps, unnamed documents.
 */
export function checkFormSchema(schema: FormSchema): string[] {
  const problems: string[] = [];
  checkFields(schema.fields, 'fields', problems);
  const names = new Set(schema.fields.map((f) => f.name));
  const placed = new Map<string, string>();
  const stepIds = new Set<string>();
  for (const step of schema.steps) {
    if (stepIds.has(step.id)) problems.push(`step ${step.id}: duplicate id`);
    stepIds.add(step.id);
    if (step.fields.length === 0) problems.push(`step ${step.id}: no fields`);
    for (const name of step.fields) {
      if (!names.has(name)) problems.push(`step ${step.id}: unknown field ${name}`);
      const other = placed.get(name);
      if (other) problems.push(`field ${name}: on steps ${other} and ${step.id}`);
      placed.set(name, step.id);
    }
  }
  for (const name of names) {
    if (!placed.has(name)) problems.push(`field ${name}: on no step`);
  }
  const docIds = new Set<string>();
  for (const doc of schema.documents) {
    if (docIds.has(doc.id)) problems.push(`document ${doc.id}: duplicate id`);
    docIds.add(doc.id);
    if (!doc.name.vi.trim() || !doc.name.en.trim()) problems.push(`document ${doc.id}: no name`);
    checkConditions(doc.showIf, names, `document ${doc.id}`, problems);
  }
  for (const name of schema.review) {
    if (!names.has(name)) problems.push(`review: unknown field ${name}`);
  }
  return problems;
}

function checkFields(fields: readonly FormField[], where: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.name)) problems.push(`${where}: duplicate field ${field.name}`);
    // Conditions may only look back, so one pass in declaration order decides visibility.
    checkConditions(field.showIf, seen, `${where}.${field.name}`, problems);
    seen.add(field.name);
    const choice = field.type === 'select' || field.type === 'radio';
    if (choice && !field.options?.length) problems.push(`${where}.${field.name}: no options`);
    if (field.options) {
      const values = field.options.map((o) => o.value);
      if (new Set(values).size !== values.length) {
        problems.push(`${where}.${field.name}: duplicate option values`);
      }
    }
    if (field.pattern) {
      try {
        new RegExp(field.pattern.regex, 'u');
      } catch {
        problems.push(`${where}.${field.name}: invalid pattern`);
      }
    }
    if (field.type === 'group') checkFields(field.itemFields, `${where}.${field.name}`, problems);
  }
}

function checkConditions(
  conditions: Condition[] | undefined,
  earlier: ReadonlySet<string>,
  where: string,
  problems: string[],
): void {
  for (const c of conditions ?? []) {
    if (!earlier.has(c.field))
      problems.push(`${where}: showIf on unknown or later field ${c.field}`);
  }
}
