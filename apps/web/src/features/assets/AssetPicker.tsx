import { useState } from 'react';
import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Asset } from '../../api/types';
import { FormSelect } from '../../components/formControls';
import { useDebounced } from '../../components/useDebounced';
import { useAsset, useAssetSearch } from './api';

type Props = Omit<SelectProps<string>, 'options' | 'onSearch' | 'filterOption' | 'onChange'> & {
  projectId: string | undefined;
  onChange?: (id: string | undefined, asset: Asset | undefined) => void;
  'aria-required'?: boolean | 'true' | 'false';
};

export const assetLabel = (a: Pick<Asset, 'name' | 'serial' | 'model'>) => `${a.name} · ${a.model} · ${a.serial}`;

/**
 * Searchable asset select for one project (GET /assets?projectId&q, in service only). The chosen
 * asset keeps its label even when the current search does not list it (a prefilled ?assetId=).
 */
export function AssetPicker({ projectId, value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const q = useDebounced(input, 250);
  const { data: found = [], isFetching } = useAssetSearch(projectId, q);
  const known = found.some((a) => a.id === value);
  const { data: chosen } = useAsset(value && !known ? value : undefined);
  const list: Asset[] = chosen && !known && chosen.projectId === projectId ? [chosen, ...found] : found;

  return (
    <FormSelect<string>
      allowClear
      showSearch
      filterOption={false}
      onSearch={setInput}
      loading={isFetching}
      disabled={!projectId}
      placeholder={projectId ? t('asset.pickerPlaceholder') : t('common.chooseProjectFirst')}
      notFoundContent={<span className="muted">{t('asset.empty')}</span>}
      value={value}
      onChange={(id?: string) =>
        onChange?.(
          id,
          list.find((a) => a.id === id),
        )
      }
      options={list.map((a) => ({ value: a.id, label: assetLabel(a) }))}
      {...rest}
    />
  );
}
