import { Button, Checkbox, Empty, Form, Input, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { isProviderStaff } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import { useAddComment, useComments } from './api';

interface Values {
  body: string;
  internal?: boolean;
}

/** Comments; provider staff may mark one internal (内部备注), which customers never see. */
export function CommentsPanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const staff = isProviderStaff(me);
  const { data = [], isPending } = useComments(ticketId);
  const add = useAddComment(ticketId);
  const [form] = Form.useForm<Values>();

  return (
    <div data-testid="comments">
      {!isPending && data.length === 0 ? (
        <Empty description={t('comment.empty')} />
      ) : (
        <List
          dataSource={[...data].sort((a, b) => a.at - b.at)}
          loading={isPending}
          rowKey="id"
          renderItem={(c) => (
            <List.Item data-testid="comment-item">
              <List.Item.Meta
                title={
                  <span>
                    {c.authorName} <span className="muted">· {formatDateTime(c.at)}</span>{' '}
                    {c.internal ? <Tag color="#874d00">{t('comment.internalTag')}</Tag> : null}
                  </span>
                }
                description={
                  <div className="pre-wrap" style={{ color: 'rgba(0,0,0,0.88)' }}>
                    {c.body}
                  </div>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name={`comment-${ticketId}`}
        onFinish={(v) =>
          add.mutate(
            { body: v.body.trim(), internal: staff ? !!v.internal : false },
            { onSuccess: () => form.resetFields(), onError: (e) => applyFormError(form, e) },
          )
        }
        style={{ marginTop: 12 }}
      >
        <Form.Item
          name="body"
          label={t('comment.body')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={20000} data-testid="comment-body" />
        </Form.Item>
        {staff ? (
          <Form.Item name="internal" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="comment-internal">{t('comment.internal')}</Checkbox>
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="comment-submit">
          {t('comment.submit')}
        </Button>
      </Form>
    </div>
  );
}
