import { runlensKeys } from 'runlens';

// A Server Component importing from the ROOT entry (hooks and all): it must build and render.
export default function KeysPage() {
  return (
    <main>
      <h1>runlens keys</h1>
      <pre data-testid="keys">{JSON.stringify(runlensKeys.run('thread_1', 'run_1'))}</pre>
    </main>
  );
}
