import { App, Checkbox, Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { ASSET_KINDS } from '../../api/enums';
import type { Asset, AssetCreate, AssetKind } from '../../api/types';
import { FormSelect } from '../../components/formControls';
import { useAcceptances, useCreateAsset, useUpdateAsset } from './api';
import { AssetPicker } from './AssetPicker';
import { FormModal } from '../../components/FormModal';

interface Values {
  kind: AssetKind;
  type: string;
  name: string;
  model: string;
  serial: string;
  tag?: string;
  location?: string;
  supplier?: string;
  parentId?: string;
  acceptanceId?: string;
  warrantyMonths?: number | null;
  retire?: boolean;
  reason?: string;
}

const opt = (v: string | undefined) => v?.trim() || null;

/** 新增资产 / 编辑资产 (service manager). Editing can also take the item out of service (停用). */
export function AssetFormModal({
  projectId,
  asset,
  onClose,
}: {
  projectId: string;
  asset?: Asset;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAsset(projectId);
  const update = useUpdateAsset(asset?.id ?? '');
  const { data: acceptances = [], isPending } = useAcceptances(projectId);
  const retire = Form.useWatch('retire', form);
  const saving = create.isPending || update.isPending;

  const onFinish = (v: Values) => {
    const body: AssetCreate = {
      kind: v.kind,
      type: v.type.trim(),
      name: v.name.trim(),
      model: v.model.trim(),
      serial: v.serial.trim(),
      tag: opt(v.tag),
      location: opt(v.location),
      supplier: opt(v.supplier),
      parentId: v.parentId ?? null,
      acceptanceId: v.acceptanceId ?? null,
      ...(v.warrantyMonths === null || v.warrantyMonths === undefined ? {} : { warrantyMonths: v.warrantyMonths }),
    };
    const done = (a: Asset) => {
      void message.success(t(asset ? 'asset.saved' : 'asset.created', { name: a.name }));
      onClose();
    };
    const onError = (e: unknown) => applyFormError(form, e);
    if (asset)
      update.mutate(
        { ...body, ...(v.retire ? { state: 'retired', reason: v.reason?.trim() } : {}) },
        { onSuccess: done, onError },
      );
    else create.mutate(body, { onSuccess: done, onError });
  };

  const required = { required: true, whitespace: true, message: t('common.required') };
  const half = { xs: 24, sm: 12 };
  const text = (name: keyof Values, label: string, max: number, rules = [required]) => (
    <Col {...half}>
      <Form.Item name={name} label={label} rules={rules}>
        <Input maxLength={max} data-testid={`asset-form-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <FormModal
      form={form}
      title={asset ? t('asset.editTitle', { name: asset.name }) : t('asset.new')}
      onClose={onClose}
      onFinish={onFinish}
      saving={saving}
      initialValues={
        asset
          ? {
              ...asset,
              tag: asset.tag ?? undefined,
              location: asset.location ?? undefined,
              supplier: asset.supplier ?? undefined,
              parentId: asset.parentId ?? undefined,
              acceptanceId: asset.acceptanceId ?? undefined,
            }
          : { kind: 'hardware' }
      }
      okTestId="asset-form-save"
      formTestId="asset-form"
      formName="asset"
      width={760}
      scrollToFirstError
    >
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item
            name="kind"
            label={t('asset.kindLabel')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <FormSelect
              options={ASSET_KINDS.map((k) => ({ value: k, label: t(`asset.kind.${k}`) }))}
              data-testid="asset-form-kind"
            />
          </Form.Item>
        </Col>
        {text('type', t('asset.type'), 60)}
        {text('name', t('asset.name'), 120)}
        {text('model', t('asset.model'), 120)}
        {text('serial', t('asset.serial'), 120)}
        {text('tag', t('asset.tag'), 60, [])}
        {text('location', t('asset.location'), 200, [])}
        {text('supplier', t('asset.supplier'), 120, [])}
        <Col {...half}>
          <Form.Item name="parentId" label={t('asset.parent')} extra={t('asset.parentHelp')}>
            <AssetPicker projectId={projectId} data-testid="asset-form-parent" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="acceptanceId" label={t('asset.acceptance')} extra={t('asset.acceptanceHelp')}>
            <FormSelect
              allowClear
              loading={isPending}
              options={acceptances.map((a) => ({ value: a.id, label: `${a.batch} (${a.acceptedOn})` }))}
              data-testid="asset-form-acceptance"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="warrantyMonths" label={t('asset.warrantyMonths')} extra={t('asset.warrantyMonthsHelp')}>
            <InputNumber min={0} max={240} precision={0} className="full-width" data-testid="asset-form-warranty" />
          </Form.Item>
        </Col>
      </Row>
      {asset && asset.state === 'in_service' ? (
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="retire" valuePropName="checked">
              <Checkbox data-testid="asset-form-retire">{t('asset.retire')}</Checkbox>
            </Form.Item>
          </Col>
          {retire ? text('reason', t('asset.retireReason'), 500) : null}
        </Row>
      ) : null}
    </FormModal>
  );
}
