import { Command, CommandRunner } from 'nest-commander';
import { InventoryImportService } from '@cartographer/inventory';
import { classifyDeclaredFields } from '@cartographer/scan';
import { CliRuntime } from '../cli-runtime.js';

@Command({
  name: 'import',
  arguments: '<file>',
  description: 'Import an inventory file (YAML or JSON) into the graph: idempotent, all or nothing',
})
export class ImportCommand extends CommandRunner {
  constructor(private readonly runtime: CliRuntime) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const neo4j = await this.runtime.graph();
    const result = await new InventoryImportService(neo4j).importFile(file);
    const classified = await classifyDeclaredFields(neo4j, result.organisation);
    const nodes = Object.entries(result.nodes)
      .map(([label, count]) => `${count} ${label}`)
      .join(', ');
    process.stdout.write(`imported organisation '${result.organisation}': ${result.writes} graph writes (${nodes})\n`);
    process.stdout.write(
      `classified ${classified.fields} declared fields: ${classified.flagged} flagged as personal or quasi-identifying, ${classified.propagated} more through lineage\n`,
    );
  }
}
