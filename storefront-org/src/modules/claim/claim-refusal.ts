/** The server says the same for a wrong or revoked code (it reveals nothing); say what to do about it. */
export function claimRefusal(status: number, message: string): string {
  if (/claim code is not valid/i.test(message)) return "This claim code is not valid: check it against your email. A code stops working once a newer one is sent or the shop withdraws it."
  if (status === 409) return "This twin is already being claimed to another wallet."
  return message
}
