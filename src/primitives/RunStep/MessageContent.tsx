'use client';

import type { Message, MessageContent as MessageContentPart } from '../../api/schemas/message.js';
import type { ResolveFileUrl } from '../ToolCall/ToolCallContext.js';

function ContentPart({ part, resolveFileUrl }: { part: MessageContentPart; resolveFileUrl?: ResolveFileUrl }) {
  switch (part.type) {
    case 'text':
      return <p data-part="text">{part.text.value}</p>;
    case 'refusal':
      return <p data-part="refusal">{part.refusal}</p>;
    case 'image_file': {
      const fileId = part.image_file.file_id;
      const url = resolveFileUrl?.(fileId);
      return url ? (
        <img data-part="image" src={url} alt={`Image ${fileId}`} />
      ) : (
        <span data-part="image-file">Image {fileId}</span>
      );
    }
    case 'image_url':
      return <img data-part="image" src={part.image_url.url} alt="Image from URL" />;
    default:
      return <span data-part="unknown-content">Content of type {part.original_type}</span>;
  }
}

/** A message's content parts, every string as a text node. */
export function MessageContent({ message, resolveFileUrl }: { message: Message; resolveFileUrl?: ResolveFileUrl }) {
  return (
    <div data-part="message" data-message-id={message.id} data-role={message.role}>
      {message.content.map((part, index) => (
        <ContentPart key={index} part={part} resolveFileUrl={resolveFileUrl} />
      ))}
    </div>
  );
}
