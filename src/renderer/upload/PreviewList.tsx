import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { SequencePreview } from '../../shared/ipc-contract';
import type { ShapingDefaults } from '../../shared/settings-schema';
import type { DraftField } from './edit/edit-draft';
import type { RowChanges } from './edit/row-changes';
import PreviewRow from './PreviewRow';

/** A row's height before it is measured (a track drawing, a name and a line of facts). */
const estimatedRowHeight = 98;
const rowGap = 8;

interface Props {
  previews: readonly SequencePreview[];
  onRemove: (folder: string) => void;
  edits: ReadonlyMap<string, RowChanges>;
  defaults: ShapingDefaults;
  onEdit: (folder: string, focus?: DraftField) => void;
}

/**
 * The checked folders, virtualized like the queue: thousands of previews draw only
 * the rows in view. Rows differ in height (a description, warnings, a problem), so
 * each is measured once drawn.
 */
export default function PreviewList({ previews, onRemove, edits, defaults, onEdit }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: previews.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: (index) => previews[index]?.folder ?? index,
    gap: rowGap,
    overscan: 4,
  });

  return (
    <div
      ref={scrollRef}
      className="previews-scroll"
      tabIndex={0}
      role="region"
      aria-label="Checked folders"
    >
      <ul
        className="previews"
        aria-label="Sequences to upload"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const preview = previews[row.index];
          if (!preview) return null;
          return (
            <PreviewRow
              key={row.key}
              preview={preview}
              index={row.index}
              count={previews.length}
              top={row.start}
              measure={virtualizer.measureElement}
              onRemove={onRemove}
              changes={edits.get(preview.folder)}
              defaults={defaults}
              onEdit={onEdit}
            />
          );
        })}
      </ul>
    </div>
  );
}
