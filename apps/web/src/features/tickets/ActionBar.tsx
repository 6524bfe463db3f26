import { useState } from 'react';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/types';
import { ActionModal } from './ActionModal';
import { DANGER_ACTIONS, PRIMARY_ACTIONS } from './actionSpec';

/** Not a workflow action: comments have their own form below. */
const NOT_BUTTONS = new Set(['comment', 'attach', 'upload']);

/** Buttons for exactly the actions the server lists in ticket.allowedActions. */
export function ActionBar({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const actions = ticket.allowedActions.filter((a) => !NOT_BUTTONS.has(a));
  if (actions.length === 0) return null;
  return (
    <div role="group" aria-label={t('action.barLabel')} style={{ marginBottom: 16 }}>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY_ACTIONS.has(a) ? 'primary' : 'default'}
            danger={DANGER_ACTIONS.has(a)}
            onClick={() => setOpen(a)}
            data-testid={`action-${a}`}
          >
            {t(`action.${a}`, { defaultValue: a })}
          </Button>
        ))}
      </Space>
      <ActionModal ticket={ticket} action={open} onClose={() => setOpen(null)} />
    </div>
  );
}
