import { json } from '../http';
import { paginate, parseListQuery } from '../pagination';
import { assistantParams } from '../request-bodies';
import type { Handler } from '../router';
import { pathParam } from './params';

export const listAssistants: Handler = ({ engine, url }) =>
  json(paginate([...engine.store.assistants.values()], parseListQuery(url.searchParams)));

export const createAssistant: Handler = ({ engine, body, now }) => json(engine.createAssistant(assistantParams(body), now));

export const getAssistant: Handler = (context) => json(context.engine.store.assistant(pathParam(context, 'assistant_id')));
