import type * as z from 'zod/mini';
import { issueMessage, type FieldError, type Locale } from '../src/contract/index.js';

/** Zod's issues as the contract's field errors: a dotted path, a rule code and a sentence for the user. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldError[] {
  return issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      path: [...issue.path, ...(key === undefined ? [] : [key])].map(String).join('.'),
      code: issue.code === 'custom' ? issue.message : issue.code,
      message: issueMessage(issue as Parameters<typeof issueMessage>[0], locale),
    }));
  });
}

