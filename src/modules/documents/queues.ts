/**
 * The work queues of the documents home (pure: the web app may import this file): each is one
 * list query, outgoing or incoming, shown to whoever holds its permission somewhere. The
 * counts endpoint runs exactly these queries through the lists' own query builders.
 */

export const documentQueueKeys = [
  'sign',
  'review',
  'issue',
  'undirected',
  'assigned',
  'overdue',
  'returned',
  'drafts',
  'outgoing',
  'incoming',
  'all',
] as const;
export type DocumentQueueKey = (typeof documentQueueKeys)[number];

export type DocumentQueue =
  | {
      key: DocumentQueueKey;
      source: 'outgoing';
      query: {
        box?: 'all' | 'mine';
        state?: 'draft' | 'returned' | 'in_review' | 'approved' | 'signed' | 'issued';
      };
      permission: string;
    }
  | {
      key: DocumentQueueKey;
      source: 'incoming';
      query: { filter: 'all' | 'overdue' | 'mine' | 'undirected' };
      permission: string;
    };

export const documentQueues: readonly DocumentQueue[] = [
  {
    key: 'sign',
    source: 'outgoing',
    query: { box: 'mine', state: 'approved' },
    permission: 'document.sign',
  },
  {
    key: 'review',
    source: 'outgoing',
    query: { box: 'mine', state: 'in_review' },
    permission: 'document.approve',
  },
  {
    key: 'issue',
    source: 'outgoing',
    query: { box: 'mine', state: 'signed' },
    permission: 'document.issue',
  },
  {
    key: 'undirected',
    source: 'incoming',
    query: { filter: 'undirected' },
    permission: 'document.direct',
  },
  { key: 'assigned', source: 'incoming', query: { filter: 'mine' }, permission: 'document.handle' },
  { key: 'overdue', source: 'incoming', query: { filter: 'overdue' }, permission: 'document.read' },
  {
    key: 'returned',
    source: 'outgoing',
    query: { box: 'mine', state: 'returned' },
    permission: 'document.draft',
  },
  {
    key: 'drafts',
    source: 'outgoing',
    query: { box: 'mine', state: 'draft' },
    permission: 'document.draft',
  },
  { key: 'outgoing', source: 'outgoing', query: { state: 'issued' }, permission: 'document.read' },
  { key: 'incoming', source: 'incoming', query: { filter: 'all' }, permission: 'document.read' },
  { key: 'all', source: 'outgoing', query: {}, permission: 'document.read' },
];
