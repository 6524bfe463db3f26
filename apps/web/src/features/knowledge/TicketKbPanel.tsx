import { useState } from 'react';
import { Button, Card, Form, Modal, Space, Spin } from 'antd';
import { BookOutlined, LinkOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isProviderStaff } from '../../app/roles';
import { FormSelect } from '../../components/formControls';
import { useCurrentUser } from '../auth/useMe';
import type { KbArticleSummary } from './api';
import { useDebounced } from '../../components/useDebounced';
import './knowledge.css';
import { articlePath, editPath, useArticles, useDraftFromTicket, useLinkTicket, useTicketArticles } from './api';

interface TicketLike {
  id: string;
  status: string;
  solution?: string | null;
}

/**
 * 知识文章 on a ticket page: the articles linked to it (solved by, or drafted from it); for staff on a
 * resolved or closed ticket, "生成知识草稿" (the solution becomes a draft, opened in the editor) and
 * "关联知识文章" (an existing article that solved it).
 */
export function TicketKbPanel({ ticket }: { ticket: TicketLike }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const staff = isProviderStaff(me);
  const navigate = useNavigate();
  const linked = useTicketArticles(ticket.id);
  const draft = useDraftFromTicket(ticket.id);
  const [linking, setLinking] = useState(false);
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  const canDraft = staff && done && !!ticket.solution?.trim();
  const items = linked.data ?? [];
  // Nothing to show or do yet: no card (staff get the actions once the ticket is resolved).
  if (!items.length && !(staff && done)) return null;

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('kb.ticket.title')}</h2>}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="ticket-kb"
    >
      {linked.isPending ? (
        <Spin />
      ) : items.length ? (
        <ul className="kb-links" style={{ margin: '0 0 8px', paddingInlineStart: 20 }}>
          {items.map((a) => (
            <li
              key={`${a.id}-${a.kind}`}
              data-testid="ticket-kb-article"
              data-article-id={a.id}
              data-kind={a.kind}
              style={{ overflowWrap: 'anywhere' }}
            >
              <Link to={articlePath(a.id)}>{a.title}</Link>{' '}
              <span className="muted">({t(`kb.linkKind.${a.kind}`)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" style={{ margin: '0 0 8px' }}>
          {t('kb.ticket.none')}
        </p>
      )}
      {staff && done ? (
        <Space wrap>
          {canDraft ? (
            <Button
              icon={<BookOutlined aria-hidden />}
              loading={draft.isPending}
              onClick={() => draft.mutate('internal', { onSuccess: (a) => navigate(editPath(a.id)) })}
              data-testid="ticket-kb-draft"
            >
              {t('kb.ticket.draft')}
            </Button>
          ) : null}
          <Button icon={<LinkOutlined aria-hidden />} onClick={() => setLinking(true)} data-testid="ticket-kb-link">
            {t('kb.ticket.link')}
          </Button>
        </Space>
      ) : null}
      {linking ? (
        <LinkDialog
          ticketId={ticket.id}
          exclude={items.filter((a) => a.kind === 'solved_by').map((a) => a.id)}
          onClose={() => setLinking(false)}
        />
      ) : null}
    </Card>
  );
}

function LinkDialog({ ticketId, exclude, onClose }: { ticketId: string; exclude: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const results = useArticles({ q: q || undefined, status: 'published' }, 20);
  const options = (results.data?.pages.flatMap((p) => p.items) ?? []).filter((a) => !exclude.includes(a.id));
  const [picked, setPicked] = useState<string>();
  const link = useLinkTicket(ticketId);
  const label = (a: KbArticleSummary) => `${a.number} ${a.title}`;
  return (
    <Modal
      open
      title={t('kb.ticket.link')}
      onCancel={onClose}
      onOk={() => picked && link.mutate(picked, { onSuccess: onClose })}
      okText={t('kb.ticket.linkOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !picked, 'data-testid': 'ticket-kb-link-ok' }}
      confirmLoading={link.isPending}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="ticket-kb-link-dialog">
        <Form.Item label={t('kb.ticket.pick')} htmlFor="ticket-kb-pick" extra={t('kb.ticket.pickHelp')}>
          <FormSelect<string>
            id="ticket-kb-pick"
            showSearch
            filterOption={false}
            onSearch={setSearch}
            value={picked}
            onChange={setPicked}
            loading={results.isFetching}
            notFoundContent={
              results.isFetching ? <Spin size="small" /> : <span className="muted">{t('kb.noResults')}</span>
            }
            options={options.map((a) => ({ value: a.id, label: label(a) }))}
            data-testid="ticket-kb-pick"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
