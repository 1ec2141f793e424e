import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { DomainError, type LocalizedText, statusOfKind } from '../errors.js';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export type Lang = 'vi' | 'en';

/** Vietnamese unless the client prefers English (Accept-Language or the `lang` cookie). */
export function requestLang(request: FastifyRequest): Lang {
  const cookie = request.cookies?.lang;
  if (cookie === 'en' || cookie === 'vi') return cookie;
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** Renders an RFC 9457 problem. The one place that decides what an error looks like on the wire. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: LocalizedText,
  extensions: Readonly<Record<string, unknown>> = {},
): FastifyReply {
  const lang = requestLang(request);
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:openprovince:problem:${code}`,
      title: titles[status] ?? 'Error',
      status,
      code,
      detail: detail[lang],
      detailVi: detail.vi,
      detailEn: detail.en,
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...extensions,
    });
}

const generic = {
  malformed: {
    vi: 'Nội dung yêu cầu không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  validation: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.' },
  tooLarge: { vi: 'Nội dung yêu cầu quá lớn.', en: 'The request body is too large.' },
  mediaType: {
    vi: 'Kiểu nội dung không được hỗ trợ.',
    en: 'This content type is not supported.',
  },
  notFound: { vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such route.' },
  internal: {
    vi: 'Đã có lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị viên với mã yêu cầu.',
    en: 'An unexpected error occurred. Please retry or contact the administrator with the request id.',
  },
  rateLimited: {
    vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.',
    en: 'Too many requests. Please try again later.',
  },
} satisfies Record<string, LocalizedText>;

/** Replaces Fastify's handlers: domain errors keep their code, everything else is generic. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 404, 'http.not_found', generic.notFound),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const retryAfter = error.extensions.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return sendProblem(
        request,
        reply,
        statusOfKind[error.kind],
        error.code,
        error.detail,
        error.extensions,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        in: error.validationContext,
        path: v.instancePath || '/',
        message: v.message,
      }));
      return sendProblem(request, reply, 400, 'http.validation_failed', generic.validation, {
        errors,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response failed its schema');
      return sendProblem(request, reply, 500, 'http.internal', generic.internal);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, 400, 'http.malformed_json', generic.malformed);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, 413, 'http.body_too_large', generic.tooLarge);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(request, reply, 415, 'http.unsupported_media_type', generic.mediaType);
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(request, reply, 400, 'http.bad_request', generic.validation);
    }
    if (error instanceof SyntaxError) {
      return sendProblem(request, reply, 400, 'http.malformed_json', generic.malformed);
    }
    if (error.statusCode === 429) {
      return sendProblem(request, reply, 429, 'http.rate_limited', generic.rateLimited);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, 'http.bad_request', generic.validation);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, 500, 'http.internal', generic.internal);
  });
}
