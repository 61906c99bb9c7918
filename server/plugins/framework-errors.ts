import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_JSON, TITLES } from './problem';

/** amoCRM's problem body, as bytes ready for a socket or a reply. */
function problemBody(status: number, detail: string): string {
  return JSON.stringify({
    title: TITLES[status] ?? STATUS_CODES[status] ?? 'Error',
    type: `https://httpstatus.es/${status}`,
    status,
    detail,
  });
}

/** Errors the router raises before any route (and so before the error handler) runs. */
const routerErrors: Record<string, { status: number; detail: string }> = {
  FST_ERR_BAD_URL: { status: 400, detail: 'Malformed URL: a percent-encoding is invalid' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, detail: 'A path segment is too long' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, detail: 'Bad request' },
};

/**
 * Fastify's `frameworkErrors`: a URL the router cannot decode answers problem+json like every
 * other error, not Fastify's own JSON shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = routerErrors[error.code];
  const status = known?.status ?? 400;
  request.log.info({ code: error.code }, 'request refused before routing');
  void reply
    .code(status)
    .header('content-type', PROBLEM_JSON)
    .header('x-request-id', request.id)
    // A Buffer, so Fastify appends no charset: amoCRM clients compare the type exactly.
    .send(Buffer.from(problemBody(status, known?.detail ?? 'Bad request')));
}

/** Node's parser errors, by code: what the client sent that HTTP could not carry. */
function clientProblem(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, detail: 'The request line or headers are too large (at most 16 KB)' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, detail: 'The request took too long to arrive' };
  }
  if (code === 'HPE_URI_TOO_LONG') return { status: 414, detail: 'The URI is too long' };
  return { status: 400, detail: 'Malformed HTTP request' };
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the request (headers or URI too
 * large, malformed request line), so there is no request object; answer problem+json on the
 * socket and close it.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, detail } = clientProblem(error.code);
    const body = problemBody(status, detail);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
        `Content-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
