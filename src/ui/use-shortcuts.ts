import { useEffect } from 'react';

export interface ShortcutActions {
  open(): void;
  download(): void;
  undo(): void;
  redo(): void;
}

/** True when the key goes to a text field, whose own undo must keep working. */
function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    element?.isContentEditable === true ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(element?.tagName ?? '')
  );
}

/**
 * Ctrl/Cmd+O opens the file picker, Ctrl/Cmd+S downloads the selected SVG, Ctrl/Cmd+Z and
 * Ctrl/Cmd+Shift+Z undo and redo palette edits (outside text fields).
 */
export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !typing(event.target)) {
        event.preventDefault();
        if (event.shiftKey) actions.redo();
        else actions.undo();
      } else if (event.shiftKey) {
        return;
      } else if (key === 'o') {
        event.preventDefault();
        actions.open();
      } else if (key === 's') {
        event.preventDefault();
        actions.download();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions]);
}
