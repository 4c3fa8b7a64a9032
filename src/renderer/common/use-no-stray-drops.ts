import { useEffect } from 'react';

/**
 * A file dropped outside the drop zone would make the page navigate to it (main
 * blocks that, but the drop would just vanish): refuse such drops, with the
 * "not here" cursor, and leave the drop zone's own handling alone.
 */
export function useNoStrayDrops(): void {
  useEffect(() => {
    const refuse = (event: DragEvent) => {
      if (event.defaultPrevented) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);
}
