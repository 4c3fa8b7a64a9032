/**
 * Checks electron.vite.config.ts for the two ways Vite inlines build-time environment
 * into a bundle: `envPrefix` (variables with these prefixes, from `.env` files or the
 * shell, become `import.meta.env.*`) and `define`. The canary grep only catches a leak
 * that some source actually references; this catches the door being open.
 */
import { loadConfigFromFile } from 'electron-vite';

/** Vite's and electron-vite's default prefixes: open to anything a developer names VITE_*. */
const DEFAULT_PREFIXES = ['VITE_', 'MAIN_VITE_', 'PRELOAD_VITE_', 'RENDERER_VITE_'];
/** Settings that hold secrets (.env.example). */
const SECRET_NAMES = ['STRAVA_CLIENT_SECRET', 'STRAVA_CLIENT_ID', 'MTPW_CLIENT_ID'];

type Result = [name: string, ok: boolean, detail?: string];

export async function checkViteEnvConfig(projectDir: string): Promise<Result[]> {
  const { config } = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    undefined,
    projectDir,
    'silent',
  );
  const results: Result[] = [];
  for (const part of ['main', 'preload', 'renderer'] as const) {
    const viteConfig = config[part] ?? {};
    const prefixes = [viteConfig.envPrefix ?? DEFAULT_PREFIXES].flat();
    const open = prefixes.filter(
      (prefix) =>
        DEFAULT_PREFIXES.includes(prefix) ||
        SECRET_NAMES.some((name) => name.startsWith(prefix)) ||
        prefix.length < 4,
    );
    results.push([
      `${part}: envPrefix exposes no default or secret-like variables`,
      open.length === 0,
      `envPrefix: ${prefixes.join(', ')}`,
    ]);
    const envDefines = Object.keys(viteConfig.define ?? {}).filter((key) =>
      /(process\.env|import\.meta\.env)/.test(key),
    );
    results.push([
      `${part}: defines nothing from the environment`,
      envDefines.length === 0,
      envDefines.join(', '),
    ]);
  }
  return results;
}
