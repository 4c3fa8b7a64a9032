import type { Problems } from './field-problems';

/** One privacy zone as typed: texts until saved. */
export interface ZoneDraft {
  lat: string;
  lon: string;
  radiusM: string;
}

interface Props {
  zones: ZoneDraft[];
  onChange: (zones: ZoneDraft[]) => void;
  problems: Problems;
}

const parts = [
  ['lat', 'Latitude'],
  ['lon', 'Longitude'],
  ['radiusM', 'Radius (m)'],
] as const;

/** The privacy zones list: each a centre and a radius, added and removed by the user. */
export default function PrivacyZones({ zones, onChange, problems }: Props) {
  const set = (index: number, key: keyof ZoneDraft, value: string) =>
    onChange(zones.map((z, i) => (i === index ? { ...z, [key]: value } : z)));
  return (
    <fieldset className="zones">
      <legend>Privacy zones</legend>
      <p className="help" id="settings-zones-help">
        Points within a zone at either end of a track are not sent to Strava.
      </p>
      {zones.length === 0 && <p className="muted">No privacy zones.</p>}
      <ol className="zone-list">
        {zones.map((zone, index) => (
          <li key={index} className="zone-row">
            {parts.map(([key, label]) => {
              const id = `settings-zone-${index}-${key}`;
              const problem = problems[`uploads.shaping.privacyZones.${index}.${key}`];
              return (
                <div className="field" key={key}>
                  <label htmlFor={id}>
                    {label}
                    <span className="visually-hidden">, zone {index + 1}</span>
                  </label>
                  <input
                    id={id}
                    inputMode="decimal"
                    autoComplete="off"
                    value={zone[key]}
                    onChange={(e) => set(index, key, e.target.value)}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${id}-problem` : undefined}
                  />
                  {problem && (
                    <p id={`${id}-problem`} className="field-problem">
                      {problem}
                    </p>
                  )}
                </div>
              );
            })}
            <button
              type="button"
              className="button small"
              onClick={() => onChange(zones.filter((_, i) => i !== index))}
            >
              Remove<span className="visually-hidden"> zone {index + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => onChange([...zones, { lat: '', lon: '', radiusM: '200' }])}
        >
          Add a privacy zone
        </button>
      </div>
    </fieldset>
  );
}
