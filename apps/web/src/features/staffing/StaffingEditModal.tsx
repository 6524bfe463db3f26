import { App, Button, Card, Col, Form, InputNumber, Modal, Row, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { DISCIPLINES } from '../../api/enums';
import { filterByLabel } from '../../api/queries';
import type { StaffingAssignment, StaffingPlan, StaffingRequirement } from '../../api/types';
import { FormSelect } from '../../components/formControls';
import { useEngineers, useSaveStaffing } from './api';

interface Values {
  requirements: StaffingRequirement[];
  assignments: StaffingAssignment[];
}

const legend = (text: string) => (
  <legend className="card-h2" style={{ marginBottom: 8 }}>
    {text}
  </legend>
);

/** 编辑人员配置 (service manager): the required disciplines and who fills them. */
export function StaffingEditModal({ plan, onClose }: { plan: StaffingPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveStaffing(plan.projectId);
  const { data: engineers = [], isPending } = useEngineers();
  const people = new Map<string, string>(engineers.map((e) => [e.userId, e.name]));
  for (const a of plan.assignments) if (!people.has(a.userId)) people.set(a.userId, a.name);
  const disciplineOptions = DISCIPLINES.map((d) => ({ value: d, label: t(`staffing.discipline.${d}`) }));
  const required = { required: true, message: t('common.required') };

  const onFinish = (v: Values) =>
    save.mutate(
      { requirements: v.requirements ?? [], assignments: v.assignments ?? [] },
      {
        onSuccess: () => {
          void message.success(t('staffing.saved'));
          onClose();
        },
        onError: (e) => applyFormError(form, e),
      },
    );

  const switchItem = (name: (string | number)[], label: string, testId: string) => (
    <Col xs={12} sm={6}>
      <Form.Item name={name} label={label} valuePropName="checked">
        <Switch data-testid={testId} />
      </Form.Item>
    </Col>
  );
  const remove = (onClick: () => void, label: string, testId: string) => (
    <Button
      type="text"
      danger
      icon={<DeleteOutlined aria-hidden />}
      aria-label={label}
      onClick={onClick}
      data-testid={testId}
    />
  );

  return (
    <Modal
      open
      title={t('staffing.editTitle', { project: plan.projectName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'staffing-save' }}
      width={760}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="staffing"
        layout="vertical"
        data-testid="staffing-form"
        initialValues={{
          requirements: plan.requirements,
          assignments: plan.assignments.map(({ userId, discipline, resident, builtProject }) => ({
            userId,
            discipline,
            resident,
            builtProject,
          })),
        }}
        onFinish={onFinish}
        scrollToFirstError
      >
        <fieldset className="plain-fieldset">
          {legend(t('staffing.requirementsTitle'))}
          <Form.List name="requirements">
            {(fields, { add, remove: del }) => (
              <div className="stack">
                {fields.map((f, i) => (
                  <Card size="small" key={f.key} data-testid="requirement-item">
                    <Row gutter={12} align="bottom">
                      <Col xs={24} sm={12}>
                        <Form.Item
                          name={[f.name, 'discipline']}
                          label={t('staffing.disciplineN', { n: i + 1 })}
                          rules={[required]}
                        >
                          <FormSelect options={disciplineOptions} data-testid="requirement-discipline" />
                        </Form.Item>
                      </Col>
                      <Col xs={18} sm={8}>
                        <Form.Item name={[f.name, 'count']} label={t('staffing.count')} rules={[required]}>
                          <InputNumber
                            min={0}
                            max={50}
                            precision={0}
                            className="full-width"
                            data-testid="requirement-count"
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={6} sm={4} style={{ textAlign: 'end', paddingBottom: 24 }}>
                        {remove(() => del(f.name), t('staffing.removeRequirement', { n: i + 1 }), 'requirement-remove')}
                      </Col>
                      {switchItem([f.name, 'resident'], t('staffing.resident'), 'requirement-resident')}
                      {switchItem([f.name, 'builtProject'], t('staffing.builtProject'), 'requirement-built')}
                    </Row>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ discipline: 'software', count: 1, resident: false, builtProject: false })}
                  data-testid="requirement-add"
                >
                  {t('staffing.addRequirement')}
                </Button>
              </div>
            )}
          </Form.List>
        </fieldset>
        <fieldset className="plain-fieldset" style={{ marginTop: 16 }}>
          {legend(t('staffing.assignmentsTitle'))}
          <Form.List name="assignments">
            {(fields, { add, remove: del }) => (
              <div className="stack">
                {fields.map((f, i) => (
                  <Card size="small" key={f.key} data-testid="assignment-item">
                    <Row gutter={12} align="bottom">
                      <Col xs={24} sm={10}>
                        <Form.Item
                          name={[f.name, 'userId']}
                          label={t('staffing.personN', { n: i + 1 })}
                          rules={[required]}
                        >
                          <FormSelect
                            showSearch
                            filterOption={filterByLabel}
                            loading={isPending}
                            options={[...people].map(([value, label]) => ({ value, label }))}
                            data-testid="assignment-user"
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={18} sm={10}>
                        <Form.Item
                          name={[f.name, 'discipline']}
                          label={t('staffing.disciplineLabel')}
                          rules={[required]}
                        >
                          <FormSelect options={disciplineOptions} data-testid="assignment-discipline" />
                        </Form.Item>
                      </Col>
                      <Col xs={6} sm={4} style={{ textAlign: 'end', paddingBottom: 24 }}>
                        {remove(() => del(f.name), t('staffing.removeAssignment', { n: i + 1 }), 'assignment-remove')}
                      </Col>
                      {switchItem([f.name, 'resident'], t('staffing.resident'), 'assignment-resident')}
                      {switchItem([f.name, 'builtProject'], t('staffing.builtProject'), 'assignment-built')}
                    </Row>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ discipline: 'software', resident: false, builtProject: false })}
                  data-testid="assignment-add"
                >
                  {t('staffing.addAssignment')}
                </Button>
              </div>
            )}
          </Form.List>
        </fieldset>
      </Form>
    </Modal>
  );
}
