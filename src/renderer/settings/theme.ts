import type { Appearance } from '../../shared/settings-schema';

/**
 * Applies the appearance to the page: `data-theme` on the root element picks light
 * or dark in app.css; "system" removes it, so `prefers-color-scheme` decides (and
 * follows the system when it changes). Returns nothing to undo: the next call wins.
 */
export function applyTheme(appearance: Appearance): void {
  const root = document.documentElement;
  if (appearance === 'system') delete root.dataset.theme;
  else root.dataset.theme = appearance;
}
