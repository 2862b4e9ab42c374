// zod/mini schemas for the Responses and Conversations APIs, written from the spec's
// responses.openapi.json (see ../common.ts for how they are written). Responses are loose (new
// fields pass through) and unknown item and event types parse as `{ type: 'unknown', ... }`, so a
// newer server does not break a client. Not yet part of any entry point.
export * from './message-content.js';
export * from './output-items.js';
export * from './response.js';
export * from './conversation.js';
export * from './stream-events.js';
