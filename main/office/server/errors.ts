// Every refusal in the contract's shape, {"error": {"code", "message"}}, a 4xx for what the
// caller got wrong, never a stack trace: the hub's rules (main/hub/server/errors.ts) for the
// office, which may not import the hub's internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ZodError } from 'zod';
import { DomainError } from '../../common/errors.js';
import { STATUS_OF_KIND } from '../../node/http-status.js';


const codeOfStatus = (status: number) => (STATUS_CODES[status] ?? 'bad request').toLowerCase().replace(/[^a-z]+/g, '_');

function answerOf(err: unknown): { status: number; code: string; message: string; details?: Record<string, unknown> } {
  if (err instanceof DomainError) return { status: STATUS_OF_KIND[err.kind], code: err.code, message: err.message, ...(err.details && { details: err.details }) };
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return { status: 400, code: 'invalid_request', message: issue ? `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` : 'The request is not valid.' };
  }
  const fe = err as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'bad_json' : codeOfStatus(fe.statusCode);
    return { status: fe.statusCode, code, message: code === 'bad_json' ? 'The request body is not valid JSON.' : (fe.message ?? 'Bad request.') };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong inside the office; it has been logged.' };
}

function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, code, message, details } = answerOf(err);
  if (status >= 500) request.log.error({ err }, 'unexpected error');
  void reply.status(status).send({ error: { code, message, ...(details && { details }) } });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'not_found', message: `There is no ${request.method} ${request.url.split('?')[0]}.` } });
  });
}

export const frameworkErrors = (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendError(err, request, reply);

/** What Node's HTTP parser refuses before fastify sees a request: one answer in the shape, then close. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large', 'The request headers are too large.'] : [400, 'bad_request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}
