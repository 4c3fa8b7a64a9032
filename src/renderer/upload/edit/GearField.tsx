import TextField from '../../settings/TextField';
import type { GearState } from './use-gear';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  gear: GearState;
}

/**
 * Gear: picked from the athlete's bikes and shoes once Strava lets the app read the
 * profile (`profile:read_all`); until then, an "Allow gear" action asks for that
 * scope, and a gear id can still be typed.
 */
export default function GearField({ id, value, onChange, problem, gear }: Props) {
  if (gear.options) {
    return (
      <div className="field">
        <label htmlFor={id}>Gear</label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Strava's default gear</option>
          {gear.options.map((g) => (
            <option key={g.id} value={g.id}>
              {g.kind === 'bike' ? 'Bike' : 'Shoes'}: {g.name}
            </option>
          ))}
          <option value="none">No gear</option>
        </select>
        {problem && <p className="field-problem">{problem}</p>}
      </div>
    );
  }
  return (
    <div className="gear-field">
      <TextField
        id={id}
        label="Gear id"
        value={value}
        placeholder="b12345"
        help="Leave empty for Strava's default gear. Allow gear to pick from your bikes and shoes."
        onChange={onChange}
        problem={problem}
      />
      <div className="edit-actions">
        <button type="button" className="button small" disabled={gear.asking} onClick={gear.allow}>
          {gear.asking ? 'Waiting for Strava…' : 'Allow gear'}
        </button>
      </div>
      {gear.error && (
        <p className="field-problem" role="alert">
          {gear.error}
        </p>
      )}
    </div>
  );
}
