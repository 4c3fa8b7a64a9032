import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PathGrants } from '../../src/core/app/path-grants';
import { UploadError } from '../../src/core/errors/upload-error';

let root: string;
let granted: string;
let outside: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mtp-grants-'));
  granted = join(root, 'sequences');
  outside = join(root, 'private');
  await mkdir(join(granted, 'Harbour walk'), { recursive: true });
  await mkdir(outside, { recursive: true });
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const refusal = async (grants: PathGrants, paths: string[]) => {
  const error = await grants.check(paths).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
};

describe('the path grants', () => {
  it('allows a granted folder and what lies inside it, even not yet there, and answers them resolved', async () => {
    const grants = new PathGrants();
    expect(await grants.grant([`${granted}/`])).toEqual([granted]);
    expect(
      await grants.check([granted, join(granted, 'Harbour walk'), join(granted, 'new', 'x')]),
    ).toEqual([granted, join(granted, 'Harbour walk'), join(granted, 'new', 'x')]);
    expect(await grants.allows(`${granted}/./Harbour walk/../Harbour walk`)).toBe(true);
  });

  it('refuses a path never granted, in words, with a kind the UI knows and no path named', async () => {
    const grants = new PathGrants();
    await grants.grant([granted]);
    const error = await refusal(grants, [outside]);
    expect(error).toMatchObject({ kind: 'invalid-input', retryable: false });
    expect(error.message).toMatch(/only open folders you chose or dropped/);
    expect(error.message).not.toContain(root);
    // One bad path refuses the whole request: nothing of it is opened.
    await refusal(grants, [join(granted, 'Harbour walk'), '/etc']);
    expect(await grants.allows('/')).toBe(false);
  });

  it('refuses a way out of a granted folder with ..', async () => {
    const grants = new PathGrants();
    await grants.grant([granted]);
    await refusal(grants, [join(granted, '..', 'private')]);
    await refusal(grants, [`${granted}/Harbour walk/../../private`]);
    // A sibling whose name starts like the granted folder is not inside it.
    await mkdir(`${granted}-old`);
    await refusal(grants, [`${granted}-old`]);
  });

  it('refuses a symlink inside a granted folder that points out of it', async () => {
    const grants = new PathGrants();
    await grants.grant([granted]);
    await symlink(outside, join(granted, 'escape'));
    await refusal(grants, [join(granted, 'escape')]);
    await refusal(grants, [join(granted, 'escape', 'deeper')]);
  });

  it('follows a granted folder that is itself a symlink to where it points', async () => {
    const link = join(root, 'link-to-sequences');
    await symlink(granted, link);
    const grants = new PathGrants();
    await grants.grant([link]);
    expect(await grants.allows(join(granted, 'Harbour walk'))).toBe(true);
    expect(await grants.allows(join(link, 'Harbour walk'))).toBe(true);
    expect(await grants.allows(outside)).toBe(false);
  });

  it('allows a folder already in the journal (Retry, resume), and only that one', async () => {
    const journaled = join(outside, 'Old ride');
    const grants = new PathGrants(() => [journaled]);
    expect(await grants.check([journaled])).toEqual([journaled]);
    await refusal(grants, [join(journaled, 'inner')]);
    await refusal(grants, [outside]);
  });
});
