import { useState } from 'react';
import { Button, Card, Descriptions, Empty, List, Modal, Result, Space, Spin } from 'antd';
import { DownloadOutlined, EditOutlined, InboxOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isProviderStaff, ticketPath } from '../../app/roles';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes, formatDateTime } from '../../components/format';
import { useProjects } from '../../api/queries';
import { useCurrentUser } from '../auth/useMe';
import type { KbArticle, KbStatus } from './api';
import { attachmentUrl, editPath, useArticle, useArticleVersion, useUpdateArticle } from './api';
import { Markdown } from './Markdown';
import { KbStatusTag, KbVisibilityTag } from './tags';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** 知识文章: the rendered Markdown, attachments, linked tickets and the version history. */
export default function KbArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: article, isPending, error } = useArticle(id);
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !article)
    return (
      <Result
        status="404"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('kb.notFound')}</h1>}
        extra={<Link to="/kb">{t('kb.backToList')}</Link>}
      />
    );
  return <ArticleView article={article} />;
}

function ArticleView({ article: a }: { article: KbArticle }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const staff = isProviderStaff(me);
  const navigate = useNavigate();
  const update = useUpdateArticle(a.id);
  const { data: projects = [] } = useProjects(staff && !!a.projectId);
  const [viewing, setViewing] = useState<number | null>(null);
  const setStatus = (status: KbStatus) => update.mutate({ status, note: t(`kb.statusNote.${status}`) });
  const projectName = a.projectId ? (projects.find((p) => p.id === a.projectId)?.name ?? '') : '';

  return (
    <article data-testid="kb-article" data-article-id={a.id} data-status={a.status} data-version={a.version}>
      <PageHeader
        title={a.title}
        docTitle={`${a.number} ${a.title}`}
        extra={
          <Link to="/kb" data-testid="kb-back">
            {t('kb.backToList')}
          </Link>
        }
      />
      <Space size={[4, 8]} wrap style={{ marginBottom: 12 }}>
        <KbStatusTag status={a.status} />
        <KbVisibilityTag visibility={a.visibility} />
        {a.tags.map((x) => (
          <Link
            key={x}
            to={`/kb?tag=${encodeURIComponent(x)}`}
            data-testid="kb-article-tag"
            aria-label={t('kb.filterByTag', { tag: x })}
          >
            #{x}
          </Link>
        ))}
      </Space>
      {staff ? (
        <div
          role="group"
          aria-label={t('kb.actionsLabel')}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}
        >
          <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(editPath(a.id))} data-testid="kb-edit">
            {t('kb.edit')}
          </Button>
          {a.status !== 'published' ? (
            <Button
              type="primary"
              icon={<SendOutlined aria-hidden />}
              loading={update.isPending && update.variables?.status === 'published'}
              onClick={() => setStatus('published')}
              data-testid="kb-publish"
            >
              {t('kb.publish')}
            </Button>
          ) : null}
          {a.status !== 'archived' ? (
            <Button
              danger
              icon={<InboxOutlined aria-hidden />}
              loading={update.isPending && update.variables?.status === 'archived'}
              onClick={() => setStatus('archived')}
              data-testid="kb-archive"
            >
              {t('kb.archive')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('kb.numberLabel')}>{a.number}</Descriptions.Item>
        <Descriptions.Item label={t('kb.category.label')}>
          <span data-testid="kb-article-category">{a.categoryName ?? t('kb.category.none')}</span>
        </Descriptions.Item>
        {a.visibility === 'customer' && staff ? (
          <Descriptions.Item label={t('kb.project')}>
            {a.projectId ? projectName || '…' : t('kb.allCustomers')}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('kb.versionLabel')}>
          <span data-testid="kb-article-version">{a.version}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('kb.updatedAt')}>
          {formatDateTime(a.updatedAt)} {a.updatedByName ?? ''}
        </Descriptions.Item>
        {a.sourceTicketId && staff ? (
          <Descriptions.Item label={t('kb.sourceTicket')}>
            <Link to={ticketPath(me, a.sourceTicketId)} data-testid="kb-source-ticket">
              {a.tickets.find((x) => x.ticketId === a.sourceTicketId)?.number ?? t('kb.openTicket')}
            </Link>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Card size="small" style={{ marginBottom: 16 }} title={h2(t('kb.body'))}>
        {a.body.trim() ? (
          <Markdown text={a.body} testId="kb-body" />
        ) : (
          <span className="muted">{t('kb.emptyBody')}</span>
        )}
      </Card>
      <Card size="small" style={{ marginBottom: 16 }} title={h2(t('kb.attachments'))}>
        {a.attachments.length ? (
          <ul className="kb-links" style={{ margin: 0, paddingInlineStart: 20 }} data-testid="kb-attachments">
            {a.attachments.map((f) => (
              <li key={f.id} data-testid="kb-attachment" style={{ overflowWrap: 'anywhere' }}>
                <a href={attachmentUrl(f.id)} download={f.fileName} data-testid="kb-attachment-link">
                  <DownloadOutlined aria-hidden /> {f.fileName}
                </a>{' '}
                <span className="muted">({formatBytes(f.size)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('kb.noAttachments')}</span>
        )}
      </Card>
      <Card size="small" style={{ marginBottom: 16 }} title={h2(t('kb.tickets'))}>
        {a.tickets.length ? (
          <ul className="kb-links" style={{ margin: 0, paddingInlineStart: 20 }} data-testid="kb-tickets">
            {a.tickets.map((x) => (
              <li
                key={`${x.ticketId}-${x.kind}`}
                data-testid="kb-ticket"
                data-kind={x.kind}
                style={{ overflowWrap: 'anywhere' }}
              >
                <Link to={ticketPath(me, x.ticketId)}>{x.number}</Link> {x.title}{' '}
                <span className="muted">({t(`kb.linkKind.${x.kind}`)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('kb.noTickets')}</span>
        )}
      </Card>
      <Card size="small" title={h2(t('kb.history'))}>
        <List
          size="small"
          dataSource={[...a.versions].sort((x, y) => y.version - x.version)}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={<span className="muted">{t('common.empty')}</span>}
              />
            ),
          }}
          renderItem={(v) => (
            <List.Item
              data-testid="kb-version"
              data-version={v.version}
              style={{ flexWrap: 'wrap', gap: 8 }}
              actions={
                v.version === a.version
                  ? [
                      <span key="c" className="muted">
                        {t('kb.currentVersion')}
                      </span>,
                    ]
                  : [
                      <Button
                        key="v"
                        size="small"
                        onClick={() => setViewing(v.version)}
                        data-testid="kb-version-view"
                        aria-label={t('kb.viewVersionN', { version: v.version })}
                      >
                        {t('kb.viewVersion')}
                      </Button>,
                    ]
              }
            >
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <strong>{t('kb.versionN', { version: v.version })}</strong>{' '}
                <span className="muted">
                  {formatDateTime(v.editedAt)} {v.editedByName ?? ''}
                </span>
                {v.note ? <div data-testid="kb-version-note">{v.note}</div> : null}
              </div>
            </List.Item>
          )}
        />
      </Card>
      {viewing !== null ? <VersionDialog articleId={a.id} version={viewing} onClose={() => setViewing(null)} /> : null}
    </article>
  );
}

function VersionDialog({ articleId, version, onClose }: { articleId: string; version: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, isPending } = useArticleVersion(articleId, version);
  return (
    <Modal
      open
      title={t('kb.versionN', { version })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('kb.close')}</Button>}
      width={760}
      destroyOnHidden
    >
      <div data-testid="kb-version-dialog" data-version={version}>
        {isPending || !data ? (
          <Spin />
        ) : (
          <>
            <h3 style={{ fontSize: 18, overflowWrap: 'anywhere' }} data-testid="kb-version-title">
              {data.title}
            </h3>
            <p className="muted">
              {formatDateTime(data.editedAt)} {data.editedByName ?? ''}
              {data.note ? ` · ${data.note}` : ''}
            </p>
            <Markdown text={data.body} testId="kb-version-body" />
          </>
        )}
      </div>
    </Modal>
  );
}
