// Small pieces the website pages share: a zoned instant, a form that posts to one of the case's actions, and
// the form problems shown again after a refused post.
import type { ComponentChildren } from 'preact';
import { formatInstant } from '../../../domain/time.js';
import { CsrfField, ErrorSummary, type Errors } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

/** A refused form: which one, its field errors (already worded) and what was typed. */
export type Problems = { form: string; errors: Record<string, string[]>; values: Record<string, string> };

export function When({ v, at }: { v: ViewContext; at: Date | null | undefined }) {
  if (!at) return <>—</>;
  return (
    <time dateTime={at.toISOString()}>{formatInstant(at, { locale: v.locale, timeZone: v.timeZone })}</time>
  );
}

export function ActionForm({
  v,
  action,
  form,
  problems,
  children,
  class: className,
  fieldIds,
}: {
  v: ViewContext;
  action: string;
  form: string;
  problems: Problems | undefined;
  children: ComponentChildren;
  class?: string;
  /** field name → the control's id, for forms that repeat on the page (their ids carry a suffix) */
  fieldIds?: Record<string, string>;
}) {
  const errors: Errors = problems?.form === form ? problems.errors : undefined;
  return (
    <form method="post" action={action} class={className ?? 'stacked'} id={`form-${form}`}>
      <CsrfField v={v} />
      <ErrorSummary v={v} errors={summaryErrors(errors, fieldIds)} />
      {children}
    </form>
  );
}

/** The summary links to `#<key>`: keyed by the controls' ids, so each link reaches its field. */
function summaryErrors(errors: Errors, fieldIds: Record<string, string> | undefined): Errors {
  if (!errors || !fieldIds) return errors;
  return Object.fromEntries(Object.entries(errors).map(([name, m]) => [fieldIds[name] ?? name, m]));
}

/** The errors and typed values of `form`, if it was the one refused. */
export function problemsOf(problems: Problems | undefined, form: string) {
  return problems?.form === form
    ? { errors: problems.errors, values: problems.values }
    : { errors: undefined, values: {} as Record<string, string> };
}

/** The errors of a form made of buttons only (no fields to attach them to), shown where the buttons are. */
export function FormProblems({
  v,
  problems,
  form,
}: {
  v: ViewContext;
  problems: Problems | undefined;
  form: string;
}) {
  return <ErrorSummary v={v} errors={problems?.form === form ? problems.errors : undefined} />;
}
