import { msUntilNextRun } from "@pva/medusa-kit"
import { PartnerSettingsError, resolvePartnerSettings } from "../settings"

describe("partner settings", () => {
  it("default to the Standard Webhooks retry schedule, a 15 s timeout and no loopback allowance", () => {
    const settings = resolvePartnerSettings({}, {})
    expect(settings.webhookRetryScheduleSeconds).toEqual([0, 5, 300, 1800, 7200, 18000, 36000, 36000])
    expect(settings.webhookTimeoutMs).toBe(15000)
    expect(settings.webhookPollIntervalMs).toBe(1000)
    expect(settings.webhookAllowedHosts).toEqual([])
    expect(settings.feedSyncHourUtc).toBe(3)
    expect(settings.notificationProvider).toBe("pva-email")
  })

  it("take a test schedule and named loopback hosts from the environment", () => {
    const settings = resolvePartnerSettings({}, { WEBHOOK_RETRY_SCHEDULE_SECONDS: "0, 1,1", WEBHOOK_ALLOWED_HOSTS: "LocalHost, receiver.test" })
    expect(settings.webhookRetryScheduleSeconds).toEqual([0, 1, 1])
    expect(settings.webhookAllowedHosts).toEqual(["localhost", "receiver.test"])
  })

  it("prefer plugin options to the environment", () => {
    const settings = resolvePartnerSettings(
      { webhookRetryScheduleSeconds: [0, 2], webhookTimeoutMs: 500, feedSyncHourUtc: 7, webhookSecretKey: "ab".repeat(32) },
      { WEBHOOK_RETRY_SCHEDULE_SECONDS: "0,1,1", WEBHOOK_TIMEOUT_MS: "3000", PARTNER_FEED_SYNC_HOUR_UTC: "5" }
    )
    expect(settings.webhookRetryScheduleSeconds).toEqual([0, 2])
    expect(settings.webhookTimeoutMs).toBe(500)
    expect(settings.feedSyncSchedule).toBe("0 7 * * *")
    expect(settings.webhookSecretKey).toEqual(Buffer.alloc(32, 0xab))
  })

  it("refuse nonsense, and a loopback allowance in production", () => {
    expect(() => resolvePartnerSettings({}, { WEBHOOK_RETRY_SCHEDULE_SECONDS: "0,soon" })).toThrow(PartnerSettingsError)
    expect(() => resolvePartnerSettings({}, { PARTNER_FEED_SYNC_HOUR_UTC: "24" })).toThrow(/0-23/)
    expect(() => resolvePartnerSettings({}, { WEBHOOK_TIMEOUT_MS: "-1" })).toThrow(/WEBHOOK_TIMEOUT_MS: must be a positive integer/)
    const production = { NODE_ENV: "production", WEBHOOK_SECRET_KEY: "ab".repeat(32) }
    expect(() => resolvePartnerSettings({}, { ...production, WEBHOOK_ALLOWED_HOSTS: "localhost" })).toThrow(
      /WEBHOOK_ALLOWED_HOSTS: is a development setting/
    )
  })

  it("stop the start on a value that is not a number, naming the variable and what it got", () => {
    expect(() => resolvePartnerSettings({}, { WEBHOOK_POLL_INTERVAL_MS: "1s" })).toThrow('WEBHOOK_POLL_INTERVAL_MS: must be a number (got "1s")')
    expect(() => resolvePartnerSettings({}, { PARTNER_FEED_SYNC_HOUR_UTC: "three" })).toThrow('PARTNER_FEED_SYNC_HOUR_UTC: must be a number (got "three")')
    expect(() => resolvePartnerSettings({}, { WEBHOOK_RETRY_SCHEDULE_SECONDS: "0,soon" })).toThrow(/WEBHOOK_RETRY_SCHEDULE_SECONDS/)
  })

  it("never repeat a bad WEBHOOK_SECRET_KEY in the error (it ends up in logs)", () => {
    expect(() => resolvePartnerSettings({}, { WEBHOOK_SECRET_KEY: "not-the-secret-at-all" })).toThrow(/^(?!.*not-the-secret-at-all).*WEBHOOK_SECRET_KEY: must be 32 bytes/)
  })

  it("read WEBHOOK_SECRET_KEY as hex or base64, and require it in production", () => {
    const base64 = "q0Zq7w3gS0yqY0p5mJk3xq1fQbq8o2n7Jr5vT9c4Xw8="
    expect(resolvePartnerSettings({}, { WEBHOOK_SECRET_KEY: "ab".repeat(32) }).webhookSecretKey).toEqual(Buffer.alloc(32, 0xab))
    expect(resolvePartnerSettings({}, { WEBHOOK_SECRET_KEY: base64 }).webhookSecretKey).toEqual(Buffer.from(base64, "base64"))
    expect(() => resolvePartnerSettings({}, { WEBHOOK_SECRET_KEY: "too-short" })).toThrow(/WEBHOOK_SECRET_KEY: must be 32 bytes/)
    expect(() => resolvePartnerSettings({}, { NODE_ENV: "production" })).toThrow(/WEBHOOK_SECRET_KEY: is not set/)
    expect(resolvePartnerSettings({}, {}).webhookSecretKey).toHaveLength(32)
  })

  it("schedule the feed sync daily at the hour, or on PARTNER_FEED_SYNC_SCHEDULE", () => {
    expect(resolvePartnerSettings({}, { PARTNER_FEED_SYNC_HOUR_UTC: "5" }).feedSyncSchedule).toBe("0 5 * * *")
    expect(resolvePartnerSettings({}, { PARTNER_FEED_SYNC_SCHEDULE: " */4 * * * * * " }).feedSyncSchedule).toBe("*/4 * * * * *")
    expect(() => resolvePartnerSettings({}, { PARTNER_FEED_SYNC_SCHEDULE: "every night" })).toThrow(/PARTNER_FEED_SYNC_SCHEDULE: must be a cron expression/)
  })

  it("schedule the nightly sync for the next occurrence of the hour (UTC)", () => {
    expect(msUntilNextRun({ dailyAtHourUtc: 3 }, new Date("2025-01-01T01:00:00Z"))).toBe(2 * 3600_000)
    expect(msUntilNextRun({ dailyAtHourUtc: 3 }, new Date("2025-01-01T03:00:00Z"))).toBe(24 * 3600_000)
    expect(msUntilNextRun({ dailyAtHourUtc: 3 }, new Date("2025-01-01T23:30:00Z"))).toBe(3.5 * 3600_000)
  })
})
