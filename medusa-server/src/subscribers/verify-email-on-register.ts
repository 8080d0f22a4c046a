import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"

/** A new account is sent a verification link; its email's guest orders join it only once that link is opened. */
export default async function verifyEmailOnRegister({ data, container }: SubscriberArgs<{ id: string; has_account?: boolean }>) {
  if (!data?.id || !data.has_account) return
  await container.resolve("emailVerificationService").requestVerification(data.id)
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "pva-verify-email-on-register" },
}
