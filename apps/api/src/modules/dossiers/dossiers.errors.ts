import type { FieldProblem } from '../../http/errors';
import { AppError } from '../../http/errors';

export class FormInvalidError extends AppError {
  constructor(fields: FieldProblem[]) {
    super('FORM_INVALID', { fields });
  }
}

export class DocumentsMissingError extends AppError {
  constructor(fields: FieldProblem[]) {
    super('DOCUMENTS_MISSING', { fields });
  }
}
