import type { z } from "zod"

/** Named like the server's own configuration error, so `main.ts` prints it the same way. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ConfigError"
  }
}

/** Variables whose values are never repeated in an error: they end up in logs. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN$|KEY$/

/**
 * Parses `env` (or a plugin's options) with `schema`, or throws one ConfigError naming every
 * variable that is wrong and what it got: a typo stops the start, it never becomes NaN.
 */
export function readConfig<S extends z.ZodTypeAny>(schema: S, env: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(env)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join(".")
    const got = issue.path.length === 1 && !SECRET_NAME.test(name) ? env[name] : undefined
    const message = issue.code === "invalid_type" && issue.received === "nan" ? "must be a number" : issue.message
    return `${name}: ${message}${got === undefined ? "" : ` (got "${String(got)}")`}`
  })
  throw new ConfigError(`invalid configuration: ${problems.join("; ")}`)
}
