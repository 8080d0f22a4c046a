import { productViewDayTable } from "./product-views"
import { cartDayTable, productDayTable, productMonthTable, salesDayTable, watermarkTable } from "./sales-rollup"

/** The sales dashboard's own tables: the rollups, their watermark and the product-view counter. */
export const SALES_DASHBOARD_TABLES = [salesDayTable, productDayTable, productMonthTable, cartDayTable, watermarkTable, productViewDayTable]
