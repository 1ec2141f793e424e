/**
 * The documents module's contracts: inputs checked at the edge, outputs as allow-lists (pure:
 * the web app imports them). Registers, drafts and the document views in schema-outgoing.ts;
 * incoming entries, signature checks, officials, work-queue counts, public verification and
 * figures in schema-incoming.ts; the work queues themselves in queues.ts.
 */
export * from './schema-outgoing.js';
export * from './schema-incoming.js';
export * from './queues.js';
