// Small pieces shared by the accounts pages: a notice, a password pair, a submit button.
import type { ComponentChildren } from 'preact';
import { PASSWORD_MIN_LENGTH } from '../../../platform/auth/passwords.js';
import { type Errors, Field } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

export function Notice({ children, id }: { children: ComponentChildren; id?: string }) {
  return (
    <div class="notice" role="status" id={id}>
      {children}
    </div>
  );
}

/** A new password typed twice; never pre-filled. */
export function NewPasswordFields({
  v,
  names,
  labels,
  errors,
}: {
  v: ViewContext;
  names: [string, string];
  labels: [string, string];
  errors: Errors;
}) {
  return (
    <>
      <Field
        name={names[0]}
        label={labels[0]}
        type="password"
        autocomplete="new-password"
        required
        hint={v.t('accounts.password.hint', { min: PASSWORD_MIN_LENGTH })}
        errors={errors}
      />
      <Field
        name={names[1]}
        label={labels[1]}
        type="password"
        autocomplete="new-password"
        required
        errors={errors}
      />
    </>
  );
}

export function Submit({
  children,
  variant,
}: {
  children: ComponentChildren;
  variant?: 'secondary' | 'danger';
}) {
  return (
    <button type="submit" class={variant}>
      {children}
    </button>
  );
}
