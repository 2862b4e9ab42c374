import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { App } from '../../examples/WeatherRun';
import { advanceUntilSettled, setup } from './harness';

it('the README shows examples/WeatherRun.tsx word for word', () => {
  // jsdom gives import.meta.url an http: scheme, so resolve from the project root instead.
  const readme = readFileSync(resolve('README.md'), 'utf8');
  const example = readFileSync(resolve('examples/WeatherRun.tsx'), 'utf8');
  expect(readme).toContain(example.trim());
});

it('the README example starts a run, answers its tool call and sees it complete', async () => {
  const { openai, clock, createThread } = await setup();
  const threadId = await createThread();
  const user = userEvent.setup();
  render(<App openai={openai} threadId={threadId} />);

  await user.click(screen.getByRole('button', { name: 'Start a run' }));
  const answer = await advanceUntilSettled(clock, screen.findByRole('button', { name: /^Answer \d+ tool call/ }, { timeout: 8000 }));
  expect(screen.getByRole('status')).toHaveTextContent('Status: requires_action');

  await user.click(answer);
  await advanceUntilSettled(clock, screen.findByText('Status: completed', {}, { timeout: 8000 }));
  expect(screen.queryByRole('button', { name: /answer/i })).toBeNull();
}, 20_000);
