import type { FastifyRequest } from 'fastify';
import type { Actor } from './http/access.js';

/** Who is acting and on which request: passed from routes to services, recorded by audit. */
export type RequestContext = Readonly<{
  actor: Actor | null;
  requestId: string | null;
  clientIp: string | null;
  /** Set only by command-line tools and seeds: who acts when no user does. */
  systemLabel?: string;
}>;

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id, clientIp: request.ip };
}

/** For command-line tools and seeds: an actor-less context labelled by the tool. */
export function systemContext(label: string): RequestContext {
  return { actor: null, requestId: `cli:${label}`, clientIp: null, systemLabel: `cli:${label}` };
}
