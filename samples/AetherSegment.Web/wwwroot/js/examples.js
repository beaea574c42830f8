// Example campaign objectives, one click away on the segmentation page (the seed objectives of the product brief
// and a few other phrasings).
export const exampleObjectives = [
  { title: 'Abandoned carts, high value', text: 'Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount to increase conversion by 25%' },
  { title: 'Sofa cross-sell', text: 'Recommend complementary furniture items to customers who purchased sofas in the last 30 days to drive cross-sell revenue by 20%' },
  { title: 'Win back churn risk', text: "Re-engage customers with high churn risk who haven't purchased in 90 days using exclusive offers to bring back 15%" },
  { title: 'Welcome new customers', text: 'Welcome new customers acquired in the last 7 days with free shipping to encourage first purchase and boost repeat rate by 30%' },
  { title: 'London & Manchester launch', text: 'Target high CLV customers in London and Manchester with exclusive new product launches to drive regional sales growth' },
  { title: 'Outdoor browsers in Australia', text: 'Offer Australian customers who viewed outdoor furniture this fortnight but did not buy free shipping' },
  { title: 'Loyalty double points', text: 'Give customers with a CLV above 0.85 double points as a thank-you, aiming to lift repeat purchases by 10 percent' },
];
