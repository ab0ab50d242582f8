// Every failure leaves the hub in the contract's shape: {"error": {"code", "message"}}, a 4xx
// for anything the caller got wrong, never a stack trace. Only a fault of ours is a 500.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { DomainError } from '../queue/index.js';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../storage/faults.js';
import { HttpError } from './http-error.js';

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

export function describeZodError(err: ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'The request is not valid.';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

export function toErrorAnswer(err: unknown): { status: number; code: string; message: string } {
  if (err instanceof HttpError || err instanceof DomainError) return { status: err.status, code: err.code, message: err.message };
  if (err instanceof ZodError) return { status: 400, code: 'invalid_request', message: describeZodError(err) };
  // The transaction rolled back, so nothing was written; reads are still served.
  if (isStorageFull(err)) return { status: 503, code: 'storage_full', message: STORAGE_FULL_MESSAGE };
  const fe = err as Partial<FastifyError> & { statusCode?: number };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = (fe.code && FASTIFY_CODES[fe.code]) ?? 'bad_request';
    const message = code === 'bad_json' ? 'The request body is not valid JSON.' : (fe.message ?? 'Bad request.');
    return { status: fe.statusCode, code, message };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong inside the hub; it has been logged.' };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const answer = toErrorAnswer(err);
    if (answer.status >= 500) request.log.error({ err }, 'unexpected error');
    void reply.status(answer.status).send({ error: { code: answer.code, message: answer.message } });
  });
}
