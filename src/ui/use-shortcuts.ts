import { useEffect } from 'react';

export interface ShortcutActions {
  open(): void;
  download(): void;
}

/** Ctrl/Cmd+O opens the file picker, Ctrl/Cmd+S downloads the selected SVG. */
export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'o') {
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
