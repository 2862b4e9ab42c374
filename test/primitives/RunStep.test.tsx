import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { toolCallSchema } from '../../src/api/schemas';
import { RunStep, ToolCall } from '../../src/primitives';
import './cleanup';
import { XSS, makeMessage, makeStep, toolCallsStep } from './fixtures';

const functionCall = {
  id: 'call_fn',
  type: 'function',
  function: { name: 'get_weather', arguments: `{"city":"${XSS}"}`, output: XSS },
};
const codeCall = {
  id: 'call_code',
  type: 'code_interpreter',
  code_interpreter: {
    input: `print("${XSS}")`,
    outputs: [
      { type: 'logs', logs: XSS },
      { type: 'image', image: { file_id: 'file-img1' } },
    ],
  },
};
const searchCall = {
  id: 'call_search',
  type: 'file_search',
  file_search: {
    results: [{ file_id: 'file-1', file_name: XSS, score: 0.87654, content: [{ type: 'text', text: `chunk ${XSS}` }] }],
  },
};
const futureCall = { id: 'call_new', type: 'computer_use', computer_use: { action: XSS } };

function renderStep(step: ReturnType<typeof makeStep>, details: Parameters<typeof RunStep.Details>[0] = {}) {
  return render(
    <div role="list">
      <RunStep.Root step={step}>
        <RunStep.Details {...details} />
      </RunStep.Root>
    </div>,
  );
}

describe('RunStep', () => {
  it('is a listitem with data-step-type and data-state; ref and className pass through', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <div role="list">
        <RunStep.Root step={makeStep({ status: 'in_progress', completed_at: null })} ref={ref} className="step" />
      </div>,
    );
    const item = screen.getByRole('listitem');
    expect(ref.current).toBe(item);
    expect(item).toHaveClass('step');
    expect(item).toHaveAttribute('data-step-type', 'message_creation');
    expect(item).toHaveAttribute('data-state', 'in_progress');
  });

  it('shows "Loading message…" with aria-busy until the message arrives, then its text as text', () => {
    const step = makeStep();
    const { container, rerender } = renderStep(step);
    const loading = screen.getByText('Loading message…');
    expect(loading.parentElement).toHaveAttribute('aria-busy', 'true');
    rerender(
      <div role="list">
        <RunStep.Root step={step}>
          <RunStep.Details message={makeMessage(`Hello ${XSS}`)} />
        </RunStep.Root>
      </div>,
    );
    expect(screen.getByText(`Hello ${XSS}`)).toBeInTheDocument();
    expect(container.querySelector('[aria-busy]')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });

  it('renders function calls with pretty JSON arguments and raw non-JSON output', () => {
    const { container } = renderStep(toolCallsStep([functionCall]));
    const call = container.querySelector('[data-tool-type="function"]') as HTMLElement;
    expect(within(call).getByText('get_weather')).toBeInTheDocument();
    const [args, output] = call.querySelectorAll('pre');
    expect(args).toHaveAttribute('data-format', 'json');
    expect(args!.textContent).toBe(`{\n  "city": "${XSS}"\n}`);
    expect(output).toHaveAttribute('data-format', 'text');
    expect(output!.textContent).toBe(XSS);
    expect(container.querySelector('img')).toBeNull();
  });

  it('says a function call has no output yet', () => {
    renderStep(toolCallsStep([{ ...functionCall, function: { name: 'f', arguments: '{}', output: null } }]));
    expect(screen.getByText('No output yet')).toBeInTheDocument();
  });

  it('renders code_interpreter code, logs and images (resolved or as file id)', () => {
    const step = toolCallsStep([codeCall]);
    const { container, rerender } = renderStep(step);
    expect(container.querySelector('pre > code')!.textContent).toBe(`print("${XSS}")`);
    expect(screen.getByText(XSS, { selector: 'pre' })).toBeInTheDocument();
    expect(screen.getByText('Output image file-img1')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    rerender(
      <div role="list">
        <RunStep.Root step={step}>
          <RunStep.Details resolveFileUrl={(id) => `https://files.test/${id}`} />
        </RunStep.Root>
      </div>,
    );
    const image = screen.getByRole('img', { name: 'Output image file-img1' });
    expect(image).toHaveAttribute('src', 'https://files.test/file-img1');
    expect(container.querySelectorAll('img')).toHaveLength(1);
  });

  it('renders file_search results: file name, score to 2 decimals, content text', () => {
    const { container } = renderStep(toolCallsStep([searchCall]));
    const results = screen.getByRole('list', { name: 'File search results' });
    const [result] = within(results).getAllByRole('listitem');
    expect(within(result!).getByText(XSS)).toBeInTheDocument();
    expect(within(result!).getByText('0.88')).toBeInTheDocument();
    expect(within(result!).getByText(`chunk ${XSS}`)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('renders an unknown tool type by its original type and JSON', () => {
    const { container } = renderStep(toolCallsStep([futureCall]));
    const call = container.querySelector('[data-tool-type="unknown"]')!;
    expect(call).toHaveAttribute('data-original-type', 'computer_use');
    expect(within(call as HTMLElement).getByText('computer_use')).toBeInTheDocument();
    expect(call.querySelector('pre')!.textContent).toContain(`"action": "${XSS.replace(/"/g, '\\"')}"`);
    expect(container.querySelector('img')).toBeNull();
  });

  it('renders an unknown step type generically', () => {
    const step = makeStep({ type: 'reasoning', step_details: { type: 'reasoning', summary: XSS } });
    const { container } = renderStep(step);
    expect(screen.getByRole('listitem')).toHaveAttribute('data-step-type', 'unknown');
    expect(screen.getByText('reasoning')).toBeInTheDocument();
    expect(container.querySelector('pre')!.textContent).toContain(XSS);
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('ToolCall.Root', () => {
  it('dispatches on type and passes props through', () => {
    const ref = createRef<HTMLDivElement>();
    const toolCall = toolCallSchema.parse(codeCall);
    render(<ToolCall.Root toolCall={toolCall} ref={ref} className="call" data-x="1" />);
    expect(ref.current).toHaveAttribute('data-tool-type', 'code_interpreter');
    expect(ref.current).toHaveAttribute('data-call-id', 'call_code');
    expect(ref.current).toHaveClass('call');
    expect(ref.current).toHaveAttribute('data-x', '1');
  });
});
