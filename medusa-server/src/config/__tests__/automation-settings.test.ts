import { ConfigError, readServerEnv } from "../env"
import { msUntilNextRun } from "@pva/medusa-kit"

describe("automation settings", () => {
  it("default to the Standard Webhooks retry schedule, a 15 s timeout and no loopback allowance", () => {
    const { automation } = readServerEnv({})
    expect(automation.webhookRetryScheduleSeconds).toEqual([0, 5, 300, 1800, 7200, 18000, 36000, 36000])
    expect(automation.webhookTimeoutMs).toBe(15000)
    expect(automation.webhookAllowedHosts).toEqual([])
    expect(automation.resendApiKey).toBeUndefined()
    expect(automation.partnerFeedSyncHourUtc).toBe(3)
  })

  it("take a test schedule and named loopback hosts from the environment", () => {
    const { automation } = readServerEnv({ WEBHOOK_RETRY_SCHEDULE_SECONDS: "0, 1,1", WEBHOOK_ALLOWED_HOSTS: "LocalHost, receiver.test" })
    expect(automation.webhookRetryScheduleSeconds).toEqual([0, 1, 1])
    expect(automation.webhookAllowedHosts).toEqual(["localhost", "receiver.test"])
  })

  it("refuse nonsense, and a loopback allowance in production", () => {
    expect(() => readServerEnv({ WEBHOOK_RETRY_SCHEDULE_SECONDS: "0,soon" })).toThrow(ConfigError)
    expect(() => readServerEnv({ PARTNER_FEED_SYNC_HOUR_UTC: "24" })).toThrow(/0-23/)
    const prod = {
      NODE_ENV: "production",
      DATABASE_URL: "postgres://db/x",
      JWT_SECRET: "j".repeat(40),
      COOKIE_SECRET: "c".repeat(40),
      WEBHOOK_ALLOWED_HOSTS: "localhost",
    }
    expect(() => readServerEnv(prod)).toThrow(/WEBHOOK_ALLOWED_HOSTS is a development setting/)
  })

  it("schedule the feed sync daily at the hour, or on PARTNER_FEED_SYNC_SCHEDULE", () => {
    expect(readServerEnv({ PARTNER_FEED_SYNC_HOUR_UTC: "5" }).automation.partnerFeedSyncSchedule).toBe("0 5 * * *")
    expect(readServerEnv({ PARTNER_FEED_SYNC_SCHEDULE: " */4 * * * * * " }).automation.partnerFeedSyncSchedule).toBe("*/4 * * * * *")
    expect(() => readServerEnv({ PARTNER_FEED_SYNC_SCHEDULE: "every night" })).toThrow(/PARTNER_FEED_SYNC_SCHEDULE must be a cron expression/)
  })

  it("schedule the nightly sync for the next occurrence of the hour (UTC)", () => {
    expect(msUntilNextRun({ dailyAtHourUtc: 3 }, new Date("2025-01-01T01:00:00Z"))).toBe(2 * 3600_000)
    expect(msUntilNextRun({ dailyAtHourUtc: 3 }, new Date("2025-01-01T03:00:00Z"))).toBe(24 * 3600_000)
    expect(msUntilNextRun({ dailyAtHourUtc: 3 }, new Date("2025-01-01T23:30:00Z"))).toBe(3.5 * 3600_000)
  })
})
