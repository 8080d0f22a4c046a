import { ConfigError } from "@pva/medusa-kit/config"
import { readArchetypeConfig } from "../config"
import hourlySignalRefresh from "../../loaders/hourly-signal-refresh"

describe("the archetype plugin's options", () => {
  it("take what medusa-config passes", () => {
    expect(readArchetypeConfig({ enableUI: true })).toEqual({ enableUI: true })
    expect(readArchetypeConfig()).toEqual({})
  })

  it("are refused by the plugin's loader when one has the wrong type, naming the option", async () => {
    const container = { resolve: () => undefined, hasRegistration: () => false } as never
    await expect(hourlySignalRefresh(container, { enableUI: "yes" })).rejects.toThrow(ConfigError)
    await expect(hourlySignalRefresh(container, { enableUI: "yes" })).rejects.toThrow('enableUI: Expected boolean, received string (got "yes")')
  })
})
