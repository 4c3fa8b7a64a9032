import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FormDataEncoder } from 'form-data-encoder';
import { File, FormData } from 'formdata-node';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskFile } from '../../src/core/http/disk-file';
import { requestBody } from '../../src/core/http/request-body';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The body form-data-encoder itself streams for `form`, with the same boundary. */
async function encodedByLibrary(form: FormData, boundary: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of new FormDataEncoder(form, boundary).encode()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const boundaryOf = (contentType: string | undefined): string =>
  /boundary=(.+)$/.exec(contentType ?? '')?.[1] ?? '';

describe('a small multipart body, sent as one buffer', () => {
  it('holds exactly what the encoder streams, for a file in memory and one on disk', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mtp-body-'));
    const onDisk = join(dir, 'track.gpx');
    await writeFile(onDisk, Buffer.from('<gpx>on disk, with ünïcode</gpx>'));
    const form = new FormData();
    form.set('data_type', 'gpx.gz');
    form.set('name', 'Lagoon "loop" — ünïcode');
    form.set('file', new File([Buffer.from([0x1f, 0x8b, 0, 255, 10, 13])], 'track.gpx.gz'));
    form.set('second', await DiskFile.open(onDisk));

    const body = await requestBody({ method: 'POST', url: 'http://127.0.0.1/', multipart: form });

    expect(Buffer.isBuffer(body.payload)).toBe(true);
    const boundary = boundaryOf(body.headers['Content-Type']);
    expect(boundary).not.toBe('');
    const expected = await encodedByLibrary(form, boundary);
    expect(body.payload).toEqual(expected);
    expect(Number(body.headers['Content-Length'])).toBe(expected.length);
  });

  it('still refuses a file on disk that changed after it was described', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mtp-body-'));
    const onDisk = join(dir, 'track.gpx');
    await writeFile(onDisk, '<gpx/>');
    const form = new FormData();
    form.set('file', await DiskFile.open(onDisk));
    await writeFile(onDisk, '<gpx>longer now</gpx>');

    await expect(
      requestBody({ method: 'POST', url: 'http://127.0.0.1/', multipart: form }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('changed while it was being sent'),
    });
  });

  it('streams a body too large to hold instead', async () => {
    const form = new FormData();
    form.set('file', new File([Buffer.alloc(5 * 1024 * 1024, 1)], 'big.gpx'));
    const body = await requestBody({ method: 'POST', url: 'http://127.0.0.1/', multipart: form });
    expect(body.payload).toBeInstanceOf(Readable);
  });
});
