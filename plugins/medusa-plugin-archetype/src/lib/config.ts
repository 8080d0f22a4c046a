// The plugin's options as medusa-config passes them, read through one schema at start. The
// quiz and recommendations read no environment variables; the hourly refresh's cron is fixed
// (signal-refresh-job.ts).
import { readConfig } from "@pva/medusa-kit/config"
import { z } from "zod"

export interface ArchetypePluginOptions {
  /** Medusa Admin's "Archetype quiz" page. */
  enableUI?: boolean
}

const archetypeSchema = z.object({ enableUI: z.boolean().optional() })

/** The options, checked: a ConfigError naming the option when one has the wrong type. */
export function readArchetypeConfig(options: Record<string, unknown> = {}): ArchetypePluginOptions {
  return readConfig(archetypeSchema, options)
}
