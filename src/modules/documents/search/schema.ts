import { z } from 'zod';

/** Document search: the query, the hits, saved searches (pure: the web app imports them). */

const IsoDate = z.iso.date();

/** A search reads at most this many hits (the newest matches, ranked); narrow it to see more. */
export const MAX_SEARCH_RESULTS = 1000;

export const SearchDirection = z.enum(['outgoing', 'incoming']);

/** What a search asks (also what a saved search keeps). */
export const SearchCriteria = z.object({
  /** Words, with or without diacritics ("quyet dinh ve viec"); empty: filters only. */
  q: z.string().trim().max(300).optional(),
  /** An agency (and its units) among those one reads; else all of them. */
  agencyId: z.uuid().optional(),
  typeKey: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  /** Outgoing: issued by the agencies one reads; incoming: in their incoming registers. */
  direction: SearchDirection.optional(),
  /** The period, on the issue date (default) or the day received. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  dateOf: z.enum(['issued', 'received']).default('issued'),
  /** The signer's full name (diacritics and case ignored), or the signer's user id. */
  signer: z.string().trim().min(1).max(200).optional(),
  signerUserId: z.uuid().optional(),
  /** An outgoing or incoming register. */
  registerId: z.uuid().optional(),
});
export type SearchCriteria = z.infer<typeof SearchCriteria>;

export const SearchPaging = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(MAX_SEARCH_RESULTS).default(0),
});

export const SearchQuery = SearchCriteria.extend(SearchPaging.shape);
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  id: z.uuid(),
  origin: z.enum(['internal', 'external']),
  state: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  typeKey: z.string(),
  typeName: z.string(),
  number: z.number().int().nullable(),
  symbol: z.string().nullable(),
  summary: z.string(),
  issuerName: z.string(),
  signerName: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  receivedOn: IsoDate.nullable(),
  urgency: z.string(),
  /** The incoming entry of one of the reader's agencies, to open it there. */
  incomingId: z.uuid().nullable(),
  /** A passage of the text around the first word found. */
  snippet: z.string().nullable(),
  rank: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchPage = z.object({
  items: z.array(SearchHit),
  /** Hits found, at most MAX_SEARCH_RESULTS. */
  total: z.number().int(),
  /** True when there were more hits than MAX_SEARCH_RESULTS (only the newest are ranked). */
  isTotalCapped: z.boolean(),
});
export type SearchPage = z.infer<typeof SearchPage>;

export const SaveSearchInput = z.object({
  name: z.string().trim().min(1).max(200),
  criteria: SearchCriteria,
});
export type SaveSearchInput = z.infer<typeof SaveSearchInput>;

export const SavedSearchView = z.object({
  id: z.uuid(),
  name: z.string(),
  criteria: SearchCriteria,
  createdAt: z.date(),
});
export type SavedSearchView = z.infer<typeof SavedSearchView>;
export const SavedSearchList = z.object({ items: z.array(SavedSearchView) });

export const SavedSearchParams = z.object({ id: z.uuid() });
