// One error type with stable codes; every HTTP error answer is an RFC 9457 problem built from it.
export const errorCodes = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  INVALID_CREDENTIALS: { status: 401, title: 'Email or password is wrong' },
  FORBIDDEN: { status: 403, title: 'Not allowed for your role' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  WORKSPACE_NOT_FOUND: { status: 404, title: 'Workspace not found' },
  USER_NOT_FOUND: { status: 404, title: 'User not found' },
  TEAM_NOT_FOUND: { status: 404, title: 'Team not found' },
  API_KEY_NOT_FOUND: { status: 404, title: 'API key not found' },
  CUSTOMER_NOT_FOUND: { status: 404, title: 'Customer not found' },
  CONVERSATION_NOT_FOUND: { status: 404, title: 'Conversation not found' },
  QUALITY_NOT_SCORED: { status: 404, title: 'This conversation has not been scored' },
  COACHING_TASK_NOT_FOUND: { status: 404, title: 'Coaching task not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'Conflict' },
  IDENTITY_TAKEN: { status: 409, title: 'This identity belongs to another customer' },
  EMAIL_TAKEN: { status: 409, title: 'This email is already registered' },
  TEAM_NAME_TAKEN: { status: 409, title: 'A team with this name exists' },
  ALREADY_MEMBER: { status: 409, title: 'Already a member of this workspace' },
  CUSTOMER_MERGED: { status: 409, title: 'This customer was merged into another' },
  INVALID_STATE: { status: 409, title: 'Not possible in the current state' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Send JSON with Content-Type: application/json' },
  DATA_DIR_LOCKED: { status: 423, title: 'The data folder is in use by another process' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
  UNAVAILABLE: { status: 503, title: 'Not ready yet' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;
export type InvalidParam = { name: string; reason: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly invalidParams: InvalidParam[] | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; invalidParams?: InvalidParam[]; cause?: unknown } = {},
  ) {
    const def = errorCodes[code];
    super(options.message ?? def.title, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = def.status;
    this.title = def.title;
    this.invalidParams = options.invalidParams;
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
