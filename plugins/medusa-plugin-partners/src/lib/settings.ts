/**
 * The plugin's options and their environment defaults (options given in medusa-config win).
 * The server validates them at start (`readServerEnv`, so production refuses a missing
 * WEBHOOK_SECRET_KEY before anything runs) and hands them over as plugin options.
 * Medusa 1.x starts two things without plugin options, which therefore read the environment
 * through this same function: the migration that seals stored secrets, and the scheduled
 * job's cron (a job's `config` is read when its file is loaded).
 */
import { ConfigError, readConfig } from "@pva/medusa-kit/config"
import { z } from "zod"

export interface PartnersPluginOptions {
  /** Seals partners' signing secrets at rest: 32 bytes, or 64 hex digits / base64 of them. */
  webhookSecretKey?: Buffer | string
  /** Hosts a webhook or feed URL may name although they resolve to private addresses (development and tests only). */
  webhookAllowedHosts?: string[]
  /** Delay in seconds before each attempt; entry 0 is the first attempt, so its length is the number of attempts. */
  webhookRetryScheduleSeconds?: number[]
  webhookTimeoutMs?: number
  webhookPollIntervalMs?: number
  /** The feed sync runs daily at this hour unless feedSyncSchedule says otherwise. */
  feedSyncHourUtc?: number
  /** The feed sync's cron, with or without Redis (on Redis the environment decides it: see above). */
  feedSyncSchedule?: string
  /** Medusa notification provider that renders and sends the low-stock and reorder emails. */
  notificationProvider?: string
  enableUI?: boolean
}

export interface PartnerSettings {
  webhookSecretKey: Buffer
  webhookAllowedHosts: string[]
  webhookRetryScheduleSeconds: number[]
  webhookTimeoutMs: number
  webhookPollIntervalMs: number
  feedSyncHourUtc: number
  feedSyncSchedule: string
  notificationProvider: string
}

/** The configuration error the server's `main.ts` prints: the kit's, under the name this plugin exported it by. */
export { ConfigError as PartnerSettingsError }

// Standard Webhooks' schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
export const DEFAULT_RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18000, 36000, 36000]

// Development only: production must set WEBHOOK_SECRET_KEY.
const DEV_WEBHOOK_SECRET_KEY = Buffer.alloc(32, "pva-dev-webhook-secret-key")

const KEY_FORMS = "32 bytes written as 64 hex digits or base64 (openssl rand -base64 32)"

/** 32 bytes: a Buffer, or 64 hex digits / base64 of them; null for anything else. */
function keyBytes(raw: Buffer | string): Buffer | null {
  if (Buffer.isBuffer(raw)) return raw.length === 32 ? raw : null
  const text = raw.trim()
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : /^[A-Za-z0-9+/]{43}=$/.test(text) ? Buffer.from(text, "base64") : null
  return key && key.length === 32 ? key : null
}

const positiveInt = (fallback: number) => z.coerce.number().int({ message: "must be a positive integer" }).positive({ message: "must be a positive integer" }).default(fallback)

/** A list given as options' array or the variable's comma-separated text. */
const commaList = (value: unknown) => (typeof value === "string" ? value.split(",") : value)

/**
 * The partner settings, one entry a variable (named as in the environment, so a bad value
 * names the variable whether it came from there or from the plugin's options).
 */
const partnerConfig = z
  .object({
    NODE_ENV: z.string().optional(),
    WEBHOOK_SECRET_KEY: z
      .preprocess((raw) => (raw === "" ? undefined : raw), z.union([z.instanceof(Buffer), z.string()]).optional())
      .refine((raw) => raw === undefined || keyBytes(raw) !== null, { message: `must be ${KEY_FORMS}` }),
    WEBHOOK_ALLOWED_HOSTS: z.preprocess(commaList, z.array(z.string()).default([])),
    WEBHOOK_RETRY_SCHEDULE_SECONDS: z.preprocess(
      (value) => (typeof value === "string" ? value.split(",").map((v) => Number(v.trim())) : value),
      z
        .custom<number[]>((v) => Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === "number" && Number.isFinite(n) && n >= 0), {
          message: "must be comma-separated non-negative seconds",
        })
        .default(DEFAULT_RETRY_SCHEDULE_SECONDS)
    ),
    WEBHOOK_TIMEOUT_MS: positiveInt(15000),
    WEBHOOK_POLL_INTERVAL_MS: positiveInt(1000),
    PARTNER_FEED_SYNC_HOUR_UTC: z.coerce.number().int({ message: "must be an hour 0-23" }).min(0, { message: "must be an hour 0-23" }).max(23, { message: "must be an hour 0-23" }).default(3),
    /** A cron expression of 5 fields, or 6 with seconds first. */
    PARTNER_FEED_SYNC_SCHEDULE: z
      .string()
      .transform((raw) => raw.trim().split(/\s+/))
      .refine((fields) => fields.length >= 5 && fields.length <= 6 && fields.every((f) => /^[\d*/,-]+$/.test(f)), {
        message: 'must be a cron expression such as "0 3 * * *"',
      })
      .transform((fields) => fields.join(" "))
      .optional(),
    notificationProvider: z.string().default("pva-email"),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== "production") return
    const key = c.WEBHOOK_SECRET_KEY === undefined ? undefined : keyBytes(c.WEBHOOK_SECRET_KEY)
    if (c.WEBHOOK_SECRET_KEY === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_SECRET_KEY"], message: "is not set: production needs 32 random bytes (openssl rand -base64 32)" })
    } else if (key?.equals(DEV_WEBHOOK_SECRET_KEY)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_SECRET_KEY"], message: "is the development key" })
    }
    if (c.WEBHOOK_ALLOWED_HOSTS.some((h) => h.trim())) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["WEBHOOK_ALLOWED_HOSTS"],
        message: "is a development setting: production never delivers to private addresses",
      })
    }
  })
  .transform(
    (c): PartnerSettings => ({
      webhookSecretKey: (c.WEBHOOK_SECRET_KEY === undefined ? null : keyBytes(c.WEBHOOK_SECRET_KEY)) ?? DEV_WEBHOOK_SECRET_KEY,
      webhookAllowedHosts: c.WEBHOOK_ALLOWED_HOSTS.map((h) => h.trim().toLowerCase()).filter(Boolean),
      webhookRetryScheduleSeconds: c.WEBHOOK_RETRY_SCHEDULE_SECONDS,
      webhookTimeoutMs: c.WEBHOOK_TIMEOUT_MS,
      webhookPollIntervalMs: c.WEBHOOK_POLL_INTERVAL_MS,
      feedSyncHourUtc: c.PARTNER_FEED_SYNC_HOUR_UTC,
      feedSyncSchedule: c.PARTNER_FEED_SYNC_SCHEDULE ?? `0 ${c.PARTNER_FEED_SYNC_HOUR_UTC} * * *`,
      notificationProvider: c.notificationProvider,
    })
  )

/** An unset or empty variable is its default. */
const variable = (value: string | undefined) => (value === undefined || value === "" ? undefined : value)

/** The settings, options first and the environment for what they leave out; a ConfigError naming each bad variable. */
export function resolvePartnerSettings(options: PartnersPluginOptions = {}, env: NodeJS.ProcessEnv = process.env): PartnerSettings {
  return readConfig(partnerConfig, {
    NODE_ENV: env.NODE_ENV,
    WEBHOOK_SECRET_KEY: options.webhookSecretKey ?? env.WEBHOOK_SECRET_KEY,
    WEBHOOK_ALLOWED_HOSTS: options.webhookAllowedHosts ?? variable(env.WEBHOOK_ALLOWED_HOSTS),
    WEBHOOK_RETRY_SCHEDULE_SECONDS: options.webhookRetryScheduleSeconds ?? variable(env.WEBHOOK_RETRY_SCHEDULE_SECONDS),
    WEBHOOK_TIMEOUT_MS: options.webhookTimeoutMs ?? variable(env.WEBHOOK_TIMEOUT_MS),
    WEBHOOK_POLL_INTERVAL_MS: options.webhookPollIntervalMs ?? variable(env.WEBHOOK_POLL_INTERVAL_MS),
    PARTNER_FEED_SYNC_HOUR_UTC: options.feedSyncHourUtc ?? variable(env.PARTNER_FEED_SYNC_HOUR_UTC),
    PARTNER_FEED_SYNC_SCHEDULE: options.feedSyncSchedule ?? variable(env.PARTNER_FEED_SYNC_SCHEDULE),
    notificationProvider: options.notificationProvider,
  })
}
