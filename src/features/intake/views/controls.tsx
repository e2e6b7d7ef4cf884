// Form controls of the intake pages, each labelled, with its hint and error tied to it by aria-describedby
// (the text inputs come from the layout's `Field`).
import type { ComponentChildren } from 'preact';

export type Errors = Record<string, string[]> | undefined;

function describedBy(name: string, hint: unknown, err: string[] | undefined): string | undefined {
  return (
    [hint ? `${name}-hint` : '', err?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined
  );
}

function HintAndError({ name, hint, err }: { name: string; hint?: string | undefined; err?: string[] }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {err?.length ? (
        <p class="error" id={`${name}-error`}>
          {err.join(' ')}
        </p>
      ) : null}
    </>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  value?: string | undefined;
  errors?: Errors;
  required?: boolean;
  hint?: string | undefined;
  rows?: number;
}) {
  const err = props.errors?.[props.name];
  return (
    <div class={`field${err?.length ? ' has-error' : ''}`}>
      <label for={props.name}>{props.label}</label>
      <HintAndError name={props.name} hint={props.hint} err={err} />
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 6}
        required={props.required}
        aria-invalid={err?.length ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, err)}
        value={props.value ?? ''}
      />
    </div>
  );
}

export function Select(props: {
  name: string;
  label: string;
  value?: string | undefined;
  options: { value: string; label: string }[];
  placeholder: string;
  errors?: Errors;
  required?: boolean;
}) {
  const err = props.errors?.[props.name];
  return (
    <div class={`field${err?.length ? ' has-error' : ''}`}>
      <label for={props.name}>{props.label}</label>
      <HintAndError name={props.name} err={err} />
      <select
        id={props.name}
        name={props.name}
        required={props.required}
        aria-invalid={err?.length ? 'true' : undefined}
        aria-describedby={describedBy(props.name, undefined, err)}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A checkbox followed by its label; the error (if any) sits above it and is announced with it. */
export function Checkbox(props: {
  name: string;
  label: ComponentChildren;
  checked?: boolean | undefined;
  errors?: Errors;
  required?: boolean;
}) {
  const err = props.errors?.[props.name];
  return (
    <div class={`checkbox${err?.length ? ' has-error' : ''}`}>
      <HintAndError name={props.name} err={err} />
      <input
        type="checkbox"
        id={props.name}
        name={props.name}
        value="on"
        checked={props.checked === true}
        required={props.required}
        aria-invalid={err?.length ? 'true' : undefined}
        aria-describedby={describedBy(props.name, undefined, err)}
      />{' '}
      <label for={props.name}>{props.label}</label>
    </div>
  );
}

export function FileInput(props: {
  name: string;
  label: string;
  hint: string;
  errors?: Errors;
  notice?: string | undefined;
}) {
  const err = props.errors?.[props.name];
  const ids = [
    `${props.name}-hint`,
    props.notice ? `${props.name}-again` : '',
    err?.length ? `${props.name}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${err?.length ? ' has-error' : ''}`}>
      <label for={props.name}>{props.label}</label>
      <HintAndError name={props.name} hint={props.hint} err={err} />
      {props.notice && (
        <p class="hint" id={`${props.name}-again`}>
          <strong>{props.notice}</strong>
        </p>
      )}
      <input
        type="file"
        id={props.name}
        name={props.name}
        multiple
        aria-invalid={err?.length ? 'true' : undefined}
        aria-describedby={ids}
      />
    </div>
  );
}

/**
 * The trap for form-filling robots: off-screen and hidden from assistive technology, out of the tab order and
 * never autofilled, so a person leaves it empty. Its label says so, should the stylesheet not load.
 */
export function Honeypot({ name, label }: { name: string; label: string }) {
  return (
    <div class="visually-hidden" aria-hidden="true">
      <label for={name}>{label}</label>
      <input type="text" id={name} name={name} value="" tabIndex={-1} autocomplete="off" />
    </div>
  );
}
