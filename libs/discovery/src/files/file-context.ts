import type { ResolvedOptions } from '../common/options.js';
import type { VelocityWindow } from '../common/velocity.js';

/** What every file reader needs from the run. */
export interface FileContext {
  options: ResolvedOptions;
  window: VelocityWindow;
}
