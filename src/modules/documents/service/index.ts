import { createCancelUseCase } from './cancel.js';
import { createCore } from './core.js';
import type { DocumentDeps } from './deps.js';
import { createDraftUseCases } from './drafts.js';
import { createHandlingUseCases } from './handling.js';
import { createIncomingUseCases } from './incoming.js';
import { createIntake } from './intake.js';
import { createIssueUseCase } from './issue.js';
import { createPublicVerification } from './public.js';
import { createQueries } from './queries.js';
import { createRecallUseCase } from './recall.js';
import { createRegisterUseCases } from './registers.js';
import { createReminders } from './reminders.js';
import { createReviewUseCases } from './review.js';
import { createSeedDemo } from './seed-demo.js';
import { createSignUseCase } from './sign.js';
import { createStats } from './stats.js';
import { createViews } from './views.js';

/** The documents service: one object per group of use cases, composed once by the app. */
export function createDocumentService(deps: DocumentDeps) {
  const core = createCore(deps);
  const intake = createIntake(deps);
  const views = createViews(deps, core);
  const incoming = createIncomingUseCases(deps, core, intake);
  const stats = createStats(deps, core);
  return {
    drafts: createDraftUseCases(deps, core, intake),
    review: createReviewUseCases(deps, core),
    signing: createSignUseCase(deps, core, intake),
    issuing: createIssueUseCase(deps, core, intake),
    recall: createRecallUseCase(deps, core),
    cancel: createCancelUseCase(deps, core),
    incoming,
    handling: createHandlingUseCases(deps, core, incoming),
    registers: createRegisterUseCases(deps, core),
    queries: createQueries(deps, core, views, incoming),
    views,
    publicVerification: createPublicVerification(deps),
    stats,
    /** Figures for reports (`counts(ex, { from, to, agencyId? })`), for other modules too. */
    counts: stats.counts,
    /** The deadline sweep: reminders before and after incoming deadlines (idempotent). */
    runReminders: createReminders(deps, core),
    /** Demo registers (idempotent), called by the seed in demo mode. */
    seedDemo: createSeedDemo(deps, core),
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;
export type { DocumentDeps } from './deps.js';
