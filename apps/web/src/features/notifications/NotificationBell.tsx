import { useState } from 'react';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Notification } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { ticketPath } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';

const key = ['notifications'] as const;

export function NotificationBell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  // Polling (15 s) keeps the count fresh without a push channel; background tabs pause it.
  const { data = [] } = useQuery({ queryKey: key, queryFn: () => api<Notification[]>('/notifications', { silent: true }), refetchInterval: 15_000 });
  const unread = data.filter((n) => n.readAt === null);

  const markRead = useMutation({
    mutationFn: (id: string) => api<void>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: (_, id) =>
      qc.setQueryData<Notification[]>(key, (old) => old?.map((n) => (n.id === id ? { ...n, readAt: Date.now() } : n))),
  });
  const markAll = async () => {
    for (const n of unread) await markRead.mutateAsync(n.id); // no bulk endpoint in the API
  };

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }}>
      <List<Notification>
        dataSource={data.slice(0, 30)}
        locale={{ emptyText: t('notifications.empty') }}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(n) => (
          <List.Item
            data-testid="notification-item"
            actions={
              n.readAt === null
                ? [
                    <Button key="read" size="small" type="link" onClick={() => markRead.mutate(n.id)} aria-label={t('notifications.markReadOne', { title: n.title })}>
                      {t('notifications.markRead')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                n.ticketId ? (
                  <Link
                    to={ticketPath(me, n.ticketId)}
                    onClick={() => {
                      setOpen(false);
                      if (n.readAt === null) markRead.mutate(n.id);
                    }}
                    style={{ fontWeight: n.readAt === null ? 600 : 400 }}
                  >
                    {n.title}
                  </Link>
                ) : (
                  <Typography.Text strong={n.readAt === null}>{n.title}</Typography.Text>
                )
              }
              description={
                <>
                  <div className="pre-wrap">{n.body}</div>
                  <div className="muted">{formatDateTime(n.at)}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
      {unread.length > 1 ? (
        <Button block type="link" onClick={() => void markAll()} loading={markRead.isPending}>
          {t('notifications.markAllRead')}
        </Button>
      ) : null}
    </div>
  );

  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} title={t('notifications.title')} content={content} placement="bottomRight">
      <Button
        type="text"
        // Same text as the badge shows ("99+"), so the visible label is part of the accessible name.
        aria-label={t('notifications.bell', { n: unread.length > 99 ? '99+' : unread.length })}
        data-testid="notification-bell"
        icon={
          <Badge count={unread.length} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
