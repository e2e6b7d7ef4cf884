// Small pieces the coordination pages share: a post form with its CSRF field, a datetime-local input, a moment
// shown in JST and in the viewer's zone, and the problems of the one form that failed.
import type { ComponentChildren } from 'preact';
import { formatInstant } from '../../../domain/time.js';
import { CsrfField } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

/** The form that failed, its errors (worded) and what was typed, to show it again. */
export type Problems = { form: string; errors: Record<string, string[]>; values: Record<string, string> };

export function errorsFor(problems: Problems | undefined, form: string) {
  return problems?.form === form ? problems.errors : undefined;
}
export function valuesFor(problems: Problems | undefined, form: string): Record<string, string> {
  return problems?.form === form ? problems.values : {};
}

export function PostForm(props: {
  v: ViewContext;
  action: string;
  children: ComponentChildren;
  class?: string;
  id?: string;
}) {
  return (
    <form method="post" action={props.action} class={props.class} id={props.id}>
      <CsrfField v={props.v} />
      {props.children}
    </form>
  );
}

/** A moment in JST, and again in the viewer's zone when that is another one. */
export function Moment({ v, at }: { v: ViewContext; at: Date }) {
  const jst = formatInstant(at, { locale: v.locale, timeZone: 'Asia/Tokyo' });
  const own =
    v.timeZone === 'Asia/Tokyo' ? null : formatInstant(at, { locale: v.locale, timeZone: v.timeZone });
  return (
    <span class="moment">
      <time dateTime={at.toISOString()}>{jst}</time>
      {own && (
        <>
          {' / '}
          <span class="own-zone">
            {v.t('coordination.workspace.inYourZone')}: {own}
          </span>
        </>
      )}
    </span>
  );
}

export function At({ v, at }: { v: ViewContext; at: Date | null }) {
  if (!at) return <>{v.t('coordination.workspace.none')}</>;
  return (
    <time dateTime={at.toISOString()}>{formatInstant(at, { locale: v.locale, timeZone: v.timeZone })}</time>
  );
}

export function DateTimeLocal(props: {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  errors?: Record<string, string[]> | undefined;
  required?: boolean;
}) {
  const id = props.id ?? props.name;
  const err = props.errors?.[props.name];
  const described = [props.hint ? `${id}-hint` : '', err?.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${err?.length ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {err?.length ? (
        <p class="error" id={`${id}-error`}>
          {err.join(' ')}
        </p>
      ) : null}
      <input
        type="datetime-local"
        id={id}
        name={props.name}
        value={props.value ?? ''}
        required={props.required}
        aria-invalid={err?.length ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

export const eventLabel = (v: ViewContext, type: string) => {
  const key = `coordination.events.${type.replace(/[.-]/g, '_')}`;
  const label = v.t(key);
  return label === key ? type : label;
};
