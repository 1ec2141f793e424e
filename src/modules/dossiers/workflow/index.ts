/**
 * The dossier workflow of the one-stop shop (Decree 61/2018, now Decree 118/2025) as a pure
 * state machine: `transition(position, action, steps)` gives the next position, what it does
 * to the processing clock and statistics, and who may perform it — or a 409 that lists the
 * actions allowed instead. No I/O and no clock: the service decides *when*, this decides *what*.
 */
export {
  actionNames,
  type DossierAction,
  dossierActions,
  type DossierState,
  dossierStates,
  isTerminal,
  publicStates,
  stateNames,
  terminalStates,
} from './states.js';
export { defaultWorkflow, type StepRole, validateWorkflow, type WorkflowStep } from './steps.js';
export { initialPosition, type Position } from './position.js';
export {
  allowedActions,
  type Effects,
  type Performer,
  transition,
  type Transition,
} from './transition.js';
