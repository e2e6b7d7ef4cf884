// Small pieces shared by the accounts pages: a labelled select, a notice, a password pair, a submit button.
import type { ComponentChildren } from 'preact';
import { PASSWORD_MIN_LENGTH } from '../../../platform/auth/passwords.js';
import { Field } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

export type Errors = Record<string, string[]> | undefined;

export function SelectField(props: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string; lang?: string }[];
  errors?: Errors;
}) {
  const err = props.errors?.[props.name];
  return (
    <div class={`field${err?.length ? ' has-error' : ''}`}>
      <label for={props.name}>{props.label}</label>
      {err?.length ? (
        <p class="error" id={`${props.name}-error`}>
          {err.join(' ')}
        </p>
      ) : null}
      <select
        id={props.name}
        name={props.name}
        aria-invalid={err?.length ? 'true' : undefined}
        aria-describedby={err?.length ? `${props.name}-error` : undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

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
