import type { ErrorInfo } from '../engine';

/** A failure as people read it and as a report names it: "message · CODE". */
export function ErrorMessage({
  error,
  className,
  as: Tag = 'span',
}: {
  error: ErrorInfo;
  className: string;
  as?: 'span' | 'p';
}) {
  return (
    <Tag role="alert" className={className}>
      {error.message} ·{' '}
      <code className="font-mono opacity-70" data-error-code={error.code}>
        {error.code}
      </code>
    </Tag>
  );
}
