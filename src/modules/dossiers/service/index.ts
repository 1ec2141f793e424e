import * as dossierStore from '../store/dossiers.js';
import { createApplicantUseCases } from './applicant.js';
import { createCore } from './core.js';
import type { DossierDeps } from './deps.js';
import { createDeskUseCases } from './desk.js';
import { dossierErrors as E } from './errors.js';
import { createFileUseCases } from './files.js';
import { createForms } from './forms.js';
import { createStats } from './stats.js';
import { createViews } from './views.js';

/** The one-stop dossier service: portal (applicant), desk (officials), public lookup. */
export function createDossierService(deps: DossierDeps) {
  const core = createCore(deps);
  const views = createViews(deps, core);
  return {
    applicant: createApplicantUseCases(deps, core),
    desk: createDeskUseCases(deps, core),
    files: createFileUseCases(deps, core),
    views,
    stats: createStats(deps),
    forms: createForms(deps, core),
    secretOf: core.secrets.secretOf,

    /** The public status page: code + the secret printed on the receipt, no account. */
    async lookup(code: string, secret: string) {
      const d = await dossierStore.findByCode(deps.db, code.trim());
      if (!d || !core.secrets.matches(d.id, secret)) throw E.lookupFailed();
      return views.publicLookup(d);
    },
  };
}
export type DossierService = ReturnType<typeof createDossierService>;
export type { DossierDeps } from './deps.js';
