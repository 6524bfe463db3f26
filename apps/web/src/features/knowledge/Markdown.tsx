import type { ComponentProps } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import './knowledge.css';

type HeadingProps = ComponentProps<'h2'> & { node?: unknown };
/** The page's title is its only <h1>: Markdown headings start one level down. */
const shifted =
  (Tag: 'h2' | 'h3' | 'h4' | 'h5' | 'h6') =>
  ({ node: _node, ...rest }: HeadingProps) => <Tag {...rest} />;

const components = {
  h1: shifted('h2'),
  h2: shifted('h3'),
  h3: shifted('h4'),
  h4: shifted('h5'),
  h5: shifted('h6'),
  h6: shifted('h6'),
  // A code block that scrolls sideways must be reachable by keyboard.
  pre: ({ node: _node, ...rest }: ComponentProps<'pre'> & { node?: unknown }) => <pre tabIndex={0} {...rest} />,
  table: ({ node: _node, ...rest }: ComponentProps<'table'> & { node?: unknown }) => (
    <div className="kb-table" tabIndex={0}>
      <table {...rest} />
    </div>
  ),
  a: ({ node: _node, ...rest }: ComponentProps<'a'> & { node?: unknown }) => (
    <a {...rest} target="_blank" rel="noopener noreferrer" />
  ),
};

/**
 * An article body (Markdown, with GitHub tables, task lists and autolinks). Raw HTML is never rendered (react-markdown without rehype-raw shows no
 * HTML), and link/image URLs go through react-markdown's safe-protocol filter: no XSS.
 */
export function Markdown({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="kb-markdown" data-testid={testId}>
      <ReactMarkdown skipHtml remarkPlugins={[remarkGfm]} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
