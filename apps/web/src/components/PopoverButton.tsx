import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

interface Props {
  label: ReactNode;
  icon?: ReactNode;
  title: string;
  children: ReactNode;
  testId?: string;
}

/**
 * A button that shows a small panel below it (the disclosure pattern), as plain markup: Escape or a
 * click elsewhere closes it and gives the focus back to the button.
 */
export function PopoverButton({ label, icon, title, children, testId }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <div className="popover-button" ref={root}>
      <button
        ref={button}
        type="button"
        className="plain-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {icon} {label}
      </button>
      {open ? (
        <div className="popover-panel" id={panelId} role="group" aria-label={title}>
          <div className="popover-title">{title}</div>
          {children}
        </div>
      ) : null}
    </div>
  );
}
