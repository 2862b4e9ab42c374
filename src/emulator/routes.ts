import { createAssistant, getAssistant, listAssistants } from './handlers/assistants.js';
import { createMessage, getMessage, listMessages } from './handlers/messages.js';
import {
  cancelRun, createRun, getRun, getRunStep, listRuns, listRunSteps, modifyRun, submitToolOutputs,
} from './handlers/runs.js';
import { createThread, createThreadAndRun, getThread } from './handlers/threads.js';
import { responsesRoutes } from './responses/routes.js';
import type { Route } from './router.js';

/** Every path the emulator serves, below `/v1`: the Assistants API's, then the Responses API's. Literal segments come before parameters. */
export const routes: readonly Route[] = [
  { method: 'GET', pattern: '/assistants', handler: listAssistants },
  { method: 'POST', pattern: '/assistants', handler: createAssistant },
  { method: 'GET', pattern: '/assistants/:assistant_id', handler: getAssistant },
  { method: 'POST', pattern: '/threads', handler: createThread },
  { method: 'POST', pattern: '/threads/runs', handler: createThreadAndRun },
  { method: 'GET', pattern: '/threads/:thread_id', handler: getThread },
  { method: 'GET', pattern: '/threads/:thread_id/messages', handler: listMessages },
  { method: 'POST', pattern: '/threads/:thread_id/messages', handler: createMessage },
  { method: 'GET', pattern: '/threads/:thread_id/messages/:message_id', handler: getMessage },
  { method: 'GET', pattern: '/threads/:thread_id/runs', handler: listRuns },
  { method: 'POST', pattern: '/threads/:thread_id/runs', handler: createRun },
  { method: 'GET', pattern: '/threads/:thread_id/runs/:run_id', handler: getRun },
  { method: 'POST', pattern: '/threads/:thread_id/runs/:run_id', handler: modifyRun },
  { method: 'POST', pattern: '/threads/:thread_id/runs/:run_id/cancel', handler: cancelRun },
  { method: 'POST', pattern: '/threads/:thread_id/runs/:run_id/submit_tool_outputs', handler: submitToolOutputs },
  { method: 'GET', pattern: '/threads/:thread_id/runs/:run_id/steps', handler: listRunSteps },
  { method: 'GET', pattern: '/threads/:thread_id/runs/:run_id/steps/:step_id', handler: getRunStep },
  ...responsesRoutes,
];
