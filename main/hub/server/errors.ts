// Every failure leaves the hub in the contract's shape: {"error": {"code", "message"}}, a 4xx
// for anything the caller got wrong, never a stack trace. Only a fault of ours is a 500.
// That includes what fastify and Node's HTTP parser refuse before any route runs: a bad URL
// encoding, an overlong parameter, a body too large or of another type, headers too large.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError } from '../../common/errors.js';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../storage/faults.js';
import { STATUS_OF_KIND } from '../../node/http-status.js';


/** Fastify's own 4xx errors, by code: ours, with a message for the person reading it. */
const FASTIFY_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as JSON, with Content-Type: application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'The Content-Length does not match the body.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'bad_request', message: 'The Content-Type header is not valid.' },
  FST_ERR_BAD_URL: { code: 'bad_url', message: 'The address is not valid: a part of it is not proper URL encoding.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'uri_too_long', message: 'A part of the address is too long.' },
};

/** 429 → too_many_requests: the code of a 4xx nobody named, from its status. */
function codeOfStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'bad request').toLowerCase().replace(/[^a-z]+/g, '_');
}

export function describeZodError(err: ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'The request is not valid.';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

export function toErrorAnswer(err: unknown): { status: number; code: string; message: string; details?: Record<string, unknown> } {
  if (err instanceof DomainError) {
    return { status: STATUS_OF_KIND[err.kind], code: err.code, message: err.message, ...(err.details && { details: err.details }) };
  }
  if (err instanceof ZodError) return { status: 400, code: 'invalid_request', message: describeZodError(err) };
  // The transaction rolled back, so nothing was written; reads are still served.
  if (isStorageFull(err)) return { status: 503, code: 'storage_full', message: STORAGE_FULL_MESSAGE };
  const fe = err as Partial<FastifyError> & { statusCode?: number };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const known = fe.code ? FASTIFY_ERRORS[fe.code] : undefined;
    // A plugin's own 4xx (a rate limit…) keeps its message: written for callers, never a stack.
    return { status: fe.statusCode, code: known?.code ?? codeOfStatus(fe.statusCode), message: known?.message ?? fe.message ?? 'Bad request.' };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong inside the hub; it has been logged.' };
}

function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const answer = toErrorAnswer(err);
  if (answer.status >= 500) request.log.error({ err }, 'unexpected error');
  const { code, message, details } = answer;
  void reply.status(answer.status).send({ error: { code, message, ...(details && { details }) } });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
  // A plugin that answers a bare 4xx (the WebSocket route to a plain GET) still speaks the shape.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 || (payload !== undefined && payload !== null && payload !== '')) return payload;
    const where = `${request.method} ${request.url.split('?')[0]}`;
    void reply.type('application/json; charset=utf-8');
    return JSON.stringify({ error: { code: codeOfStatus(reply.statusCode), message: `${STATUS_CODES[reply.statusCode] ?? 'Error'}: ${where} has no answer for this request.` } });
  });
}

/** Fastify's `frameworkErrors` option: what its router refuses (bad encoding 400, long parameter 414). */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendError(err, request, reply);
}

/** What Node's HTTP parser refuses before fastify sees a request, by the parser's error code. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', message: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', message: 'The request took too long to arrive.' },
  ERR_HTTP_HEADERS_TIMEOUT: { status: 408, code: 'request_timeout', message: 'The request headers took too long to arrive.' },
};
const MALFORMED = { status: 400, code: 'bad_request', message: 'The request is not valid HTTP.' };

/**
 * Fastify's `clientErrorHandler` (the server's 'clientError' event): writes one complete HTTP
 * response in the contract's shape, then closes the connection, which the parser cannot resume.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = (err.code && CLIENT_ERRORS[err.code]) || MALFORMED;
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
