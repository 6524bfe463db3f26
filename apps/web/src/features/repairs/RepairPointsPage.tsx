import { useState } from 'react';
import { App, Button, Col, Empty, Form, Input, InputNumber, Row, Select, Spin } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { DISCIPLINES } from '../../api/enums';
import { useProjects } from '../../api/queries';
import type { Discipline, RepairPoint } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useMe';
import { useRepairPoints, useSaveRepairPoint } from './api';
import { RepairPointCard } from './RepairPointCard';
import { FormModal } from '../../components/FormModal';
import { SearchSelect } from '../../components/SearchSelect';

interface Values {
  name: string;
  address: string;
  personInCharge: string;
  contact?: string;
  phone: string;
  capabilities: string[];
  staff: Record<Discipline, number | null>;
  projectIds: string[];
}

/** 新建 / 编辑维修点 (service manager). */
function RepairPointModal({ point, onClose }: { point: RepairPoint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRepairPoint(point?.id);
  const { data: projects = [], isPending } = useProjects();
  const counts = Object.fromEntries(
    DISCIPLINES.map((d) => [d, point?.staff.find((s) => s.discipline === d)?.count ?? 0]),
  ) as Record<Discipline, number>;
  const required = { required: true, whitespace: true, message: t('common.required') };
  const half = { xs: 24, sm: 12 };

  const onFinish = (v: Values) =>
    save.mutate(
      {
        name: v.name.trim(),
        address: v.address.trim(),
        personInCharge: v.personInCharge.trim(),
        contact: v.contact?.trim() || null,
        phone: v.phone.trim(),
        capabilities: (v.capabilities ?? []).map((c) => c.trim()).filter(Boolean),
        staff: DISCIPLINES.map((d) => ({ discipline: d, count: v.staff?.[d] ?? 0 })),
        projectIds: v.projectIds ?? [],
      },
      {
        onSuccess: (p) => {
          void message.success(t('repairPoint.saved', { name: p.name }));
          onClose();
        },
        onError: (e) => applyFormError(form, e),
      },
    );

  return (
    <FormModal
      form={form}
      title={point ? t('repairPoint.editTitle', { name: point.name }) : t('repairPoint.new')}
      onClose={onClose}
      onFinish={onFinish}
      saving={save.isPending}
      initialValues={
        point
          ? {
              ...point,
              contact: point.contact ?? undefined,
              staff: counts,
              projectIds: point.projects.map((p) => p.id),
            }
          : { capabilities: [], staff: counts, projectIds: [] }
      }
      okTestId="repair-point-save"
      formTestId="repair-point-form"
      formName="repair-point"
      width={720}
      scrollToFirstError
    >
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="name" label={t('repairPoint.name')} rules={[required]}>
            <Input maxLength={120} data-testid="rp-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="phone"
            label={t('repairPoint.phone')}
            rules={[required, { min: 3, max: 32, message: t('intake.phoneInvalid') }]}
          >
            <Input type="tel" maxLength={32} data-testid="rp-phone" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={t('repairPoint.address')} rules={[required]}>
            <Input maxLength={300} data-testid="rp-address" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="personInCharge" label={t('repairPoint.personInCharge')} rules={[required]}>
            <Input maxLength={60} data-testid="rp-person" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="contact" label={t('repairPoint.contact')} extra={t('repairPoint.contactHelp')}>
            <Input maxLength={120} data-testid="rp-contact" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="capabilities"
            label={t('repairPoint.capabilities')}
            extra={t('repairPoint.capabilitiesHelp')}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              open={false}
              suffixIcon={null}
              data-testid="rp-capabilities"
            />
          </Form.Item>
        </Col>
      </Row>
      <fieldset className="plain-fieldset">
        <legend className="card-h2" style={{ marginBottom: 8 }}>
          {t('repairPoint.staff')}
        </legend>
        <Row gutter={12}>
          {DISCIPLINES.map((d) => (
            <Col xs={12} sm={6} key={d}>
              <Form.Item name={['staff', d]} label={t(`staffing.discipline.${d}`)}>
                <InputNumber min={0} max={10_000} precision={0} className="full-width" data-testid={`rp-staff-${d}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </fieldset>
      <Form.Item name="projectIds" label={t('repairPoint.projects')}>
        <SearchSelect
          mode="multiple"
          loading={isPending}
          options={projects.map((p) => ({ value: p.id, label: p.name }))}
          data-testid="rp-projects"
        />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 维修点 (R3): where items are repaired — address, person in charge, phone, what each can repair,
 * its staff per discipline and the projects it serves. Customers see the points serving them.
 */
export default function RepairPointsPage() {
  const { t } = useTranslation();
  const { data = [], isPending } = useRepairPoints();
  const manager = useCurrentUser().roles.includes('service_manager');
  const [editing, setEditing] = useState<RepairPoint | null | 'new'>(null);

  return (
    <>
      <PageHeader
        title={t('repairPoint.title')}
        extra={
          manager ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing('new')}
              data-testid="repair-point-new"
            >
              {t('repairPoint.new')}
            </Button>
          ) : null
        }
      />
      {isPending ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : data.length === 0 ? (
        <Empty description={<span className="muted">{t('repairPoint.none')}</span>} />
      ) : (
        <Row gutter={[16, 16]} data-testid="repair-points">
          {data.map((p) => (
            <Col xs={24} lg={12} key={p.id}>
              <RepairPointCard
                point={p}
                extra={
                  manager ? (
                    <Button
                      size="small"
                      icon={<EditOutlined aria-hidden />}
                      onClick={() => setEditing(p)}
                      aria-label={t('admin.editNamed', { name: p.name })}
                      data-testid="repair-point-edit"
                    >
                      {t('common.edit')}
                    </Button>
                  ) : null
                }
              />
            </Col>
          ))}
        </Row>
      )}
      {editing ? (
        <RepairPointModal point={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
