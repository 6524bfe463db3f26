import type { SelectProps } from 'antd';
import { filterByLabel } from '../api/queries';
import { FormSelect } from './formControls';

/**
 * A Select over a list already at hand (projects, customers, people, courses …) that narrows its options to
 * those whose label contains what is typed, case-insensitively. It stands in a Form.Item as FormSelect does
 * (aria-required left off its outer element) and outside a form as a plain Select.
 */
export function SearchSelect<V = unknown>(props: SelectProps<V> & { 'aria-required'?: boolean | 'true' | 'false' }) {
  return <FormSelect<V> showSearch filterOption={filterByLabel} {...props} />;
}
