import { type FormEvent, useId, useState } from 'react';
import { ApiClientError } from '../../lib/api';
import { type FeedbackCategory, useAddSubCategory } from './feedback-officer-api';
import { FormField } from './form-field';
import { useF } from './i18n';

type Field = 'parentCode' | 'code' | 'nameVi' | 'nameEn' | 'answerDays';

/** Categories with their sub-categories, and the form that adds a sub-category. */
export function CategoriesPanel({ categories }: { categories: FeedbackCategory[] }) {
  const { t } = useF();
  const id = useId();
  const add = useAddSubCategory();
  const parents = categories.filter((c) => !c.parentCode);
  const [values, setValues] = useState<Record<Field, string>>({
    parentCode: '',
    code: '',
    nameVi: '',
    nameEn: '',
    answerDays: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const set = (field: Field, value: string) => {
    setValues((v) => {
      // Choosing the main category starts the code with its prefix.
      if (field === 'parentCode' && (!v.code || v.code === `${v.parentCode}.`))
        return { ...v, parentCode: value, code: value ? `${value}.` : '' };
      return { ...v, [field]: value };
    });
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    setDone(null);
    const found: Partial<Record<Field, string>> = {};
    const labels: Record<Field, string> = {
      parentCode: t('admin.categories.parent'),
      code: t('admin.categories.newCode'),
      nameVi: t('admin.categories.nameVi'),
      nameEn: t('admin.categories.nameEn'),
      answerDays: t('admin.categories.answerDays'),
    };
    for (const f of ['parentCode', 'code', 'nameVi', 'nameEn'] as const) {
      if (!values[f].trim() || (f === 'code' && values.code === `${values.parentCode}.`))
        found[f] = t('admin.categories.required', { field: labels[f].toLowerCase() });
    }
    const days = Number(values.answerDays);
    if (values.answerDays && (!Number.isInteger(days) || days < 1 || days > 60))
      found.answerDays = t('admin.categories.daysInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(
      {
        parentCode: values.parentCode,
        code: values.code.trim(),
        nameVi: values.nameVi.trim(),
        nameEn: values.nameEn.trim(),
        ...(values.answerDays ? { answerDays: days } : {}),
      },
      {
        onSuccess: (created) => {
          setDone(t('admin.categories.added', { name: created.nameVi }));
          setValues({ parentCode: '', code: '', nameVi: '', nameEn: '', answerDays: '' });
        },
        onError: (e) => {
          if (!(e instanceof ApiClientError)) return setGeneral(t('common.unexpected'));
          const fromApi: Partial<Record<Field, string>> = {};
          for (const f of e.fields) {
            if (f.path in labels) fromApi[f.path as Field] = f.message;
          }
          if (e.code === 'FEEDBACK_CATEGORY_EXISTS') fromApi.code = e.message;
          setErrors(fromApi);
          if (Object.keys(fromApi).length === 0) setGeneral(e.message);
        },
      },
    );
  };

  const input = (field: Field, props: Record<string, unknown> = {}) => (
    <input
      className="input"
      value={values[field]}
      onChange={(e) => set(field, e.target.value)}
      data-testid={`category-${field}`}
      {...props}
    />
  );

  return (
    <section className="ws-section" aria-labelledby={`${id}-h`} data-testid="categories">
      <h2 id={`${id}-h`}>{t('admin.categories.heading')}</h2>
      <p className="hint">{t('admin.categories.lead')}</p>
      <table className="proc-table fbo-table">
        <caption className="visually-hidden">{t('admin.categories.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.categories.name')}</th>
            <th scope="col">{t('admin.categories.code')}</th>
            <th scope="col">{t('admin.categories.days')}</th>
          </tr>
        </thead>
        <tbody>
          {parents
            .flatMap((p) => [p, ...categories.filter((c) => c.parentCode === p.code)])
            .map((c) => (
              <tr key={c.code} className={c.parentCode ? 'fbo-subcat' : undefined}>
                <td data-label={t('admin.categories.name')}>
                  {c.parentCode ? '— ' : null}
                  {c.parentCode ? c.nameVi : <strong>{c.nameVi}</strong>}
                </td>
                <td data-label={t('admin.categories.code')}>
                  <code>{c.code}</code>
                </td>
                <td data-label={t('admin.categories.days')}>
                  {t('admin.categories.daysValue', { count: c.answerDays })}
                </td>
              </tr>
            ))}
        </tbody>
      </table>

      <form noValidate onSubmit={submit} className="fbo-subform" aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>{t('admin.categories.addHeading')}</h3>
        <div role="status" aria-live="polite">
          {done ? <p className="notice notice--ok">{done}</p> : null}
        </div>
        {general ? (
          <p className="notice notice--error" role="alert">
            {general}
          </p>
        ) : null}
        <FormField
          id={`${id}-parent`}
          label={t('admin.categories.parent')}
          error={errors.parentCode}
          required
        >
          <select
            className="select"
            value={values.parentCode}
            onChange={(e) => set('parentCode', e.target.value)}
            data-testid="category-parentCode"
          >
            <option value="">{t('admin.categories.chooseParent')}</option>
            {parents.map((p) => (
              <option key={p.code} value={p.code}>
                {p.nameVi}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={`${id}-code`}
          label={t('admin.categories.newCode')}
          hint={t('admin.categories.codeHint')}
          error={errors.code}
          required
        >
          {input('code', { spellCheck: false, autoCapitalize: 'none' })}
        </FormField>
        <FormField
          id={`${id}-vi`}
          label={t('admin.categories.nameVi')}
          error={errors.nameVi}
          required
        >
          {input('nameVi')}
        </FormField>
        <FormField
          id={`${id}-en`}
          label={t('admin.categories.nameEn')}
          error={errors.nameEn}
          required
        >
          {input('nameEn')}
        </FormField>
        <FormField
          id={`${id}-days`}
          label={t('admin.categories.answerDays')}
          hint={t('admin.categories.answerDaysHint')}
          error={errors.answerDays}
          required={false}
        >
          {input('answerDays', { inputMode: 'numeric', className: 'input input--short' })}
        </FormField>
        <button
          type="submit"
          className="btn btn--secondary"
          disabled={add.isPending}
          data-testid="category-add"
        >
          {add.isPending ? t('common.saving') : t('admin.categories.add')}
        </button>
      </form>
    </section>
  );
}
