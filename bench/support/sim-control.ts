import { createHttpClient } from '../../src/core/http/http-client';

/** The control calls' own client, so their sockets do not mix with the pipeline's. */
const controlClient = createHttpClient();

/**
 * Posts JSON to the simulator's control API through the app's own HTTP client. Not
 * `fetch`: its parser is WebAssembly, which V8 then compiles on a background thread
 * for the next 100 ms or so, inside the measured run, at a cost the app never pays.
 */
export async function simControl(simUrl: string, path: string, body: unknown): Promise<unknown> {
  const response = await controlClient.send({
    method: 'POST',
    url: `${simUrl}/__sim/${path}`,
    json: body,
  });
  return JSON.parse(response.text) as unknown;
}
