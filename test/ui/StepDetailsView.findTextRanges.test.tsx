import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { findTextRanges } from '../../src/ui/StepDetailsView';

afterEach(cleanup);

/** Each range's text, in order. */
const texts = (ranges: Range[]) => ranges.map((range) => range.toString());

function mount(ui: React.ReactElement): HTMLElement {
  return render(<div>{ui}</div>).container.firstElementChild as HTMLElement;
}

describe('findTextRanges', () => {
  it('finds every case-insensitive occurrence, several in one text node, in document order', () => {
    const root = mount(
      <>
        <p>Weather, weather, WEATHER</p>
        <pre>{'{"name": "get_weather"}'}</pre>
      </>,
    );
    const ranges = findTextRanges(root, 'weather');
    expect(texts(ranges)).toEqual(['Weather', 'weather', 'WEATHER', 'weather']);
    expect(ranges[3]!.startContainer.parentElement?.tagName).toBe('PRE');
  });

  it('takes the query literally and trimmed; a blank one finds nothing', () => {
    const root = mount(<p>max=1.00 at x=(1.56) and max=1x00</p>);
    expect(texts(findTextRanges(root, '  =1.00 '))).toEqual(['=1.00']);
    expect(texts(findTextRanges(root, 'x=(1.'))).toEqual(['x=(1.']);
    expect(findTextRanges(root, '   ')).toEqual([]);
    expect(findTextRanges(root, '')).toEqual([]);
  });

  it('keeps offsets right where lower-casing would change a string’s length', () => {
    const root = mount(<p>İstanbul and istanbul</p>);
    const ranges = findTextRanges(root, 'stanbul');
    expect(texts(ranges)).toEqual(['stanbul', 'stanbul']);
  });

  it('skips text folded in a closed <details> but not its summary, and finds it once open', () => {
    const root = mount(
      <>
        <p>json outside</p>
        <details>
          <summary>Raw JSON</summary>
          <pre>{'{"json": true}'}</pre>
          <details open>
            <summary>Nested json</summary>
            <p>json in an open details inside a closed one</p>
          </details>
        </details>
      </>,
    );
    expect(texts(findTextRanges(root, 'json'))).toEqual(['json', 'JSON']);
    root.querySelector('details')!.open = true;
    expect(findTextRanges(root, 'json')).toHaveLength(5);
  });

  it('does not join a match across two text nodes (each element’s text is matched on its own)', () => {
    const root = mount(
      <p>
        get_<strong>weather</strong>
      </p>,
    );
    expect(findTextRanges(root, 'get_weather')).toEqual([]);
  });
});
