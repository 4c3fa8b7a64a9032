import { htmlResponse, jsonResponse, type SimResponse } from './sim-response';

/** Django's production 404 page, which MTPW serves for any unknown path (even a missing `/`). */
export function djangoNotFound(): SimResponse {
  return htmlResponse(
    404,
    '<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n',
  );
}

/** Django's production 500 page, what MTPW answers when a view raises (e.g. an unknown uuid). */
export function djangoServerError(status = 500): SimResponse {
  return htmlResponse(
    status,
    `<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (${status})</title>\n</head>\n<body>\n  <h1>Server Error (${status})</h1><p></p>\n</body>\n</html>\n`,
  );
}

/** Django REST framework's 403 when the bearer token is missing or unknown. */
export function drfNotAuthenticated(): SimResponse {
  return jsonResponse(403, { detail: 'Authentication credentials were not provided.' });
}

/** Django REST framework's 405 for a known path under the wrong method. */
export function drfMethodNotAllowed(method: string): SimResponse {
  return jsonResponse(405, { detail: `Method "${method}" not allowed.` });
}

/** MTPW's way of refusing input: HTTP 200 with `status: false`. */
export function mtpwError(error: string): SimResponse {
  return jsonResponse(200, { error, status: false });
}
