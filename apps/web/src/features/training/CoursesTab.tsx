import { useRef, useState } from 'react';
import { Button, Card, Collapse, Empty, Form, Input, List, Space, Typography } from 'antd';
import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDateTime } from '../../components/format';
import type { Course, CourseInput, Material, TrainingPlan, TrainingRole } from './api';
import { materialUrl, useAddCourse, useUpdateCourse, useUploadMaterial, useUploadVersion } from './api';
import { closeOrShowErrors, FormModal } from '../../components/FormModal';

/** 课程与资料: the plan's courses, their objectives, and versioned training materials. */
export function CoursesTab({ plan, role }: { plan: TrainingPlan; role: TrainingRole }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Course | 'new' | null>(null);
  return (
    <div className="stack">
      {role.manager ? (
        <div>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing('new')}
            data-testid="training-course-new"
          >
            {t('training.course.new')}
          </Button>
        </div>
      ) : null}
      {!plan.courses.length ? (
        <Empty description={<span className="muted">{t('training.course.empty')}</span>} />
      ) : null}
      {plan.courses.map((c) => (
        <Card
          key={c.id}
          size="small"
          data-testid="training-course"
          data-course-id={c.id}
          extra={
            role.manager ? (
              <Button size="small" onClick={() => setEditing(c)} data-testid="training-course-edit">
                {t('common.edit')}
              </Button>
            ) : null
          }
          title={
            <h2 className="card-h2" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
              {c.title}
            </h2>
          }
        >
          {c.objective ? (
            <p className="pre-wrap" style={{ marginTop: 0 }}>
              <Typography.Text type="secondary">{t('training.course.objective')}: </Typography.Text>
              {c.objective}
            </p>
          ) : null}
          <CourseMaterials plan={plan} course={c} role={role} />
        </Card>
      ))}
      {editing ? (
        <CourseModal plan={plan} course={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}

function CourseMaterials({ plan, course, role }: { plan: TrainingPlan; course: Course; role: TrainingRole }) {
  const { t } = useTranslation();
  const upload = useUploadMaterial(plan.id);
  const input = useRef<HTMLInputElement>(null);
  return (
    <section aria-label={t('training.material.listOf', { course: course.title })}>
      <Typography.Text strong>{t('training.material.title')}</Typography.Text>
      {course.materials.length ? (
        <List
          size="small"
          dataSource={course.materials}
          rowKey="id"
          renderItem={(m) => <MaterialItem plan={plan} material={m} role={role} />}
        />
      ) : (
        <div className="muted">{t('training.material.empty')}</div>
      )}
      {role.trainer ? (
        <>
          <input
            ref={input}
            type="file"
            hidden
            aria-label={t('training.material.choose', { course: course.title })}
            data-testid="training-material-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) upload.mutate({ courseId: course.id, file, note: '' });
            }}
          />
          <Button
            size="small"
            icon={<UploadOutlined aria-hidden />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
            style={{ marginTop: 8, marginInlineEnd: 8 }}
            data-testid="training-material-upload"
          >
            {t('training.material.upload')}
          </Button>
        </>
      ) : null}
    </section>
  );
}

function MaterialItem({ plan, material: m, role }: { plan: TrainingPlan; material: Material; role: TrainingRole }) {
  const { t } = useTranslation();
  const next = useUploadVersion(plan.id);
  const input = useRef<HTMLInputElement>(null);
  return (
    <List.Item data-testid="training-material" data-material-id={m.id} data-version={m.version}>
      <div style={{ minWidth: 0, width: '100%' }}>
        <a
          href={materialUrl(m.id)}
          download={m.fileName}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="training-material-link"
        >
          <PaperClipOutlined aria-hidden /> {m.fileName}
        </a>{' '}
        <Typography.Text type="secondary" data-testid="training-material-version">
          v{m.version}
        </Typography.Text>
        <div className="muted" style={{ overflowWrap: 'anywhere' }}>
          {[formatBytes(m.size), m.uploadedByName, formatDateTime(m.uploadedAt), m.note].filter(Boolean).join(' · ')}
        </div>
        <Space wrap size="small" style={{ marginTop: 4 }}>
          {role.trainer ? (
            <>
              <input
                ref={input}
                type="file"
                hidden
                aria-label={t('training.material.chooseVersion', { name: m.fileName })}
                data-testid="training-material-version-input"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) next.mutate({ materialId: m.id, file, note: '' });
                }}
              />
              <Button
                size="small"
                icon={<UploadOutlined aria-hidden />}
                loading={next.isPending}
                onClick={() => input.current?.click()}
                data-testid="training-material-new-version"
              >
                {t('training.material.newVersion')}
              </Button>
            </>
          ) : null}
        </Space>
        {m.history.length ? (
          <Collapse
            size="small"
            ghost
            style={{ marginTop: 4 }}
            data-testid="training-material-history"
            items={[
              {
                key: 'h',
                label: t('training.material.history', { n: m.history.length }),
                children: (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {m.history.map((h) => (
                      <li key={h.id} style={{ overflowWrap: 'anywhere' }}>
                        <a href={materialUrl(h.id)} download={h.fileName}>
                          v{h.version} {h.fileName}
                        </a>
                        <span className="muted">
                          {' '}
                          · {formatBytes(h.size)} · {formatDateTime(h.uploadedAt)}
                        </span>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        ) : null}
      </div>
    </List.Item>
  );
}

function CourseModal({ plan, course, onClose }: { plan: TrainingPlan; course: Course | null; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddCourse(plan.id);
  const update = useUpdateCourse(plan.id);
  const [form] = Form.useForm<CourseInput>();
  const submit = (v: CourseInput) => {
    const body = { title: v.title, objective: v.objective ?? '' };
    const opts = closeOrShowErrors(form, onClose);
    if (course) update.mutate({ id: course.id, ...body }, opts);
    else add.mutate(body, opts);
  };
  return (
    <FormModal
      form={form}
      title={course ? t('training.course.editTitle', { name: course.title }) : t('training.course.new')}
      onClose={onClose}
      onFinish={submit}
      saving={add.isPending || update.isPending}
      initialValues={course ? { title: course.title, objective: course.objective } : {}}
      okTestId="training-course-save"
      formTestId="training-course-form"
    >
      <Form.Item
        name="title"
        label={t('training.course.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item
        name="objective"
        label={t('training.course.objective')}
        extra={<span className="muted">{t('training.course.objectiveHelp')}</span>}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormModal>
  );
}
