/**
 * The plugin's options and their environment defaults (options given in medusa-config win).
 * The server validates them at start (`readServerEnv`, so production refuses a missing
 * WEBHOOK_SECRET_KEY before anything runs) and hands them over as plugin options.
 * Medusa 1.x starts two things without plugin options, which therefore read the environment
 * through this same function: the migration that seals stored secrets, and the scheduled
 * job's cron (a job's `config` is read when its file is loaded).
 */
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

/** Named like the server's own configuration error, so `main.ts` prints it the same way. */
export class PartnerSettingsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ConfigError"
  }
}

// Standard Webhooks' schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
export const DEFAULT_RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18000, 36000, 36000]

// Development only: production must set WEBHOOK_SECRET_KEY.
const DEV_WEBHOOK_SECRET_KEY = Buffer.alloc(32, "pva-dev-webhook-secret-key")

function secretKey(raw: Buffer | string | undefined, isProduction: boolean): Buffer {
  if (!raw) {
    if (isProduction) throw new PartnerSettingsError("WEBHOOK_SECRET_KEY is not set: production needs 32 random bytes (openssl rand -base64 32)")
    return DEV_WEBHOOK_SECRET_KEY
  }
  const text = Buffer.isBuffer(raw) ? null : raw.trim()
  const key = Buffer.isBuffer(raw)
    ? raw
    : /^[0-9a-f]{64}$/i.test(text!)
      ? Buffer.from(text!, "hex")
      : /^[A-Za-z0-9+/]{43}=$/.test(text!)
        ? Buffer.from(text!, "base64")
        : null
  if (!key || key.length !== 32) {
    throw new PartnerSettingsError("WEBHOOK_SECRET_KEY must be 32 bytes written as 64 hex digits or base64 (openssl rand -base64 32)")
  }
  if (isProduction && key.equals(DEV_WEBHOOK_SECRET_KEY)) throw new PartnerSettingsError("WEBHOOK_SECRET_KEY is the development key")
  return key
}

function allowedHosts(hosts: string[], isProduction: boolean): string[] {
  const list = hosts.map((h) => h.trim().toLowerCase()).filter(Boolean)
  if (list.length && isProduction) {
    throw new PartnerSettingsError("WEBHOOK_ALLOWED_HOSTS is a development setting: production never delivers to private addresses")
  }
  return list
}

function retrySchedule(values: number[], raw: unknown): number[] {
  if (!values.length || values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new PartnerSettingsError(`WEBHOOK_RETRY_SCHEDULE_SECONDS must be comma-separated non-negative seconds, got "${raw}"`)
  }
  return values
}

function positiveInt(value: number, name: string, raw: unknown): number {
  if (!Number.isInteger(value) || value <= 0) throw new PartnerSettingsError(`${name} must be a positive integer, got "${raw}"`)
  return value
}

function hourUtc(value: number, raw: unknown): number {
  if (!Number.isInteger(value) || value < 0 || value > 23) {
    throw new PartnerSettingsError(`PARTNER_FEED_SYNC_HOUR_UTC must be an hour 0-23, got "${raw}"`)
  }
  return value
}

/** A cron expression of 5 fields, or 6 with seconds first. */
function cronSchedule(raw: string): string {
  const fields = raw.trim().split(/\s+/)
  if (fields.length < 5 || fields.length > 6 || fields.some((f) => !/^[\d*/,-]+$/.test(f))) {
    throw new PartnerSettingsError(`PARTNER_FEED_SYNC_SCHEDULE must be a cron expression such as "0 3 * * *", got "${raw}"`)
  }
  return fields.join(" ")
}

const set = (value: string | undefined): value is string => value !== undefined && value !== ""
const numberFrom = (env: NodeJS.ProcessEnv, name: string, fallback: number) => (set(env[name]) ? Number(env[name]) : fallback)

export function resolvePartnerSettings(options: PartnersPluginOptions = {}, env: NodeJS.ProcessEnv = process.env): PartnerSettings {
  const isProduction = env.NODE_ENV === "production"
  const rawSchedule = env.WEBHOOK_RETRY_SCHEDULE_SECONDS
  const hourRaw = options.feedSyncHourUtc ?? env.PARTNER_FEED_SYNC_HOUR_UTC
  const hour = hourUtc(options.feedSyncHourUtc ?? numberFrom(env, "PARTNER_FEED_SYNC_HOUR_UTC", 3), hourRaw)
  const timeoutRaw = options.webhookTimeoutMs ?? env.WEBHOOK_TIMEOUT_MS
  const pollRaw = options.webhookPollIntervalMs ?? env.WEBHOOK_POLL_INTERVAL_MS
  return {
    webhookSecretKey: secretKey(options.webhookSecretKey ?? env.WEBHOOK_SECRET_KEY, isProduction),
    webhookAllowedHosts: allowedHosts(options.webhookAllowedHosts ?? (env.WEBHOOK_ALLOWED_HOSTS || "").split(","), isProduction),
    webhookRetryScheduleSeconds: options.webhookRetryScheduleSeconds
      ? retrySchedule(options.webhookRetryScheduleSeconds, options.webhookRetryScheduleSeconds.join(","))
      : set(rawSchedule)
        ? retrySchedule(rawSchedule.split(",").map((v) => Number(v.trim())), rawSchedule)
        : DEFAULT_RETRY_SCHEDULE_SECONDS,
    webhookTimeoutMs: positiveInt(options.webhookTimeoutMs ?? numberFrom(env, "WEBHOOK_TIMEOUT_MS", 15000), "WEBHOOK_TIMEOUT_MS", timeoutRaw),
    webhookPollIntervalMs: positiveInt(options.webhookPollIntervalMs ?? numberFrom(env, "WEBHOOK_POLL_INTERVAL_MS", 1000), "WEBHOOK_POLL_INTERVAL_MS", pollRaw),
    feedSyncHourUtc: hour,
    feedSyncSchedule: cronSchedule(options.feedSyncSchedule ?? (set(env.PARTNER_FEED_SYNC_SCHEDULE) ? env.PARTNER_FEED_SYNC_SCHEDULE : `0 ${hour} * * *`)),
    notificationProvider: options.notificationProvider ?? "pva-email",
  }
}
