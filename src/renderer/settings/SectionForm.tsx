import { useState, type FormEvent, type ReactNode } from 'react';
import type { SaveOutcome } from './use-settings';

interface Props {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  /** Checks and sends the section; the outcome's reasons go next to their fields. */
  onSave: () => Promise<SaveOutcome | 'not-sent'>;
  /** Whether a field differs from what is saved: Save is offered only then. */
  dirty: boolean;
}

/** One card of the Settings screen with its own Save: a change is kept only when it is saved. */
export default function SectionForm({ id, title, intro, children, onSave, dirty }: Props) {
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<{ text: string; bad: boolean }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setNote(undefined);
    const outcome = await onSave();
    setSaving(false);
    if (outcome === 'not-sent') setNote({ text: 'Check the fields marked above.', bad: true });
    else
      setNote(outcome.ok ? { text: 'Saved.', bad: false } : { text: outcome.message, bad: true });
  };

  return (
    <section className="card settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {title}
      </h2>
      {intro}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {children}
        <div className="actions">
          <button type="submit" className="button primary" disabled={saving || !dirty}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <span role="status" className={note?.bad ? 'problem' : 'note'}>
            {dirty && !saving && note?.bad !== true ? '' : (note?.text ?? '')}
          </span>
        </div>
      </form>
    </section>
  );
}
