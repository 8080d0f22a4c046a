// What env.ts and the settings readers beside it share: the configuration error main.ts prints
// (the kit's, so a plugin's schema errors are the same class) and the checked number reader.
import { ConfigError } from "@pva/medusa-kit/config"

export { ConfigError }

export function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`${name} must be a positive integer, got "${raw}"`)
  }
  return value
}
