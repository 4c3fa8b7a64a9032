import { useCallback, useId, useMemo, useState } from 'react';
import type { Accounts } from '../../shared/ipc-contract';
import type { ShapingDefaults } from '../../shared/settings-schema';
import { plural } from '../common/plural';
import ScreenHeading from '../common/ScreenHeading';
import SettingsMention from '../settings/SettingsMention';
import { callMtp } from '../mtp-call';
import DropZone from './DropZone';
import BatchBar from './edit/BatchBar';
import EditHost from './edit/EditHost';
import { noDefaults, shapingGroups } from './edit/row-changes';
import { useGear } from './edit/use-gear';
import { useRowEdits } from './edit/use-row-edits';
import type { DraftField } from './edit/edit-draft';
import { activityCount, findPartGroups, mergedPartShapes, uploadBatches } from './part-groups';
import PartGroups from './PartGroups';
import PreviewList from './PreviewList';
import ReviewOffer from './ReviewOffer';
import { useUnsentSequences } from './use-unsent-sequences';
import type { PreviewsState } from './use-previews';

/** `queue:add` takes at most this many paths per call. */
const addBatch = 1000;

interface Props {
  previews: PreviewsState;
  accounts: Accounts | undefined;
  focusHeading: boolean;
  /** The folders are queued (their rows follow as the queue's deltas). */
  onQueued: () => void;
  onGoToAccounts: () => void;
  /** Settings' shaping defaults (zones, trims, hide from home); every new row starts with them. */
  shaping?: ShapingDefaults | undefined;
  /** Strava was reconnected from here (the gear scope): the accounts are read again. */
  onAccountsChanged?: () => void;
}

/** The Upload screen: drop or choose folders, see each one checked, then queue the good ones. */
export default function UploadScreen(props: Props) {
  const { previews, accounts } = props;
  const optionId = useId();
  const [createMtpw, setCreateMtpw] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const unsent = useUnsentSequences();
  const rowEdits = useRowEdits();
  const defaults = props.shaping ?? noDefaults;
  const gear = useGear(accounts?.strava.scopes, props.onAccountsChanged ?? noop);

  const stravaReady = accounts?.strava.connected === true;
  const mtpwReady = accounts?.mtpw.connected === true;
  const good = previews.previews.filter((p) => !p.problem);
  const bad = previews.previews.length - good.length;
  const [merged, setMerged] = useState<ReadonlySet<string>>(new Set());
  const partGroups = useMemo(
    () => findPartGroups(previews.previews.filter((p) => !p.problem).map((p) => p.folder)),
    [previews.previews],
  );
  const activities = activityCount(
    good.map((p) => p.folder),
    partGroups,
    merged,
  );
  const toggleMerge = (key: string, merge: boolean) =>
    setMerged((keys) => {
      const next = new Set(keys);
      if (merge) next.add(key);
      else next.delete(key);
      return next;
    });

  const choose = async () => {
    setError(undefined);
    const result = await callMtp('folders:choose', {});
    if (!result.ok) setError(result.error.message);
    else if (result.value.paths.length > 0) await previews.add(result.value.paths);
  };

  const upload = async () => {
    if (good.length === 0) return;
    setSending(true);
    setError(undefined);
    askToNotify();
    const paths = good.map((p) => p.folder);
    // Only offered once Settings is in, so a merged group never misses its zones.
    const partShapes = props.shaping
      ? mergedPartShapes(defaults, rowEdits.edits, partGroups, merged)
      : new Map();
    for (const batch of uploadBatches(paths, partGroups, merged, addBatch)) {
      const result = await callMtp('queue:add', {
        paths: batch,
        createMtpw: createMtpw && mtpwReady,
        // Settings' answer not in yet: main applies the defaults to the rows not edited.
        shaping: shapingGroups(
          props.shaping ? batch : batch.filter((p) => rowEdits.edits.has(p)),
          defaults,
          rowEdits.edits,
          partShapes,
        ),
      });
      if (!result.ok) {
        setError(result.error.message);
        setSending(false);
        return;
      }
    }
    setSending(false);
    previews.clear();
    rowEdits.clear();
    setMerged(new Set());
    props.onQueued();
  };

  const { open } = rowEdits;
  const openRow = useCallback(
    (folder: string, focus?: DraftField) => open(focus ? { folder, focus } : { folder }),
    [open],
  );

  const listed = previews.previews.length > 0;
  const shownError = error ?? previews.error;

  return (
    <div className="screen">
      <ScreenHeading focus={props.focusHeading}>Upload</ScreenHeading>

      {accounts && !stravaReady && (
        <div className="notice" role="note">
          <p>Connect Strava before uploading.</p>
          <button type="button" className="button small" onClick={props.onGoToAccounts}>
            Go to Accounts
          </button>
        </div>
      )}

      {!listed && (
        <ReviewOffer
          found={unsent.found}
          onReview={(paths) => {
            setError(undefined);
            void previews.add(paths);
          }}
        />
      )}

      <DropZone
        compact={listed}
        onPaths={(paths) => {
          setError(undefined);
          void previews.add(paths);
        }}
        onChoose={() => void choose()}
        onDragIn={previews.prepare}
      />

      <p className="checking" aria-live="polite">
        {previews.checking > 0 ? `Checking ${plural(previews.checking, 'folder', 'folders')}…` : ''}
      </p>

      {shownError && (
        <p className="error" role="alert">
          <SettingsMention text={shownError} />
        </p>
      )}

      {listed && (
        <>
          <div className="list-head">
            <h2 className="section-title">
              {plural(previews.previews.length, 'sequence', 'sequences')}
              {bad > 0 && (
                <span className="muted"> · {plural(bad, 'has a problem', 'have problems')}</span>
              )}
            </h2>
            <button
              type="button"
              className="button link"
              onClick={() => {
                previews.clear();
                setMerged(new Set());
              }}
            >
              Clear the list
            </button>
          </div>
          <BatchBar
            count={good.length}
            defaults={defaults}
            onEditAll={() => rowEdits.open({ batch: true })}
          />
          <PartGroups
            groups={partGroups}
            merged={merged}
            onToggle={toggleMerge}
            ready={props.shaping !== undefined}
            edits={rowEdits.edits}
          />
          <PreviewList
            previews={previews.previews}
            onRemove={previews.remove}
            edits={rowEdits.edits}
            defaults={defaults}
            onEdit={openRow}
          />
          <EditHost rowEdits={rowEdits} rows={good} defaults={defaults} gear={gear} />

          <div className="upload-bar">
            <div className="option">
              <input
                id={optionId}
                type="checkbox"
                checked={createMtpw && mtpwReady}
                disabled={!mtpwReady}
                onChange={(e) => setCreateMtpw(e.target.checked)}
                aria-describedby={mtpwReady ? undefined : `${optionId}-why`}
              />
              <label htmlFor={optionId}>
                Create the Map the Paths sequence when a folder has none
              </label>
              {!mtpwReady && (
                <span id={`${optionId}-why`} className="help">
                  Connect Map the Paths to use this.
                </span>
              )}
            </div>
            <button
              type="button"
              className="button primary large"
              disabled={good.length === 0 || sending || !stravaReady || previews.checking > 0}
              onClick={() => void upload()}
            >
              {sending ? 'Adding…' : `Upload ${plural(activities, 'sequence', 'sequences')}`}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

const noop = (): void => undefined;

/** Asks once, on the user's click, whether a finished batch may show a system notification. */
function askToNotify(): void {
  if ('Notification' in window && Notification.permission === 'default') {
    void Notification.requestPermission().catch(() => undefined);
  }
}
