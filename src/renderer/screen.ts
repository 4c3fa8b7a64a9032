/** The app's screens, in navigation order. */
export type Screen = 'upload' | 'queue' | 'accounts' | 'settings';
