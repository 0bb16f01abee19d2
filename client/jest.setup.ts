import { jest } from '@jest/globals';
import '@testing-library/jest-dom/jest-globals';

// userEvent types key by key and a page renders several queries: on a busy 2-core machine one test can take more
// than Jest's default 5 s without anything being wrong.
jest.setTimeout(20_000);
