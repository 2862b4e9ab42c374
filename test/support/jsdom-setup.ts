// DOM matchers (toHaveTextContent, toBeDisabled, …) for component tests.
import '@testing-library/jest-dom/vitest';
