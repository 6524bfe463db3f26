import { Form } from 'antd';
import type { FormInstance } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { articlePath, useSuggestions } from './api';
import './knowledge.css';

/**
 * Under a new ticket's title: published knowledge articles that may already answer it (debounced
 * GET /kb/suggest as the title is typed), each opening in a new tab so the form keeps its input.
 */
export function KbSuggestions({ form, projectId }: { form: FormInstance; projectId?: string | undefined }) {
  const { t } = useTranslation();
  const title = Form.useWatch('title', form) as string | undefined;
  const enough = (title ?? '').trim().length >= 2;
  const { data = [] } = useSuggestions(title, projectId || undefined);
  if (!enough || !data.length) return <div aria-live="polite" data-testid="kb-suggest-empty" />;
  return (
    <div aria-live="polite">
      <section className="kb-suggest" aria-labelledby="kb-suggest-heading" data-testid="kb-suggest">
        <h2 id="kb-suggest-heading" style={{ fontSize: 14, margin: 0 }}>
          <BulbOutlined aria-hidden /> {t('kb.suggest.title')}
        </h2>
        <ul className="kb-links">
          {data.map((a) => (
            <li key={a.id} data-testid="kb-suggestion" data-article-id={a.id}>
              <a href={articlePath(a.id)} target="_blank" rel="noopener noreferrer" data-testid="kb-suggestion-link">
                {a.title}
                <span className="visually-hidden"> {t('kb.newTab')}</span>
              </a>
              {a.excerpt ? (
                <div className="muted" style={{ fontSize: 12 }}>
                  {a.excerpt.slice(0, 120)}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
