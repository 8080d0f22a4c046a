import { resolveSettings, type DigitalTwinPluginOptions, type DigitalTwinSettings } from "./settings"
import { PerCallService } from "@pva/medusa-kit/service"

/** What this plugin's services share: the container (for the services they call) and the settings. */
export abstract class TwinService extends PerCallService {
  protected readonly settings_: DigitalTwinSettings
  protected readonly container_: any

  constructor(container: any, options: DigitalTwinPluginOptions = {}) {
    super(arguments[0])
    this.container_ = container
    this.settings_ = resolveSettings(options)
  }
}
