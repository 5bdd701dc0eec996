/** The actor of CLI actions: the operator's OS account (the CLI has no login, hence no `--as`). */
export { cliActor } from './users.command.js';
