export { adminApi } from "@pva/medusa-kit/admin"
