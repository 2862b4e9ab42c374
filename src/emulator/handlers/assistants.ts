import { json } from '../http.js';
import { paginate, parseListQuery } from '../pagination.js';
import { assistantParams } from '../request-bodies.js';
import type { Handler } from '../router.js';
import { pathParam } from './params.js';

export const listAssistants: Handler = ({ engine, url }) =>
  json(paginate([...engine.store.assistants.values()], parseListQuery(url.searchParams)));

export const createAssistant: Handler = ({ engine, body, now }) => json(engine.createAssistant(assistantParams(body), now));

export const getAssistant: Handler = (context) => json(context.engine.store.assistant(pathParam(context, 'assistant_id')));
