export declare module "@medusajs/medusa/dist/models/order" {
  declare interface Order {
    pva_number: string
  }
}
