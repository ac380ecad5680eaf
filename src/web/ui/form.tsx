import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, type ChangeEvent, type InputHTMLAttributes, type ReactNode } from 'react';

/** The ids a field's input points to with aria-describedby: its description and its error, when present. */
function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

function FieldFrame({
  id,
  type,
  label,
  description,
  error,
  children,
}: {
  id: string;
  type: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <FormField type={type} invalid={!!error}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : null}
      {error ? (
        <FormFieldErrorMessage id={`${id}-error`} className="rt-field-error">
          {error}
        </FormFieldErrorMessage>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

export interface SelectFieldProps {
  label: string;
  description?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled?: boolean;
  /** A stable id, needed when an error summary links to the field. */
  id?: string;
  error?: string | null;
  required?: boolean;
}

/** A labelled native <select>: the most robust choice for keyboard and screen-reader users. */
export function SelectField({ label, description, value, options, onChange, disabled, id: givenId, error, required }: SelectFieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldFrame id={id} type="select" label={label} description={description} error={error}>
      <Select
        id={id}
        value={value}
        disabled={disabled}
        required={required}
        invalid={!!error}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FieldFrame>
  );
}

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children' | 'type'> {
  id: string;
  label: string;
  description?: string;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'search';
  /** Wide fields (a reason, an e-mail address) may take the full line. */
  wide?: boolean;
}

export function TextField({ id, label, description, error, value, onChange, type = 'text', wide, className, ...rest }: TextFieldProps) {
  return (
    <FieldFrame id={id} type="text" label={label} description={description} error={error}>
      <Textbox
        {...rest}
        id={id}
        type={type}
        value={value}
        invalid={!!error}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
        className={[wide ? 'rt-input--wide' : null, className].filter(Boolean).join(' ') || undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

export interface TextareaFieldProps {
  id: string;
  label: string;
  description?: string;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  maxLength?: number;
  rows?: number;
}

export function TextareaField({ id, label, description, error, value, onChange, required, maxLength, rows = 3 }: TextareaFieldProps) {
  return (
    <FieldFrame id={id} type="textarea" label={label} description={description} error={error}>
      <Textarea
        id={id}
        value={value}
        rows={rows}
        required={required}
        maxLength={maxLength}
        invalid={!!error}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

export interface CheckboxFieldProps {
  id: string;
  label: string;
  description?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

export function CheckboxField({ id, label, description, checked, onChange, disabled }: CheckboxFieldProps) {
  // Our own two-column layout: the Utrecht checkbox field grid expects the input inside the label.
  return (
    <div className="rt-checkbox-field">
      <div className="rt-checkbox">
        <Checkbox
          id={id}
          checked={checked}
          disabled={disabled}
          aria-describedby={description ? `${id}-description` : undefined}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
        />
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={`${id}-description`} className="rt-checkbox-description">
          {description}
        </FormFieldDescription>
      ) : null}
    </div>
  );
}

export interface FileFieldProps {
  id: string;
  label: string;
  description?: string;
  error?: string | null;
  accept?: string;
  onChange: (file: File | null) => void;
  required?: boolean;
}

/** A native file input: keyboard and screen readers know it, and it needs no script to open the file chooser. */
export function FileField({ id, label, description, error, accept, onChange, required }: FileFieldProps) {
  return (
    <FieldFrame id={id} type="file" label={label} description={description} error={error}>
      <input
        id={id}
        type="file"
        className="rt-file-input"
        accept={accept}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.files?.[0] ?? null)}
      />
    </FieldFrame>
  );
}

export interface FieldGroupProps {
  legend: string;
  description?: string;
  id?: string;
  error?: string | null;
  children: ReactNode;
}

/** A fieldset with a legend, for fields that belong together (the roles of a user). */
export function FieldGroup({ legend, description, id: givenId, error, children }: FieldGroupProps) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <Fieldset
      id={id}
      tabIndex={-1}
      invalid={!!error}
      aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : null}
      {error ? (
        <FormFieldErrorMessage id={`${id}-error`} className="rt-field-error">
          {error}
        </FormFieldErrorMessage>
      ) : null}
      {children}
    </Fieldset>
  );
}

export interface FormError {
  /** The id of the field the message is about; without it the message concerns the whole form. */
  fieldId?: string;
  message: string;
}

/**
 * The list of everything that must be fixed, at the top of the form. It takes focus when it appears (and again
 * when the errors change), so a screen reader reads it at once; each message links to its field.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: FormError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  // Every new list (every failed submit, even with the same messages) takes focus again.
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="rt-error-summary" tabIndex={-1} role="group" aria-labelledby={headingId}>
      <p className="rt-error-summary__title" id={headingId}>
        {title}
      </p>
      <ul className="rt-error-summary__list">
        {errors.map((error, index) => (
          <li key={`${error.fieldId ?? ''}-${index}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  const target = document.getElementById(error.fieldId ?? '');
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
