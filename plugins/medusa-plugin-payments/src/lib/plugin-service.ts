import type { PaymentsPluginOptions } from "./options"

/** What every service of this plugin is built with: Medusa's container and the plugin's options. */
export abstract class PluginService {
  constructor(
    protected readonly container_: any,
    protected readonly options_: PaymentsPluginOptions
  ) {}
}
