// The email a buyer gets when their order's twins are refunded: its event name and data,
// rendered by the server's notification provider.
export { TWIN_REFUNDED_EMAIL_EVENT, type RefundedTwin, type TwinRefundEmailData } from "./events"
