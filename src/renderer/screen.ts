/** The app's three screens, in navigation order. */
export type Screen = 'upload' | 'queue' | 'accounts';
