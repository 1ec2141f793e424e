import type { Query } from '../../app/api';
import type { Permission } from '../../app/types';

/**
 * The lists of the documents home: what waits for the reader first, then the registers.
 * Each is one server query (outgoing or incoming); its count is the query's total.
 */
export type QueueKey =
  | 'sign'
  | 'review'
  | 'issue'
  | 'undirected'
  | 'assigned'
  | 'overdue'
  | 'returned'
  | 'drafts'
  | 'outgoing'
  | 'incoming'
  | 'all';

export type QueueDef = {
  key: QueueKey;
  source: 'outgoing' | 'incoming';
  query: Query;
  permission: Permission;
  group: 'todo' | 'registers';
  danger?: boolean;
};

export const queueDefs: readonly QueueDef[] = [
  {
    key: 'sign',
    source: 'outgoing',
    query: { box: 'mine', state: 'approved' },
    permission: 'document.sign',
    group: 'todo',
  },
  {
    key: 'review',
    source: 'outgoing',
    query: { box: 'mine', state: 'in_review' },
    permission: 'document.approve',
    group: 'todo',
  },
  {
    key: 'issue',
    source: 'outgoing',
    query: { box: 'mine', state: 'signed' },
    permission: 'document.issue',
    group: 'todo',
  },
  {
    key: 'undirected',
    source: 'incoming',
    query: { filter: 'undirected' },
    permission: 'document.direct',
    group: 'todo',
  },
  {
    key: 'assigned',
    source: 'incoming',
    query: { filter: 'mine' },
    permission: 'document.handle',
    group: 'todo',
  },
  {
    key: 'overdue',
    source: 'incoming',
    query: { filter: 'overdue' },
    permission: 'document.read',
    group: 'todo',
    danger: true,
  },
  {
    key: 'returned',
    source: 'outgoing',
    query: { box: 'mine', state: 'returned' },
    permission: 'document.draft',
    group: 'todo',
  },
  {
    key: 'drafts',
    source: 'outgoing',
    query: { box: 'mine', state: 'draft' },
    permission: 'document.draft',
    group: 'todo',
  },
  {
    key: 'outgoing',
    source: 'outgoing',
    query: { state: 'issued' },
    permission: 'document.read',
    group: 'registers',
  },
  {
    key: 'incoming',
    source: 'incoming',
    query: { filter: 'all' },
    permission: 'document.read',
    group: 'registers',
  },
  { key: 'all', source: 'outgoing', query: {}, permission: 'document.read', group: 'registers' },
];
