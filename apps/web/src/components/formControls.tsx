import { Radio, Select } from 'antd';
import type { RadioGroupProps, SelectProps } from 'antd';

type AriaBool = boolean | 'true' | 'false';
type AriaRequired = { 'aria-required'?: AriaBool };
type FieldAria = AriaRequired & { 'aria-invalid'?: AriaBool; 'aria-describedby'?: string };

/**
 * antd Form.Item adds aria-required to its control. rc-select copies it onto its outer <div>,
 * where ARIA forbids it (axe "aria-allowed-attr", critical). This Select drops it; the label's
 * required mark and the validation message still say the field is required.
 */
export function FormSelect<V = unknown>({ 'aria-required': _ignored, ...rest }: SelectProps<V> & AriaRequired) {
  return <Select<V> {...rest} />;
}

/** Radio.Group renders a plain <div>: give it role="radiogroup" so aria-required is valid there. */
export function FormRadioGroup({
  'aria-required': required,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
  id,
  ...rest
}: RadioGroupProps & FieldAria) {
  return (
    <div role="radiogroup" id={id} aria-required={required} aria-invalid={invalid} aria-describedby={describedBy}>
      <Radio.Group {...rest} />
    </div>
  );
}
