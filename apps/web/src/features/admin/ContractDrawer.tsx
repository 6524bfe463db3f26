import { useEffect } from 'react';
import { App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Radio, Row, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, applyFormError } from '../../api/client';
import { EXTENSION_POLICIES } from '../../api/enums';
import { FormRadioGroup } from '../../components/formControls';
import type { Contract } from '../../api/types';
import { CalendarEditor } from './CalendarEditor';
import { contractFieldName, emptyContract, fromContract, toContractCreate, type ContractValues } from './contractForm';
import { PausePolicyEditor, SlaTargetsEditor } from './SlaTargetsEditor';

interface Props {
  projectId: string;
  contract: Contract | null;
  open: boolean;
  onClose: () => void;
}

/** Create/edit a contract with its SLA policy (targets per level, calendar, pause reasons). */
export function ContractDrawer({ projectId, contract, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ContractValues>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(contract ? fromContract(contract) : emptyContract());
  }, [open, contract, form]);

  const save = useMutation({
    mutationFn: () => {
      // getFieldsValue(true): the whole store, including calendar fields hidden while 24x7 is chosen
      const body = toContractCreate(form.getFieldsValue(true) as ContractValues);
      return contract
        ? api<Contract>(`/contracts/${encodeURIComponent(contract.id)}`, { method: 'PATCH', body })
        : api<Contract>(`/projects/${encodeURIComponent(projectId)}/contracts`, { body });
    },
    onSuccess: (c) => {
      void message.success(t(contract ? 'admin.saved' : 'admin.created', { name: c.name }));
      void qc.invalidateQueries({ queryKey: ['projects', projectId, 'contracts'] });
      onClose();
    },
    onError: (e) => applyFormError(form, e, contractFieldName),
  });

  const required = { required: true, message: t('common.required') };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={contract ? t('contract.edit', { name: contract.name }) : t('contract.new')}
      width="min(760px, 100vw)"
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="contract-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" name="contract" onFinish={() => save.mutate()} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="code" label={t('contract.code')} rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={64} data-testid="contract-code" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="name" label={t('contract.name')} rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={200} data-testid="contract-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="period" label={t('contract.period')} rules={[required]}>
              <DatePicker.RangePicker
                className="full-width"
                allowClear={false}
                aria-label={t('contract.period')}
                placeholder={[t('contract.startsOn'), t('contract.endsOn')]}
                data-testid="contract-period"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="warrantyMonths" label={t('contract.warrantyMonths')} rules={[required]}>
              <InputNumber min={0} max={240} precision={0} className="full-width" data-testid="contract-warranty" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="partExtension"
              label={t('contract.partExtension')}
              rules={[required]}
              extra={t('contract.partExtensionHelp')}
            >
              <FormRadioGroup className="level-radio">
                <div style={{ display: 'flex', flexDirection: 'column' }}>
                  {EXTENSION_POLICIES.map((p) => (
                    <Radio key={p} value={p}>
                      <span data-testid={`contract-extension-${p}`}>{t(`warranty.policy.${p}`)}</span>
                    </Radio>
                  ))}
                </div>
              </FormRadioGroup>
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="labourRate"
              label={t('contract.labourRate')}
              rules={[required]}
              extra={t('contract.labourRateHelp')}
            >
              <InputNumber
                min={0}
                max={1_000_000}
                precision={2}
                prefix="¥"
                className="full-width"
                data-testid="contract-labour-rate"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="satisfactionTargetPct"
              label={t('satisfaction.contractTarget')}
              rules={[required]}
              extra={t('satisfaction.contractTargetHelp')}
            >
              <InputNumber
                min={1}
                max={100}
                precision={0}
                suffix="%"
                className="full-width"
                data-testid="contract-satisfaction-target"
              />
            </Form.Item>
          </Col>
        </Row>
        <SlaTargetsEditor />
        <CalendarEditor />
        <PausePolicyEditor />
      </Form>
    </Drawer>
  );
}
