import { Radio } from 'antd';
import { FormRadioGroup } from './formControls';
import { FAULT_LEVEL_TEXT } from '@weibao/schema/levels';
import { currentLang } from '../i18n';
import { useTranslation } from 'react-i18next';
import type { FaultLevel } from '../api/types';
import { FAULT_LEVELS } from '@weibao/schema/enum-values';

interface Props {
  value?: FaultLevel;
  onChange?: (v: FaultLevel) => void;
  id?: string;
  /** data-testid prefix: options get `${testPrefix}-level-${n}`. */
  testPrefix: string;
  'aria-required'?: boolean | 'true' | 'false';
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

/** Fault level chooser that always shows the R10 definition next to each level. */
export function LevelRadioGroup({ value, onChange, id, testPrefix, ...aria }: Props) {
  useTranslation(); // re-render when the language changes
  const texts = FAULT_LEVEL_TEXT[currentLang()];
  return (
    <FormRadioGroup
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value as FaultLevel)}
      className="level-radio"
      {...aria}
    >
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        {FAULT_LEVELS.map((n) => (
          <Radio key={n} value={n}>
            <span data-testid={`${testPrefix}-level-${n}`}>{texts[n]}</span>
          </Radio>
        ))}
      </div>
    </FormRadioGroup>
  );
}
