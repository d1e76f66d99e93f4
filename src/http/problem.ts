// The one error shape of the API: RFC 9457 problem details.
import Type, { type Static } from 'typebox';
import { FieldErrorSchema } from '../errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the kind of problem; about:blank when the status says it all.' }),
    title: Type.String({ description: 'The HTTP status phrase.' }),
    status: Type.Integer(),
    detail: Type.Optional(Type.String({ description: 'What went wrong, for a person to read.' })),
    instance: Type.Optional(Type.String({ description: 'The request path.' })),
    requestId: Type.Optional(Type.String({ description: 'Quote it when reporting a problem.' })),
    errors: Type.Optional(Type.Array(FieldErrorSchema, { description: 'One entry per invalid field.' })),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details.' },
);

export type Problem = Static<typeof ProblemSchema>;

/** Routes name these responses; the handler in plugins/problem-details.ts fills them. */
const ProblemRef = Type.Ref('Problem');
const problemContent = { content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemRef } } };
export const problemResponses = {
  '4xx': { description: 'The request was refused: problem details say why.', ...problemContent },
  '5xx': { description: 'The service failed: problem details with a request id, nothing internal.', ...problemContent },
};

/** The responses of a route that answers 204 with no body when it succeeds. */
export const noContentResponses = { 204: { type: 'null', description: 'Done.' }, ...problemResponses } as const;

/** Answers 204 with no body: the success of a route declared with noContentResponses. */
export function noContent<R extends { code(status: 204): { send(payload: null): unknown } }>(reply: R) {
  return reply.code(204).send(null);
}
