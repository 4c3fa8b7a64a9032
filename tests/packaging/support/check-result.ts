/** One named assertion of the packaging check, grouped as the test file reports them. */
export type CheckGroup =
  'build' | 'contents' | 'native' | 'secrets' | 'fuses' | 'platforms' | 'installer';

export interface CheckResult {
  group: CheckGroup;
  name: string;
  ok: boolean;
  detail?: string;
}

/** Records one result. */
export type Check = (group: CheckGroup, name: string, ok: boolean, detail?: string) => void;
