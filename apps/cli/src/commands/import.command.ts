import { Command, CommandRunner } from 'nest-commander';
import { ALLOW_EVERY_IMPORT, importInventory } from '@cartographer/findings';
import { readInventoryFile } from '@cartographer/inventory';
import { CliRuntime } from '../cli-runtime.js';
import { CliServices } from '../cli-services.js';
import { cliActor } from './cli-audit.js';

@Command({
  name: 'import',
  arguments: '<file>',
  description: 'Import an inventory file (YAML or JSON) into the graph: idempotent, all or nothing',
})
export class ImportCommand extends CommandRunner {
  constructor(
    private readonly runtime: CliRuntime,
    private readonly services: CliServices,
  ) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const neo4j = await this.runtime.graph();
    const read = await readInventoryFile(file);
    // The same use case as the API's importInventory; the CLI operator may import anything.
    const result = await importInventory(
      { neo4j, outbox: this.services.outbox },
      { ...read, authorize: ALLOW_EVERY_IMPORT, actor: cliActor() },
    );
    await this.services.relayAudit();
    const nodes = Object.entries(result.nodes)
      .map(([label, count]) => `${count} ${label}`)
      .join(', ');
    process.stdout.write(`imported organisation '${result.organisation}': ${result.writes} graph writes (${nodes})\n`);
    process.stdout.write(
      `classified ${result.classified.fields} declared fields: ${result.classified.flagged} flagged as personal or quasi-identifying, ${result.propagated} more through lineage\n`,
    );
  }
}
