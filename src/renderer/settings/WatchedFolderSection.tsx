import { useState } from 'react';
import type { SettingsView } from '../../shared/settings-schema';
import { callMtp } from '../mtp-call';
import { fieldProblems, type Problems } from './field-problems';
import SectionForm from './SectionForm';
import TextField from './TextField';
import type { SettingsState } from './use-settings';

interface Props {
  view: SettingsView;
  save: SettingsState['save'];
}

/** A folder the app watches for new sequences: typed, or chosen with the system's folder picker. */
export default function WatchedFolderSection({ view, save }: Props) {
  const [folder, setFolder] = useState(view.watchedFolder ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const dirty = folder.trim() !== (view.watchedFolder ?? '');

  const choose = async () => {
    const result = await callMtp('folders:choose', {});
    if (!result.ok) setProblems({ watchedFolder: result.error.message });
    else if (result.value.paths[0]) setFolder(result.value.paths[0]);
  };

  const onSave = async () => {
    const watchedFolder = folder.trim() === '' ? null : folder.trim();
    const found = fieldProblems({ watchedFolder }, view.development);
    setProblems(found);
    if (Object.keys(found).length > 0) return 'not-sent' as const;
    const outcome = await save({ watchedFolder });
    if (outcome.ok) setFolder(outcome.view.watchedFolder ?? '');
    else setProblems(outcome.fields);
    return outcome;
  };

  return (
    <SectionForm
      id="settings-watched"
      title="Watched folder"
      dirty={dirty}
      onSave={onSave}
      intro={
        <p className="muted">
          New sequence folders that appear here are queued once they are complete. Leave it empty to
          watch nothing.
        </p>
      }
    >
      <TextField
        id="settings-watched-folder"
        label="Folder to watch"
        placeholder="None"
        value={folder}
        onChange={setFolder}
        problem={problems.watchedFolder}
      />
      <div className="actions">
        <button type="button" className="button" onClick={() => void choose()}>
          Choose…
        </button>
        {folder !== '' && (
          <button type="button" className="button" onClick={() => setFolder('')}>
            Clear
          </button>
        )}
      </div>
    </SectionForm>
  );
}
