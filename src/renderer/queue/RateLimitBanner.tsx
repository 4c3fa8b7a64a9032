import { clockTime } from '../common/clock-time';

/** Says that Strava's quarter-hour limit holds uploads back, and when they go on. */
export default function RateLimitBanner({ until }: { until: number }) {
  return (
    <div className="banner" role="note">
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8" />
        <path d="M10 5.5V10l3 2" />
      </svg>
      <p>
        Strava’s limit for this quarter hour is reached. Uploads go on by themselves at{' '}
        <strong>{clockTime(until)}</strong>.
      </p>
    </div>
  );
}
