export { rowsOf } from "./sql-rows"
export { runPeriodically, msUntilNextRun, isApiOnlyProcess, type Schedule, type ScheduledTask } from "./scheduler"
export { storeCors, adminCors } from "./store-cors"
export { PerCallService } from "./per-call-service"
