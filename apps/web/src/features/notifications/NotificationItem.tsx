import { Button, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { ticketPath } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import { kindKey, useMarkAllRead, useMarkRead, type NotificationGroup } from './api';

/**
 * One line of the bell or the centre: a notification, or a group of the same kind for one ticket
 * ("3 条 · WB-…"). Marking a group read marks all its members in one request.
 */
export function NotificationItem({
  n,
  onOpen,
  extraActions = [],
}: {
  n: NotificationGroup;
  onOpen?: () => void;
  extraActions?: React.ReactNode[];
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const markOne = useMarkRead();
  const markGroup = useMarkAllRead();
  const unread = n.unreadCount > 0;
  const markRead = () =>
    n.count > 1 && n.ticketId ? markGroup.mutate({ kind: n.kind, ticketId: n.ticketId }) : markOne.mutate(n.id);
  const kindName = t(kindKey(n.kind), { defaultValue: n.kind });
  const title = n.ticketId ? (
    <Link
      to={ticketPath(me, n.ticketId)}
      onClick={() => {
        onOpen?.();
        if (unread) markRead();
      }}
      style={{ fontWeight: unread ? 600 : 400 }}
    >
      {n.title}
    </Link>
  ) : (
    <Typography.Text strong={unread}>{n.title}</Typography.Text>
  );
  const actions = [
    ...(unread
      ? [
          <Button
            key="read"
            size="small"
            type="link"
            onClick={markRead}
            loading={markOne.isPending || markGroup.isPending}
            aria-label={t('notifications.markReadOne', { title: n.title })}
          >
            {t('notifications.markRead')}
          </Button>,
        ]
      : []),
    ...extraActions,
  ];
  return (
    <List.Item
      data-testid="notification-item"
      data-kind={n.kind}
      data-count={n.count}
      data-unread={unread ? '1' : '0'}
      actions={actions}
    >
      <List.Item.Meta
        title={title}
        description={
          <>
            <Space size={4} wrap style={{ marginBottom: 2 }}>
              <Tag bordered={false}>{kindName}</Tag>
              {n.count > 1 ? (
                <Tag data-testid="notification-group" style={{ fontWeight: 600 }}>
                  {t('notify.group', { count: n.count, kind: kindName, ticket: n.ticketNumber ?? '' })}
                </Tag>
              ) : null}
            </Space>
            <div className="pre-wrap">{n.body}</div>
            <div className="muted">
              {n.count > 1
                ? t('notify.span', { from: formatDateTime(n.firstAt), to: formatDateTime(n.at) })
                : formatDateTime(n.at)}
            </div>
          </>
        }
      />
    </List.Item>
  );
}
