import { useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Segmented, Spin } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { useProjects } from '../../api/queries';
import { FormRadioGroup, FormSelect } from '../../components/formControls';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes } from '../../components/format';
import type { KbArticle, KbArticleInput, KbStatus, KbVisibility } from './api';
import {
  articlePath,
  KB_STATUSES,
  KB_VISIBILITIES,
  useArticle,
  useCategories,
  useCreateArticle,
  useUpdateArticle,
  useUploadAttachment,
} from './api';
import { Markdown } from './Markdown';
import { SearchSelect } from '../../components/SearchSelect';

interface Values {
  title: string;
  categoryId?: string | null;
  tags: string[];
  visibility: KbVisibility;
  projectId?: string | null;
  status: KbStatus;
  body: string;
  note?: string;
}

/** New article (/kb/new) or a revision of one (/kb/articles/:id/edit): every save is a new version. */
export default function KbEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: article, isPending, error } = useArticle(id);
  if (!id) return <Editor />;
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !article)
    return (
      <Result
        status="404"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('kb.notFound')}</h1>}
        extra={<Link to="/kb">{t('kb.backToList')}</Link>}
      />
    );
  return <Editor article={article} key={article.id} />;
}

function Editor({ article }: { article?: KbArticle }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const { data: projects = [], isPending: projectsLoading } = useProjects();
  const create = useCreateArticle();
  const update = useUpdateArticle(article?.id ?? '');
  const visibility = Form.useWatch('visibility', form);
  const body = Form.useWatch('body', form) ?? '';
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const statuses = article ? KB_STATUSES : KB_STATUSES.filter((s) => s !== 'archived');

  const onFinish = (v: Values) => {
    const fields: KbArticleInput = {
      title: v.title.trim(),
      body: v.body ?? '',
      categoryId: v.categoryId ?? null,
      tags: [...new Set((v.tags ?? []).map((x) => x.trim()).filter(Boolean))],
      visibility: v.visibility,
      projectId: v.visibility === 'customer' ? (v.projectId ?? null) : null,
      status: v.status,
    };
    const onError = (e: unknown) => applyFormError(form, e);
    const onSuccess = (a: KbArticle) => navigate(articlePath(a.id));
    if (article) update.mutate({ ...fields, note: v.note?.trim() ?? '' }, { onSuccess, onError });
    else create.mutate(fields, { onSuccess, onError });
  };

  const required = { required: true, message: t('common.required') };
  const title = article ? t('kb.editTitle', { number: article.number }) : t('kb.new');
  return (
    <div data-testid="kb-editor" data-article-id={article?.id ?? ''}>
      <PageHeader
        title={title}
        extra={<Link to={article ? articlePath(article.id) : '/kb'}>{t('common.back')}</Link>}
      />
      {article?.sourceTicketId && article.version === 1 && article.status === 'draft' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('kb.draftFromTicketHint')}
          data-testid="kb-draft-hint"
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          name="kb-article"
          onFinish={onFinish}
          scrollToFirstError
          initialValues={
            article
              ? {
                  title: article.title,
                  categoryId: article.categoryId ?? undefined,
                  tags: article.tags,
                  visibility: article.visibility,
                  projectId: article.projectId ?? undefined,
                  status: article.status,
                  body: article.body,
                  note: '',
                }
              : { tags: [], visibility: 'internal', status: 'draft', body: '' }
          }
        >
          <Form.Item name="title" label={t('kb.field.title')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={200} data-testid="kb-title" />
          </Form.Item>
          <Form.Item name="categoryId" label={t('kb.category.label')}>
            <FormSelect<string>
              allowClear
              loading={categories.isPending}
              placeholder={t('kb.category.none')}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="kb-category"
            />
          </Form.Item>
          <Form.Item name="tags" label={t('kb.field.tags')} extra={t('kb.field.tagsHelp')}>
            <FormSelect<string[]> mode="tags" tokenSeparators={[',', '，', ' ']} maxCount={20} data-testid="kb-tags" />
          </Form.Item>
          <Form.Item name="visibility" label={t('kb.field.visibility')} rules={[required]}>
            <FormRadioGroup
              options={KB_VISIBILITIES.map((v) => ({
                value: v,
                label: <span data-testid={`kb-visibility-${v}`}>{t(`kb.visibility.${v}`)}</span>,
              }))}
            />
          </Form.Item>
          {visibility === 'customer' ? (
            <Form.Item name="projectId" label={t('kb.project')} extra={t('kb.field.projectHelp')}>
              <SearchSelect<string | null>
                allowClear
                loading={projectsLoading}
                placeholder={t('kb.allCustomers')}
                options={projects.map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` }))}
                data-testid="kb-project"
              />
            </Form.Item>
          ) : null}
          <Form.Item name="status" label={t('kb.statusLabel')} rules={[required]}>
            <FormRadioGroup
              options={statuses.map((s) => ({
                value: s,
                label: <span data-testid={`kb-status-${s}`}>{t(`kb.status.${s}`)}</span>,
              }))}
            />
          </Form.Item>
          <div
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              justifyContent: 'space-between',
              alignItems: 'center',
              gap: 8,
              marginBottom: 8,
            }}
          >
            <span id="kb-body-label" style={{ fontWeight: 500 }}>
              {t('kb.field.body')}
            </span>
            <Segmented<'write' | 'preview'>
              value={mode}
              onChange={setMode}
              aria-label={t('kb.field.bodyMode')}
              options={[
                { value: 'write', label: t('kb.write') },
                { value: 'preview', label: <span data-testid="kb-preview-toggle">{t('kb.preview')}</span> },
              ]}
            />
          </div>
          <Form.Item name="body" hidden={mode === 'preview'} extra={t('kb.field.bodyHelp')}>
            <Input.TextArea
              aria-labelledby="kb-body-label"
              autoSize={{ minRows: 10, maxRows: 30 }}
              maxLength={200_000}
              data-testid="kb-body-input"
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
          {mode === 'preview' ? (
            <div
              style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 12, minHeight: 120, marginBottom: 24 }}
              aria-label={t('kb.preview')}
              role="region"
            >
              {body.trim() ? (
                <Markdown text={body} testId="kb-preview" />
              ) : (
                <span className="muted">{t('kb.emptyBody')}</span>
              )}
            </div>
          ) : null}
          {article ? (
            <Form.Item name="note" label={t('kb.field.note')} extra={t('kb.field.noteHelp')}>
              <Input maxLength={500} data-testid="kb-note" />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="kb-save">
            {article ? t('kb.saveVersion') : t('kb.create')}
          </Button>
        </Form>
      </Card>
      {article ? <AttachmentsEditor article={article} /> : <p className="muted">{t('kb.attachAfterCreate')}</p>}
    </div>
  );
}

function AttachmentsEditor({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(article.id);
  const input = useRef<HTMLInputElement>(null);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('kb.attachments')}</h2>}
      data-testid="kb-attachments-editor"
    >
      {article.attachments.length ? (
        <ul style={{ margin: '0 0 12px', paddingInlineStart: 20 }}>
          {article.attachments.map((f) => (
            <li key={f.id} data-testid="kb-attachment" style={{ overflowWrap: 'anywhere' }}>
              {f.fileName} <span className="muted">({formatBytes(f.size)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('kb.noAttachments')}</p>
      )}
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t('kb.upload')}
        data-testid="kb-upload-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) upload.mutate(file);
        }}
      />
      <Button
        icon={<UploadOutlined aria-hidden />}
        loading={upload.isPending}
        onClick={() => input.current?.click()}
        data-testid="kb-upload"
      >
        {t('kb.upload')}
      </Button>
    </Card>
  );
}
