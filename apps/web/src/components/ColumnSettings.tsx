import { Button, Checkbox, Divider, Popover, Select, Space } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { type ColumnChoice, PAGE_SIZE_OPTIONS, type PageSize } from './useColumnSettings';

interface Props {
  choices: ColumnChoice[];
  visible: string[];
  onToggle: (key: string, shown: boolean) => void;
  onReset: () => void;
  pageSize?: PageSize;
  onPageSize?: (n: PageSize) => void;
  testId?: string;
}

/** The admin table's settings button: columns to show (kept per table) and rows per page. */
export function ColumnSettings({
  choices,
  visible,
  onToggle,
  onReset,
  pageSize,
  onPageSize,
  testId = 'column-settings',
}: Props) {
  const { t } = useTranslation();
  const content = (
    <div style={{ minWidth: 200 }} data-testid={`${testId}-panel`}>
      <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
        <legend className="muted" style={{ fontSize: 12, marginBottom: 4 }}>
          {t('table.columns')}
        </legend>
        <Space direction="vertical" size={2}>
          {choices.map((c) => (
            <Checkbox
              key={c.key}
              checked={visible.includes(c.key)}
              disabled={c.locked}
              onChange={(e) => onToggle(c.key, e.target.checked)}
              data-testid={`${testId}-${c.key}`}
            >
              {c.title}
            </Checkbox>
          ))}
        </Space>
      </fieldset>
      {onPageSize ? (
        <>
          <Divider style={{ margin: '8px 0' }} />
          <Space>
            <span id={`${testId}-size-label`}>{t('table.pageSize')}</span>
            <Select<PageSize>
              size="small"
              value={pageSize}
              onChange={onPageSize}
              aria-labelledby={`${testId}-size-label`}
              options={PAGE_SIZE_OPTIONS.map((n) => ({ value: n, label: t('table.perPage', { count: n }) }))}
              data-testid={`${testId}-size`}
            />
          </Space>
        </>
      ) : null}
      <Divider style={{ margin: '8px 0' }} />
      <Button size="small" onClick={onReset}>
        {t('table.reset')}
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content} title={t('table.settings')}>
      <Button icon={<SettingOutlined aria-hidden />} data-testid={testId}>
        {t('table.settings')}
      </Button>
    </Popover>
  );
}
