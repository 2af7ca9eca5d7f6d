import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { addMessages, t } from '../i18n';
import type { FieldErrors } from '../lib/fieldErrors';
import formTexts from 'virtual:messages/form';

addMessages(formTexts);

/** The ids a control is described by: its hint and its errors, when there are any. */
export function describedBy(id: string, hint?: string, errors?: readonly string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors && errors.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldNotes({ id, hint, errors }: { id: string; hint?: string; errors?: readonly string[] }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p id={`${id}-error`} class="field-error">
          {errors.join(' ')}
        </p>
      )}
    </>
  );
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label for={id}>
      {label}
      {required && (
        <span class="required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </label>
  );
}

/** The input attributes the forms use. */
interface InputProps {
  class?: string;
  type?: 'text' | 'search' | 'date' | 'number';
  autocomplete?: string;
  autocapitalize?: 'none' | 'off';
  spellcheck?: boolean;
  inputMode?: 'text' | 'numeric' | 'decimal';
  min?: number;
  max?: number;
  step?: number;
  list?: string;
  maxLength?: number;
}

/** A labelled text-like input with its hint and the errors the server or the form found. */
export function TextField({
  id,
  label,
  value,
  onValue,
  errors,
  hint,
  required,
  class: className,
  type = 'text',
  autocomplete,
  autocapitalize,
  spellcheck,
  inputMode,
  min,
  max,
  step,
  list,
  maxLength,
}: InputProps & {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
}) {
  return (
    <div class={`field${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        type={type}
        autocomplete={autocomplete}
        autocapitalize={autocapitalize}
        spellcheck={spellcheck}
        inputMode={inputMode}
        min={min}
        max={max}
        step={step}
        list={list}
        maxLength={maxLength}
        value={value}
        required={required}
        aria-invalid={errors && errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  label,
  value,
  onValue,
  options,
  errors,
  hint,
  required,
  class: className,
}: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly Option[];
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
  class?: string;
}) {
  return (
    <div class={`field${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        value={value}
        required={required}
        aria-invalid={errors && errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => onValue(e.currentTarget.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChecked,
  errors,
  hint,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  errors?: readonly string[];
  hint?: string;
}) {
  return (
    <div class="field checkbox-field">
      <div class="checkbox-line">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={errors && errors.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
          onChange={(e) => onChecked(e.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
      </div>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A group of radio buttons in a fieldset whose legend names it. */
export function RadioGroup({
  name,
  legend,
  value,
  onValue,
  options,
  errors,
  required,
}: {
  name: string;
  legend: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly Option[];
  errors?: readonly string[];
  required?: boolean;
}) {
  const id = `${name}-group`;
  return (
    <fieldset
      id={id}
      class="field radio-group"
      tabIndex={-1}
      aria-invalid={errors && errors.length ? true : undefined}
      aria-describedby={describedBy(id, undefined, errors)}
    >
      <legend>
        {legend}
        {required && (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      <div class="radio-options">
        {options.map((o) => (
          <label key={o.value} class="radio-line">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldNotes id={id} errors={errors} />
    </fieldset>
  );
}

/**
 * The list of what is wrong with a form, above it; takes focus when it appears (after a
 * submit) so a screen reader reads it; each field error links to its field.
 */
export function ErrorSummary({
  errors,
  labels,
  fieldId,
}: {
  errors: FieldErrors;
  labels: Record<string, string>;
  fieldId: (field: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.other.length + Object.keys(errors.fields).length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [errors]);
  return (
    <div ref={ref} class="error error-summary" role="alert" tabIndex={-1}>
      {count > 0 && (
        <>
          <p class="error-summary-title">{t('form.fixErrors')}</p>
          <ul>
            {errors.other.map((m) => (
              <li key={`other:${m}`}>{m}</li>
            ))}
            {Object.entries(errors.fields).map(([field, messages]) => (
              <li key={field}>
                <a
                  href={`#${fieldId(field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(fieldId(field))?.focus();
                  }}
                >
                  {labels[field] ?? field}
                </a>
                : {messages.join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** "Поля, отмеченные *, обязательны." */
export function RequiredNote() {
  return <p class="hint">{t('form.requiredNote')}</p>;
}

export function FormActions({ children }: { children: ComponentChildren }) {
  return <div class="form-actions">{children}</div>;
}
