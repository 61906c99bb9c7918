import type { FastifyReply } from 'fastify';

export const HAL_JSON = 'application/hal+json';
export const PROBLEM_JSON = 'application/problem+json';

export const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Sends amoCRM's problem+json: `{title, type, status, detail, ...extra}`. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
  title = TITLES[status] ?? 'Error',
) {
  return reply
    .code(status)
    .type(PROBLEM_JSON)
    .send({ title, type: `https://httpstatus.es/${status}`, status, detail, ...extra });
}
