import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusCase } from './corpus-case';
import { folderWith, plainTrack, startFor } from './corpus-case';
import { goodGpx } from './gpx-builders';

/** `bytes` joined onto a folder path: Linux names are bytes, not necessarily UTF-8 text. */
const bytePath = (folder: string, bytes: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`${folder}/`), bytes]);

/** `caf` + Latin-1 é (0xE9, never valid UTF-8 alone). */
const latin1Name = (suffix: string): Buffer =>
  Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(suffix)]);

/** Paths that are not usable folders, and folders whose files cannot be used. */
export const folderCases: CorpusCase[] = [
  {
    name: 'does-not-exist',
    make: (parent) =>
      Promise.resolve({
        path: join(parent, 'gone-walk'),
        expect: {
          file: '"gone-walk"',
          says: /does not exist \(it may have been moved, renamed or deleted\)/,
        },
      }),
  },
  {
    name: 'file-not-folder',
    make: async (parent) => {
      const folder = await plainTrack(parent, 'walk', goodGpx(startFor('file')));
      return {
        path: join(folder, 'walk.gpx'),
        expect: {
          file: '"walk.gpx"',
          says: /is not a folder\. Choose the sequence folder that holds the GPX file/,
        },
      };
    },
  },
  {
    name: 'folder-symlink-loop',
    make: async (parent) => {
      const loop = join(parent, 'loop-walk');
      await symlink(loop, loop);
      return {
        path: loop,
        expect: { file: '"loop-walk"', says: /is a symbolic link that loops back on itself/ },
      };
    },
  },
  {
    name: 'folder-linked-into-itself',
    make: async (parent) => {
      const folder = await plainTrack(parent, 'self-linked', goodGpx(startFor('self-linked')));
      await symlink('.', join(folder, 'again'));
      await symlink('..', join(folder, 'up'));
      return { path: folder, expect: { accepted: true } };
    },
  },
  {
    name: 'gpx-link-loop',
    make: async (parent) => {
      const folder = await folderWith(parent, 'gpx-link-loop');
      await symlink('gpx-link-loop.gpx', join(folder, 'gpx-link-loop.gpx'));
      return {
        path: folder,
        expect: { file: 'gpx-link-loop.gpx', says: /is a symbolic link that loops back on itself/ },
      };
    },
  },
  {
    name: 'gpx-link-outside',
    make: async (parent) => {
      const outside = await folderWith(parent, 'elsewhere', {
        'elsewhere.gpx': goodGpx(startFor('elsewhere')),
      });
      const folder = await folderWith(parent, 'gpx-link-outside');
      await symlink(join(outside, 'elsewhere.gpx'), join(folder, 'gpx-link-outside.gpx'));
      return {
        path: folder,
        expect: {
          file: 'gpx-link-outside.gpx',
          says: /is a link to a file outside the folder, which the app does not follow/,
        },
      };
    },
  },
  {
    name: 'gpx-link-to-etc-passwd',
    make: async (parent) => {
      const folder = await folderWith(parent, 'passwd-link');
      await symlink('/etc/passwd', join(folder, 'passwd-link.gpx'));
      return {
        path: folder,
        expect: { file: 'passwd-link.gpx', says: /is a link to a file outside the folder/ },
      };
    },
  },
  {
    name: 'unreadable-gpx',
    unprivileged: true,
    make: async (parent) => {
      const folder = await plainTrack(parent, 'locked', goodGpx(startFor('locked')));
      await chmod(join(folder, 'locked.gpx'), 0o000);
      return {
        path: folder,
        expect: { file: 'locked.gpx', says: /cannot be read: permission denied/ },
      };
    },
  },
  {
    name: 'gpx-name-not-utf8',
    make: async (parent) => {
      const folder = await folderWith(parent, 'latin1-track');
      await writeFile(bytePath(folder, latin1Name('.gpx')), goodGpx(startFor('latin1')));
      return {
        path: folder,
        expect: {
          file: 'latin1-track/caf\uFFFD.gpx',
          says: /has a file name that is not valid UTF-8 text, so the app cannot open it\. Rename the file/,
        },
      };
    },
  },
  {
    name: 'folder-name-not-utf8',
    make: async (parent) => {
      // A drop hands the app text, so the name arrives with U+FFFD where the byte was.
      const raw = bytePath(parent, latin1Name(''));
      await mkdir(raw);
      await writeFile(Buffer.concat([raw, Buffer.from('/track.gpx')]), goodGpx(startFor('café')));
      return {
        path: join(parent, 'caf\uFFFD'),
        expect: { file: '"caf\uFFFD"', says: /name that is not valid UTF-8/ },
      };
    },
  },
  {
    name: 'sequences-with-non-utf8-child',
    make: async (parent) => {
      // Like ~/MTP/sequences: a folder of sequence folders, here one whose name is not UTF-8.
      const sequences = await folderWith(parent, 'sequences');
      const raw = bytePath(sequences, latin1Name('-walk'));
      await mkdir(raw);
      await writeFile(Buffer.concat([raw, Buffer.from('/track.gpx')]), goodGpx(startFor('cafe')));
      return {
        path: sequences,
        expect: { file: 'caf\uFFFD-walk', says: /name that is not valid UTF-8/ },
      };
    },
  },
  {
    name: 'file-name-255-bytes',
    make: async (parent) => {
      const long = `${'a'.repeat(251)}.gpx`;
      const folder = await folderWith(parent, 'long-file-name', {
        [long]: goodGpx(startFor('long-file')),
      });
      return { path: folder, expect: { accepted: true } };
    },
  },
  {
    name: 'folder-name-255-bytes',
    make: async (parent) => {
      // 127 two-byte characters and one more byte: 255 bytes, the most a Linux name may hold.
      const folder = await folderWith(parent, `${'é'.repeat(127)}x`, {
        'track.gpx': goodGpx(startFor('long-folder')),
      });
      return { path: folder, expect: { accepted: true } };
    },
  },
  {
    name: 'several-gpx',
    make: async (parent) => {
      const folder = await folderWith(parent, 'several', {
        'a.gpx': goodGpx(startFor('a')),
        'b.gpx': goodGpx(startFor('b')),
        'c.gpx': goodGpx(startFor('c')),
      });
      return {
        path: folder,
        expect: {
          file: '"several"',
          says: /holds several GPX files \("a\.gpx", "b\.gpx", "c\.gpx"\), so the app cannot tell which one to upload/,
        },
      };
    },
  },
  {
    name: 'no-gpx',
    make: async (parent) => {
      const folder = await folderWith(parent, 'no-track', { 'notes.txt': 'just notes' });
      return {
        path: folder,
        expect: {
          file: '"no-track"',
          says: /has no GPX file\. Choose a sequence folder that holds one/,
        },
      };
    },
  },
  {
    name: 'gpx-is-a-folder',
    make: async (parent) => {
      const folder = await folderWith(parent, 'dir-track');
      await mkdir(join(folder, 'dir-track.gpx'));
      return { path: folder, expect: { file: '"dir-track"', says: /has no GPX file/ } };
    },
  },
  {
    name: 'gpx-gz-only',
    make: async (parent) => {
      const folder = await folderWith(parent, 'gz-track', {
        'gz-track.gpx.gz': Buffer.from([0x1f, 0x8b, 8, 0]),
      });
      return {
        path: folder,
        expect: { file: 'gz-track.gpx.gz', says: /decompress|unzip|gunzip|extract/i },
      };
    },
  },
  {
    name: 'uppercase-GPX-extension',
    make: async (parent) => {
      const folder = await folderWith(parent, 'shouting', {
        'SHOUTING.GPX': goodGpx(startFor('shouting')),
      });
      return { path: folder, expect: { accepted: true } };
    },
  },
];
