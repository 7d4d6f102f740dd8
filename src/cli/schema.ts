import { scenarioSchema } from '../scenario/schema.js';

/** The scenario JSON Schema as text, exactly as `scenarios/scenario.schema.json` holds it. */
export function schemaText(): string {
  return `${JSON.stringify(scenarioSchema(), null, 2)}\n`;
}

/** `draagvlak schema`: prints the scenario JSON Schema (`npx draagvlak schema > scenarios/scenario.schema.json`). */
export function schemaCommand(): number {
  process.stdout.write(schemaText());
  return 0;
}
