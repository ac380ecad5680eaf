import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useId, type ChangeEvent } from 'react';

export interface SelectFieldProps {
  label: string;
  description?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled?: boolean;
}

/** A labelled native <select>: the most robust choice for keyboard and screen-reader users. */
export function SelectField({ label, description, value, options, onChange, disabled }: SelectFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  return (
    <FormField type="select">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          value={value}
          disabled={disabled}
          aria-describedby={description ? descriptionId : undefined}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}
