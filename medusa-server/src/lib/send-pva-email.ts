/**
 * Hands one email event to the pva-email notification provider.
 *
 * There is one subscriber file per event because Medusa's local event bus calls
 * subscribers without the event name. Medusa's own notification subscriber
 * listens on "*", which only the Redis bus delivers; nothing is registered via
 * notificationService.subscribe, so on Redis the email is not sent twice.
 */
export async function sendPvaEmail(container: any, eventName: string, data: any): Promise<void> {
  await container.resolve("notificationService").send(eventName, data, "pva-email")
}
