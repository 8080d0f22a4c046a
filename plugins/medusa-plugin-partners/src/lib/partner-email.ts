import { PartnersPluginOptions, resolvePartnerSettings } from "./settings"

/**
 * Hands a low-stock or reorder event to the store's email notification provider
 * (`notificationProvider`, default the server's "pva-email"), which renders and sends it:
 * the store keeps one email sender and one set of branded templates for every feature.
 * One subscriber file per event, because Medusa's local event bus calls subscribers
 * without the event name.
 */
export async function sendPartnerEmail(container: any, options: PartnersPluginOptions = {}, eventName: string, data: unknown) {
  await container.resolve("notificationService").send(eventName, data, resolvePartnerSettings(options).notificationProvider)
}
