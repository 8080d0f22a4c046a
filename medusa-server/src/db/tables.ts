import { customerSessionCutoffTable } from "./customer-session-cutoff"
import { customerVerifiedEmailTable } from "./customer-verified-email"
import { emailOutboxTable } from "./email-outbox"
import { emailVerificationTokenTable } from "./email-verification-token"

/** Every table the server's own migrations make, each described once in its home beside this file. */
export const SERVER_TABLES = [emailOutboxTable, emailVerificationTokenTable, customerVerifiedEmailTable, customerSessionCutoffTable]
