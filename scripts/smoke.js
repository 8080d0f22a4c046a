#!/usr/bin/env node
// Smoke test of a running stack, as a shopper sees it: the server is healthy, the catalog
// lists products, and a guest checkout places an order. Used by the compose job in CI.
//
//   node scripts/smoke.js <backend url> <publishable api key>
const Medusa = require("@medusajs/medusa-js").default;

const ADDRESS = {
  first_name: "Smoke",
  last_name: "Test",
  address_1: "1 Market Street",
  city: "San Francisco",
  province: "CA",
  postal_code: "94105",
  country_code: "us",
  phone: "+14155550100",
};

async function smoke(baseUrl, publishableApiKey) {
  const health = await fetch(`${baseUrl}/health`);
  if (!health.ok) throw new Error(`/health answered ${health.status}`);
  console.log("health: ok");

  const client = new Medusa({ baseUrl, publishableApiKey, maxRetries: 0 });
  const { regions } = await client.regions.list();
  const region = regions.find((r) => r.currency_code === "usd") ?? regions[0];
  const { products, count } = await client.products.list({ region_id: region.id, limit: 50 });
  if (!products.length) throw new Error("the catalog lists no products");
  console.log(`products: ${count} listed`);

  const variant = products.flatMap((p) => p.variants).find((v) => v.inventory_quantity > 0 || v.allow_backorder);
  if (!variant) throw new Error("no listed product has stock to buy");
  const { cart } = await client.carts.create({ region_id: region.id });
  await client.carts.lineItems.create(cart.id, { variant_id: variant.id, quantity: 1 });
  await client.carts.update(cart.id, { email: "smoke@example.com", shipping_address: ADDRESS, billing_address: ADDRESS });
  const { shipping_options } = await client.shippingOptions.listCartOptions(cart.id);
  await client.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id });
  await client.carts.createPaymentSessions(cart.id);
  await client.carts.setPaymentSession(cart.id, { provider_id: "manual" });
  const completed = await client.carts.complete(cart.id);
  if (completed.type !== "order") throw new Error(`checkout did not place an order: ${JSON.stringify(completed).slice(0, 300)}`);
  console.log(`checkout: order ${completed.data.pva_number ?? completed.data.id} placed`);
}

if (require.main === module) {
  const [baseUrl, key] = process.argv.slice(2);
  if (!baseUrl || !key) {
    console.error("usage: node scripts/smoke.js <backend url> <publishable api key>");
    process.exit(2);
  }
  smoke(baseUrl.replace(/\/$/, ""), key).catch((err) => {
    console.error(`smoke test failed: ${err.response?.data?.message ?? err.message}`);
    process.exit(1);
  });
}

module.exports = { smoke };
