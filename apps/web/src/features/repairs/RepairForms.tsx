import { Alert, App, Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { COST_KINDS } from '../../api/enums';
import type { Asset, CostKind, TicketRepair } from '../../api/types';
import { formatMoney, yuanToCents } from '../../components/format';
import { FormSelect } from '../../components/formControls';
import { useAsset } from '../assets/api';
import { AssetPicker, assetLabel } from '../assets/AssetPicker';
import { beijingDay } from '../fieldwork/api';
import { useAddCostItem, useAddReplacement, useSetRepairAsset } from './api';
import { DateField } from '../../components/DateField';
import { closeOrShowErrors, FormModal } from '../../components/FormModal';

/** 关联资产: the faulty asset of the ticket (its warranty at the fault day decides the billing). */
export function RepairAssetModal({
  ticketId,
  projectId,
  repair,
  onClose,
}: {
  ticketId: string;
  projectId: string;
  repair: TicketRepair;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ assetId: string }>();
  const save = useSetRepairAsset(ticketId);
  return (
    <FormModal
      form={form}
      title={t('repair.chooseAsset')}
      onClose={onClose}
      onFinish={(v) => save.mutate({ assetId: v.assetId }, closeOrShowErrors(form, onClose))}
      saving={save.isPending}
      initialValues={{ assetId: repair.asset?.id }}
      okTestId="repair-asset-save"
      formTestId="repair-asset-form"
      formName="repair-asset"
    >
      <Form.Item
        name="assetId"
        label={t('repair.asset')}
        rules={[{ required: true, message: t('common.required') }]}
        extra={t('repair.chooseAssetHelp')}
      >
        <AssetPicker projectId={projectId} data-testid="repair-asset-picker" />
      </Form.Item>
    </FormModal>
  );
}

interface ReplaceValues {
  oldAssetId: string;
  newSerial: string;
  newModel?: string;
  replacedOn: string;
  partCost?: number | null;
  note?: string;
}

/** 更换部件: the repaired asset or one of its parts is swapped; the new one's warranty follows the contract (R4). */
export function ReplacementModal({
  ticketId,
  repair,
  onClose,
}: {
  ticketId: string;
  repair: TicketRepair;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReplaceValues>();
  const add = useAddReplacement(ticketId);
  const { data: detail } = useAsset(repair.asset?.id);
  const candidates: Asset[] = [
    ...(repair.asset ? [repair.asset] : []),
    ...(detail?.parts ?? []).filter((p) => p.state === 'in_service'),
  ];
  const oldId = Form.useWatch('oldAssetId', form);
  const old = candidates.find((a) => a.id === oldId);
  const required = { required: true, whitespace: true, message: t('common.required') };

  const onFinish = (v: ReplaceValues) =>
    add.mutate(
      {
        oldAssetId: v.oldAssetId,
        newSerial: v.newSerial.trim(),
        newModel: v.newModel?.trim() || undefined,
        replacedOn: v.replacedOn,
        note: v.note?.trim() || undefined,
        ...(v.partCost === null || v.partCost === undefined ? {} : { partCostCents: yuanToCents(v.partCost) }),
      },
      {
        onSuccess: () => {
          void message.success(t('repair.replaced'));
          onClose();
        },
        onError: (e) => applyFormError(form, e, (f) => (f === 'partCostCents' ? 'partCost' : f)),
      },
    );

  return (
    <FormModal
      form={form}
      title={t('repair.replaceTitle')}
      onClose={onClose}
      onFinish={onFinish}
      saving={add.isPending}
      initialValues={{
        replacedOn: beijingDay(),
        oldAssetId: candidates.length === 1 ? candidates[0]?.id : undefined,
      }}
      intro={
        <>
          <Alert
            type="info"
            showIcon
            message={t(`repair.policyHelp.${repair.extensionPolicy}`)}
            style={{ marginBottom: 12 }}
          />
        </>
      }
      okTestId="replace-save"
      formTestId="replace-form"
      formName="replacement"
      width={640}
    >
      <Form.Item
        name="oldAssetId"
        label={t('repair.oldAsset')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <FormSelect
          options={candidates.map((a) => ({ value: a.id, label: assetLabel(a) }))}
          data-testid="replace-old"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="newSerial" label={t('repair.newSerial')} rules={[required]}>
            <Input maxLength={120} autoComplete="off" data-testid="replace-serial" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="newModel"
            label={t('repair.newModel')}
            extra={old ? t('repair.newModelHelp', { model: old.model }) : undefined}
          >
            <Input maxLength={120} data-testid="replace-model" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="replacedOn" label={t('repair.replacedOn')} rules={[required]}>
            <DateField data-testid="replace-date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="partCost" label={t('repair.partCost')} extra={t('repair.partCostHelp')}>
            <InputNumber
              min={0}
              max={10_000_000}
              precision={2}
              prefix="¥"
              className="full-width"
              data-testid="replace-cost"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('repair.note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="replace-note" />
      </Form.Item>
    </FormModal>
  );
}

interface CostValues {
  kind: CostKind;
  description: string;
  quantity: number;
  unitCost?: number | null;
}

/** 添加费用: labour is charged at the contract's hourly rate; parts, travel and other at the cost price entered. */
export function CostItemModal({
  ticketId,
  repair,
  onClose,
}: {
  ticketId: string;
  repair: TicketRepair;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CostValues>();
  const add = useAddCostItem(ticketId);
  const kind = Form.useWatch('kind', form) ?? 'part';
  const labour = kind === 'labour';

  const onFinish = (v: CostValues) =>
    add.mutate(
      {
        kind: v.kind,
        description: v.description.trim(),
        quantity: v.quantity,
        ...(labour ? {} : { unitCostCents: yuanToCents(v.unitCost ?? 0) }),
      },
      {
        onSuccess: () => {
          void message.success(t('repair.costAdded'));
          onClose();
        },
        onError: (e) => applyFormError(form, e, (f) => (f === 'unitCostCents' ? 'unitCost' : f)),
      },
    );

  return (
    <FormModal
      form={form}
      title={t('repair.addCost')}
      onClose={onClose}
      onFinish={onFinish}
      saving={add.isPending}
      initialValues={{ kind: 'part', quantity: 1 }}
      okTestId="cost-save"
      formTestId="cost-form"
      formName="cost"
    >
      <Form.Item name="kind" label={t('repair.costKind')} rules={[{ required: true, message: t('common.required') }]}>
        <FormSelect
          options={COST_KINDS.map((k) => ({ value: k, label: t(`costKind.${k}`) }))}
          data-testid="cost-kind"
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('repair.description')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={200} data-testid="cost-description" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="quantity"
            label={labour ? t('repair.hours') : t('repair.quantity')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber
              min={0.01}
              max={100_000}
              step={labour ? 0.5 : 1}
              precision={2}
              className="full-width"
              data-testid="cost-quantity"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          {labour ? (
            <div data-testid="cost-labour-rate" style={{ paddingTop: 8 }}>
              <div className="muted">{t('repair.unitCost')}</div>
              <strong>{t('repair.ratePerHour', { amount: formatMoney(repair.labourRateCents) })}</strong>
              <div className="muted">{t('repair.labourRateHelp')}</div>
            </div>
          ) : (
            <Form.Item
              name="unitCost"
              label={t('repair.unitCost')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber
                min={0}
                max={10_000_000}
                precision={2}
                prefix="¥"
                className="full-width"
                data-testid="cost-unit"
              />
            </Form.Item>
          )}
        </Col>
      </Row>
    </FormModal>
  );
}
