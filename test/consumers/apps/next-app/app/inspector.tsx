'use client';

import { RunInspector } from 'runlens/ui';

export function Inspector({ threadId, runId }: { threadId: string; runId: string }) {
  return (
    <RunInspector
      threadId={threadId}
      defaultRunId={runId}
      assistants={[{ id: 'asst_demo_message', name: 'Concise helper' }]}
    />
  );
}
