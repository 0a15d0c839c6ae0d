// One error type with stable codes; every HTTP error answer is an RFC 9457 problem built from it.
// The kernel's own codes are here; each module declares its codes with defineErrors() in its
// errors.ts, which adds them to the catalogue and, through ModuleErrorCodes, to the ErrorCode type.
const kernelCodes = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  SIGNATURE_INVALID: { status: 401, title: 'The signature or secret does not match' },
  FORBIDDEN: { status: 403, title: 'Not allowed for your role' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'Conflict' },
  INVALID_STATE: { status: 409, title: 'Not possible in the current state' },
  LINK_EXPIRED: { status: 410, title: 'This link has expired' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'This route does not accept that content type' },
  DATA_DIR_LOCKED: { status: 423, title: 'The data folder is in use by another process' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many attempts; wait before trying again' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
  UNAVAILABLE: { status: 503, title: 'Not ready yet' },
} as const satisfies ErrorCatalog;

export type ErrorDefinition = { status: number; title: string };
export type ErrorCatalog = Record<string, ErrorDefinition>;

// Modules add their codes here by declaration merging (see defineErrors), so a code nobody
// declared is a type error wherever an AppError is made.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleErrorCodes {}

export type ErrorCode = keyof typeof kernelCodes | keyof ModuleErrorCodes;

const catalogue = new Map<string, ErrorDefinition>(Object.entries(kernelCodes));

/**
 * Declares a module's error codes. Pair it with
 * `declare module '<path to>/platform/errors.js' { interface ModuleErrorCodes extends CodesOf<typeof x> {} }`.
 */
export function defineErrors<const C extends ErrorCatalog>(codes: C): C {
  for (const [code, definition] of Object.entries(codes)) {
    const known = catalogue.get(code);
    if (known && known !== definition) throw new Error(`Error code ${code} is declared twice`);
    catalogue.set(code, definition);
  }
  return codes;
}

export type CodesOf<C extends ErrorCatalog> = { [K in keyof C]: C[K] };

/** Every code known to this process, for the problem-codes page. */
export const errorCatalogue = (): ReadonlyMap<string, ErrorDefinition> => catalogue;

export type InvalidParam = { name: string; reason: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly invalidParams: InvalidParam[] | undefined;
  /** Sent as Retry-After with a 429 or 503. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      invalidParams?: InvalidParam[];
      cause?: unknown;
      retryAfterSeconds?: number;
    } = {},
  ) {
    const def = catalogue.get(code) ?? kernelCodes.INTERNAL;
    super(options.message ?? def.title, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = def.status;
    this.title = def.title;
    this.invalidParams = options.invalidParams;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  requestId?: string;
  invalid_params?: InvalidParam[];
};

export function toProblem(error: AppError, requestId?: string): Problem {
  return {
    type: `/docs/problems#${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(requestId ? { requestId } : {}),
    ...(error.invalidParams ? { invalid_params: error.invalidParams } : {}),
  };
}

type ZodLikeIssue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

// Turns zod issues into invalid_params, one entry per bad field (unknown keys listed by name).
export function validationError(issues: ZodLikeIssue[], where?: string): AppError {
  const invalidParams = issues.flatMap((issue) => {
    const base = [where, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((k) => ({ name: base ? `${base}.${k}` : k, reason: 'Unknown field' }));
    }
    return [{ name: base || '(body)', reason: issue.message }];
  });
  const names = [...new Set(invalidParams.map((p) => p.name))].join(', ');
  return new AppError('VALIDATION_FAILED', { message: `Invalid value for: ${names}`, invalidParams });
}
