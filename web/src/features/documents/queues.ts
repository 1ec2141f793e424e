import {
  type DocumentQueue,
  type DocumentQueueKey,
  documentQueues,
} from '../../../../src/modules/documents/queues.js';

/**
 * The lists of the documents home: what waits for the reader first, then the registers.
 * The queues themselves (each one server list query and a permission) are the server's
 * (src/modules/documents/queues.ts, a pure module); here only how the home groups them.
 */
export type QueueKey = DocumentQueueKey;

export type QueueDef = DocumentQueue & {
  group: 'todo' | 'registers';
  danger?: boolean;
};

const groups: Readonly<Record<QueueKey, QueueDef['group']>> = {
  sign: 'todo',
  review: 'todo',
  issue: 'todo',
  undirected: 'todo',
  assigned: 'todo',
  overdue: 'todo',
  returned: 'todo',
  drafts: 'todo',
  outgoing: 'registers',
  incoming: 'registers',
  all: 'registers',
};

export const queueDefs: readonly QueueDef[] = documentQueues.map((q) => ({
  ...q,
  group: groups[q.key],
  ...(q.key === 'overdue' ? { danger: true } : {}),
}));
