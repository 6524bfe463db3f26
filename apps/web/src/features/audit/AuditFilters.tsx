import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTION_LABELS } from '@weibao/schema/audit-actions';
import { api } from '../../api/client';
import { currentLang } from '../../i18n';
import { useDebounced } from '../../components/useDebounced';
import type { AuditActor } from './api';

type PickerProps = { value?: string; onChange?: (v: string | undefined) => void; id?: string };

/** Operator by name: type part of a name or username, pick the person; the filter sends their id. */
export function OperatorPicker({ value, onChange, id }: PickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const found = useQuery({
    queryKey: ['audit', 'actors', q],
    queryFn: ({ signal }) => api<AuditActor[]>('/audit/actors', { query: { q }, signal, silent: true }),
    enabled: q.length >= 1,
    placeholderData: (prev) => prev,
  });
  // Keep the picked person's label while the search text changes.
  const [picked, setPicked] = useState<AuditActor | null>(null);
  const people = [
    ...(picked && picked.id === value ? [picked] : []),
    ...(found.data ?? []).filter((p) => p.id !== picked?.id),
  ];
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      filterOption={false}
      onSearch={setText}
      onChange={(v: string | undefined) => {
        setPicked(people.find((p) => p.id === v) ?? null);
        onChange?.(v);
      }}
      placeholder={t('audit.operatorPlaceholder')}
      notFoundContent={null}
      options={people.map((p) => ({ value: p.id, label: `${p.displayName}（${p.username} · ${p.orgName}）` }))}
      aria-label={t('audit.operator')}
      data-testid="audit-actor"
    />
  );
}

/** Action by its word in the user's language (searchable); the filter sends the key. */
export function ActionPicker({ value, onChange, id }: PickerProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const options = Object.entries(AUDIT_ACTION_LABELS)
    .map(([key, text]) => ({ value: key, label: text[lang] }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      optionFilterProp="label"
      placeholder={t('audit.actionAny')}
      options={options}
      aria-label={t('audit.action')}
      data-testid="audit-action"
    />
  );
}
