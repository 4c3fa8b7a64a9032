import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { readBody } from './request-body';

const gunzipAsync = promisify(gunzip);

/** Far above Strava's ~25 MB file limit; beyond it the file is cut off and refused. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** An upload form: its text fields and its file (raw bytes, as sent). */
export interface UploadForm {
  fields: Record<string, string>;
  file: { name: string; data: Buffer; truncated: boolean } | undefined;
}

/**
 * Streams a multipart upload in with busboy. The file is kept compressed as sent,
 * because `data_type` (which says whether it is gzip) may arrive after the file.
 * A body that is not multipart is read as a url-encoded form without a file.
 */
export async function readUploadForm(req: IncomingMessage): Promise<UploadForm> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) {
    const body = (await readBody(req)).toString('utf8');
    return { fields: Object.fromEntries(new URLSearchParams(body)), file: undefined };
  }
  return new Promise<UploadForm>((resolve, reject) => {
    const form: UploadForm = { fields: {}, file: undefined };
    const chunks: Buffer[] = [];
    const parser = busboy({ headers: req.headers, limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
    parser.on('field', (name, value) => {
      form.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || form.file) {
        stream.resume();
        return;
      }
      const file = { name: info.filename ?? '', data: Buffer.alloc(0), truncated: false };
      form.file = file;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        file.truncated = true;
      });
    });
    parser.on('close', () => {
      if (form.file) form.file.data = Buffer.concat(chunks);
      resolve(form);
    });
    parser.on('error', reject);
    req.pipe(parser);
  });
}

/** Gunzips upload data; undefined when it is not valid gzip (Strava: "invalid encoding"). */
export async function gunzipUpload(data: Buffer): Promise<Buffer | undefined> {
  if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) return undefined;
  try {
    return await gunzipAsync(data, { maxOutputLength: MAX_FILE_BYTES * 4 });
  } catch {
    return undefined;
  }
}
