import { describe } from 'vitest';
import { createMemoryProxyStore } from '../../../src/proxy/store/memory';
import { proxyStoreContract } from './proxy-store-contract';

// The in-memory store passes the contract the SQL stores pass; "at once" here is one event loop.
describe('createMemoryProxyStore', () => {
  proxyStoreContract({ open: async () => createMemoryProxyStore() });
});
