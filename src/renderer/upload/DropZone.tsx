import { useRef, useState, type DragEvent } from 'react';
import { droppedPaths } from './dropped-paths';

interface Props {
  /** Smaller once folders are listed, so the list gets the room. */
  compact: boolean;
  onPaths: (paths: string[]) => void;
  onChoose: () => void;
  /** Folders are being dragged in: a drop is likely soon. */
  onDragIn?: () => void;
}

/** Where sequence folders are dropped; the button beside the words is the keyboard's way in. */
export default function DropZone({ compact, onPaths, onChoose, onDragIn }: Props) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them to know when the pointer really left.
  const depth = useRef(0);

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

  const enter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (depth.current === 0) onDragIn?.();
    depth.current += 1;
    setOver(true);
  };
  const leave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const overZone = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    void droppedPaths(event.dataTransfer).then((paths) => {
      if (paths.length > 0) onPaths(paths);
    });
  };

  return (
    <div
      className={`dropzone ${compact ? 'compact' : ''} ${over ? 'over' : ''}`}
      onDragEnter={enter}
      onDragLeave={leave}
      onDragOver={overZone}
      onDrop={drop}
    >
      <svg className="dropzone-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <path d="M6 14a4 4 0 0 1 4-4h9l4 4h15a4 4 0 0 1 4 4v18a4 4 0 0 1-4 4H10a4 4 0 0 1-4-4z" />
        <path d="M24 32V20M18.5 25.5 24 20l5.5 5.5" />
      </svg>
      <div className="dropzone-text">
        <p className="dropzone-title">
          {over ? 'Drop to add these folders' : 'Drop sequence folders here'}
        </p>
        <p className="muted">One or many; a folder of sequence folders works too.</p>
      </div>
      <button type="button" className="button" onClick={onChoose}>
        Choose folders…
      </button>
    </div>
  );
}
