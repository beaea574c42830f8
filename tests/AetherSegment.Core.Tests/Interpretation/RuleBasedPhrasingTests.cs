using System.Text.Json;
using AetherSegment.Interpretation.Evaluation;
using AetherSegment.Interpretation;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.Core.Tests.Interpretation;

/// <summary>
/// How marketers actually write: each case is compared like the public examples (every canonical field not named
/// must be empty; suggested_trigger only where named).
/// </summary>
public sealed class RuleBasedPhrasingTests
{
    private static readonly ICampaignInterpreter Rules = CampaignInterpreters.CreateRuleBased(HomeFurnishingProfile.Load());

    [Theory]
    // Abandoned carts: synonyms, hours as days, reminders, cart values.
    [InlineData("Nudge shoppers who left items in their basket yesterday", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":1,"suggested_trigger":"cart_reminder"}""")]
    [InlineData("Recover carts abandoned in the past 36 hours with 10% off", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":1.5,"incentive.type":"percent_discount","incentive.value":10,"suggested_trigger":"personalized_discount_offer"}""")]
    [InlineData("Email cart abandoners from the last 72 hours with free delivery", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":3,"incentive.type":"free_shipping","suggested_trigger":"free_shipping_offer"}""")]
    [InlineData("Just a reminder for anyone with an abandoned basket this week", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":7,"incentive.type":"none","suggested_trigger":"cart_reminder"}""")]
    [InlineData("Win back abandoned carts over $500 from the last 2 days with a $50 voucher", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":2,"audience.behavior.min_cart_value":500,"incentive.type":"fixed_discount","incentive.value":50,"suggested_trigger":"personalized_discount_offer"}""")]
    [InlineData("Remind VIP customers about baskets worth more than £1,500 abandoned in the last 24 hours, no discount", """{"campaign_type":"abandoned_cart_recovery","audience.value_tier":"high","audience.behavior.abandoned_cart_within_days":1,"audience.behavior.min_cart_value":1500,"incentive.type":"none","suggested_trigger":"cart_reminder"}""")]
    [InlineData("Abandoned sofa carts from the last 48 hours: offer 12 percent off to lift conversions by 15%", """{"campaign_type":"abandoned_cart_recovery","audience.product_types":["Sofas"],"audience.behavior.abandoned_cart_within_days":2,"incentive.type":"percent_discount","incentive.value":12,"kpi.metric":"conversion_rate","kpi.target_change_pct":15}""")]
    [InlineData("Send a coupon to high-value shoppers who abandoned a checkout within six hours", """{"campaign_type":"abandoned_cart_recovery","audience.value_tier":"high","audience.behavior.abandoned_cart_within_days":0.25,"incentive.type":"percent_discount","suggested_trigger":"personalized_discount_offer"}""")]
    [InlineData("Customers in Seattle who abandoned carts in the last day", """{"campaign_type":"abandoned_cart_recovery","audience.cities":["Seattle"],"audience.behavior.abandoned_cart_within_days":1}""")]
    [InlineData("Recover abandoned mattress baskets without a discount", """{"campaign_type":"abandoned_cart_recovery","audience.product_types":["Mattresses"],"incentive.type":"none","suggested_trigger":"cart_reminder"}""")]
    [InlineData("Carts over 300 dollars abandoned in the past week get money off", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":7,"audience.behavior.min_cart_value":300,"incentive.type":"fixed_discount","suggested_trigger":"personalized_discount_offer"}""")]
    // Browse abandonment.
    [InlineData("Target shoppers who browsed dining tables in the past two weeks without purchasing", """{"campaign_type":"browse_abandonment","audience.product_types":["Dining Tables"],"audience.behavior.viewed_within_days":14}""")]
    [InlineData("People who looked at bedroom furniture this week but didn't buy: send room ideas", """{"campaign_type":"browse_abandonment","audience.categories":["Bedroom"],"audience.behavior.viewed_within_days":7,"suggested_trigger":"content_inspiration"}""")]
    [InlineData("Customers who viewed wardrobes in the last 10 days and did not order, 5% off", """{"campaign_type":"browse_abandonment","audience.product_types":["Wardrobes"],"audience.behavior.viewed_within_days":10,"incentive.type":"percent_discount","incentive.value":5}""")]
    [InlineData("Browsers of floor lamps from yesterday who haven't bought yet", """{"campaign_type":"browse_abandonment","audience.product_types":["Floor Lamps"],"audience.behavior.viewed_within_days":1}""")]
    [InlineData("Canadian visitors who viewed patio sets over the past fortnight without buying, tell them stock is running low", """{"campaign_type":"browse_abandonment","audience.countries":["Canada"],"audience.product_types":["Patio Sets"],"audience.behavior.viewed_within_days":14}""")]
    [InlineData("Shoppers who viewed a sofa or armchair in the last 3 days", """{"campaign_type":"browse_abandonment","audience.product_types":["Sofas","Armchairs"],"audience.behavior.viewed_within_days":3}""")]
    // Win back.
    [InlineData("Win back lapsed customers who haven't purchased in six months with 20% off", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":180,"incentive.type":"percent_discount","incentive.value":20,"suggested_trigger":"personalized_discount_offer"}""")]
    [InlineData("Re-engage inactive shoppers with no orders for 60 days", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":60}""")]
    [InlineData("Bring back customers at risk of churning with free shipping", """{"campaign_type":"win_back","audience.churn_risk":"high","incentive.type":"free_shipping","suggested_trigger":"free_shipping_offer"}""")]
    [InlineData("Reactivate dormant UK customers who haven't ordered in a year using a £15 voucher", """{"campaign_type":"win_back","audience.countries":["United Kingdom"],"audience.behavior.no_purchase_for_days":365,"incentive.type":"fixed_discount","incentive.value":15}""")]
    [InlineData("Lapsed customers who haven't shopped for the past quarter: bring back 10% of them", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":90,"kpi.metric":"reactivation_rate","kpi.target_change_pct":10}""")]
    [InlineData("We miss you email to high churn risk VIPs, double points", """{"campaign_type":"win_back","audience.churn_risk":"high","audience.value_tier":"high","incentive.type":"loyalty_points","suggested_trigger":"loyalty_points_bonus"}""")]
    [InlineData("Customers with a churn probability above 0.7 should get a voucher", """{"campaign_type":"win_back","audience.churn_risk":"high","incentive.type":"percent_discount"}""")]
    [InlineData("Target Aussies who have not bought anything in the last 120 days", """{"campaign_type":"win_back","audience.countries":["Australia"],"audience.behavior.no_purchase_for_days":120}""")]
    [InlineData("Get customers who stopped buying three months ago to come back, increase reactivation by 12%", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":90,"kpi.metric":"reactivation_rate","kpi.target_change_pct":12}""")]
    [InlineData("Customers without a purchase in 45 days get an exclusive preview", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":45,"incentive.type":"exclusive_access","suggested_trigger":"exclusive_access"}""")]
    // New customer onboarding.
    [InlineData("Welcome series for new sign-ups from the past fortnight", """{"campaign_type":"new_customer_onboarding","audience.behavior.acquired_within_days":14}""")]
    [InlineData("Onboard first-time buyers acquired through Instagram this month with 10% off their first order", """{"campaign_type":"new_customer_onboarding","audience.acquisition_sources":["social"],"audience.behavior.acquired_within_days":30,"incentive.type":"percent_discount","incentive.value":10}""")]
    [InlineData("Customers who joined in the last 5 days via paid search: free delivery on their first purchase", """{"campaign_type":"new_customer_onboarding","audience.acquisition_sources":["paid_search"],"audience.behavior.acquired_within_days":5,"incentive.type":"free_shipping"}""")]
    [InlineData("Welcome new customers from referrals with a free gift", """{"campaign_type":"new_customer_onboarding","audience.acquisition_sources":["referral"],"incentive.type":"gift"}""")]
    [InlineData("Encourage a first purchase from people who signed up but never purchased", """{"campaign_type":"new_customer_onboarding"}""")]
    [InlineData("New customers acquired in-store over the last 30 days should get style guides", """{"campaign_type":"new_customer_onboarding","audience.acquisition_sources":["in_store"],"audience.behavior.acquired_within_days":30,"suggested_trigger":"content_inspiration"}""")]
    [InlineData("Welcome newly registered Americans with $25 off", """{"campaign_type":"new_customer_onboarding","audience.countries":["United States"],"incentive.type":"fixed_discount","incentive.value":25}""")]
    // Cross-sell.
    [InlineData("Recommend matching chairs to customers who bought dining tables in the last 60 days", """{"campaign_type":"cross_sell","audience.product_types":["Dining Tables"],"audience.behavior.purchased_within_days":60,"suggested_trigger":"product_recommendation"}""")]
    [InlineData("Cross-sell cushions and throws to recent sofa buyers", """{"campaign_type":"cross_sell","audience.product_types":["Sofas"],"suggested_trigger":"product_recommendation"}""")]
    [InlineData("Customers who purchased a bed frame in the past month: suggest mattresses and bedding to go with it", """{"campaign_type":"cross_sell","audience.product_types":["Bed Frames"],"audience.behavior.purchased_within_days":30,"suggested_trigger":"product_recommendation"}""")]
    [InlineData("Offer accessories to people who ordered desks two weeks ago, aiming for 8% more accessory sales", """{"campaign_type":"cross_sell","audience.product_types":["Desks"],"audience.behavior.purchased_within_days":14,"kpi.metric":"cross_sell_revenue","kpi.target_change_pct":8}""")]
    [InlineData("Bundle desk lamps with office chairs for shoppers who bought office furniture in the last quarter", """{"campaign_type":"cross_sell","audience.categories":["Office"],"audience.behavior.purchased_within_days":90}""")]
    [InlineData("Upsell complementary decor to Londoners who bought living room furniture this month, raise AOV by 10%", """{"campaign_type":"cross_sell","audience.cities":["London"],"audience.categories":["Living Room"],"audience.behavior.purchased_within_days":30,"kpi.metric":"average_order_value","kpi.target_change_pct":10}""")]
    [InlineData("Free shipping on desks for customers who bought office chairs in the last 2 weeks to complete the look", """{"campaign_type":"cross_sell","audience.product_types":["Office Chairs"],"audience.behavior.purchased_within_days":14,"incentive.type":"free_shipping","suggested_trigger":"free_shipping_offer"}""")]
    // Loyalty.
    [InlineData("Reward our top-tier customers with 500 bonus points", """{"campaign_type":"loyalty_reward","audience.value_tier":"high","incentive.type":"loyalty_points","incentive.value":500,"suggested_trigger":"loyalty_points_bonus"}""")]
    [InlineData("Thank loyal customers in Melbourne with a free gift", """{"campaign_type":"loyalty_reward","audience.cities":["Melbourne"],"incentive.type":"gift"}""")]
    [InlineData("VIP members get early access to the sale to boost repeat purchase rate by 5 percent", """{"campaign_type":"loyalty_reward","audience.value_tier":"high","incentive.type":"exclusive_access","kpi.metric":"repeat_purchase_rate","kpi.target_change_pct":5,"suggested_trigger":"exclusive_access"}""")]
    [InlineData("Show appreciation to customers with CLV over 0.9 with triple points", """{"campaign_type":"loyalty_reward","audience.clv_min":0.9,"incentive.type":"loyalty_points","suggested_trigger":"loyalty_points_bonus"}""")]
    [InlineData("Loyalty campaign for medium value customers to lift engagement by 20%", """{"campaign_type":"loyalty_reward","audience.value_tier":"medium","kpi.metric":"engagement_rate","kpi.target_change_pct":20}""")]
    // Product launch.
    [InlineData("Announce the new outdoor collection to customers acquired via email", """{"campaign_type":"product_launch","audience.acquisition_sources":["email"],"suggested_trigger":"exclusive_access"}""")]
    [InlineData("Launch our spring collection with a sneak peek for high CLV shoppers", """{"campaign_type":"product_launch","audience.value_tier":"high","incentive.type":"exclusive_access","suggested_trigger":"exclusive_access"}""")]
    [InlineData("Introduce the new bedroom range with 15% off to drive revenue up 10%", """{"campaign_type":"product_launch","incentive.type":"percent_discount","incentive.value":15,"kpi.metric":"revenue","kpi.target_change_pct":10}""")]
    [InlineData("Unveil new lighting products to everyone who came from affiliates", """{"campaign_type":"product_launch","audience.acquisition_sources":["affiliate"]}""")]
    // Geographic targeting.
    [InlineData("Regional push in Toronto and Vancouver with free shipping", """{"campaign_type":"geographic_targeting","audience.cities":["Toronto","Vancouver"],"incentive.type":"free_shipping","suggested_trigger":"free_shipping_offer"}""")]
    [InlineData("Boost sales in the States by 10% with 15% off for high-value customers", """{"campaign_type":"geographic_targeting","audience.countries":["United States"],"audience.value_tier":"high","incentive.type":"percent_discount","incentive.value":15,"kpi.metric":"revenue","kpi.target_change_pct":10}""")]
    [InlineData("Target British customers in Leeds and Glasgow", """{"campaign_type":"geographic_targeting","audience.countries":["United Kingdom"],"audience.cities":["Leeds","Glasgow"]}""")]
    [InlineData("Grow regional sales in Sydney, Perth and Adelaide by 12%", """{"campaign_type":"geographic_targeting","audience.cities":["Sydney","Perth","Adelaide"],"kpi.metric":"regional_sales","kpi.target_change_pct":12}""")]
    [InlineData("Launch the new sofa range in New York and Chicago with exclusive access", """{"campaign_type":"geographic_targeting","audience.cities":["New York","Chicago"],"incentive.type":"exclusive_access","suggested_trigger":"exclusive_access"}""")]
    [InlineData("Customers in the US and Canada: 10% discount", """{"campaign_type":"geographic_targeting","audience.countries":["United States","Canada"],"incentive.type":"percent_discount","incentive.value":10}""")]
    [InlineData("Promote garden chairs to customers in Britain", """{"campaign_type":"geographic_targeting","audience.countries":["United Kingdom"]}""")]
    [InlineData("Montreal, Calgary and Ottawa shoppers get a gift card", """{"campaign_type":"geographic_targeting","audience.cities":["Montreal","Calgary","Ottawa"],"incentive.type":"gift"}""")]
    // General promotion.
    [InlineData("Summer sale: 25% off everything", """{"campaign_type":"general_promotion","incentive.type":"percent_discount","incentive.value":25,"suggested_trigger":"personalized_discount_offer"}""")]
    [InlineData("Promote free delivery on all orders to raise average order value", """{"campaign_type":"general_promotion","incentive.type":"free_shipping","kpi.metric":"average_order_value","suggested_trigger":"free_shipping_offer"}""")]
    [InlineData("Drive engagement with room planner inspiration for low-value customers", """{"campaign_type":"general_promotion","audience.value_tier":"low","kpi.metric":"engagement_rate","suggested_trigger":"content_inspiration"}""")]
    [InlineData("Customers from social media get 15% off", """{"campaign_type":"general_promotion","audience.acquisition_sources":["social"],"incentive.type":"percent_discount","incentive.value":15}""")]
    [InlineData("Increase revenue by 5% with a money off voucher of £10", """{"campaign_type":"general_promotion","incentive.type":"fixed_discount","incentive.value":10,"kpi.metric":"revenue","kpi.target_change_pct":5}""")]
    [InlineData("Selling fast! Last chance messaging for everyone", """{"campaign_type":"general_promotion","suggested_trigger":"urgency_low_stock"}""")]
    [InlineData("Flash sale with a 30 per cent discount for customers with a CLV of at least 0.5", """{"campaign_type":"general_promotion","audience.clv_min":0.5,"incentive.type":"percent_discount","incentive.value":30}""")]
    [InlineData("Email a voucher to big spenders to increase conversion rate by twenty percent", """{"campaign_type":"general_promotion","audience.value_tier":"high","incentive.type":"percent_discount","kpi.metric":"conversion_rate","kpi.target_change_pct":20}""")]
    // Numbers written as words and time phrases.
    [InlineData("Customers who bought cookware in the last twenty-one days", """{"campaign_type":"general_promotion","audience.product_types":["Cookware"],"audience.behavior.purchased_within_days":21}""")]
    [InlineData("Cross-sell to shoppers who purchased vases a fortnight ago", """{"campaign_type":"cross_sell","audience.product_types":["Vases"],"audience.behavior.purchased_within_days":14}""")]
    [InlineData("Cross-sell to people who bought candles in the past couple of weeks", """{"campaign_type":"cross_sell","audience.product_types":["Candles"],"audience.behavior.purchased_within_days":14}""")]
    [InlineData("Cross-sell to people who bought curtains today", """{"campaign_type":"cross_sell","audience.product_types":["Curtains"],"audience.behavior.purchased_within_days":1}""")]
    [InlineData("Cross-sell to customers who bought bookshelves within 1.5 weeks", """{"campaign_type":"cross_sell","audience.product_types":["Bookshelves"],"audience.behavior.purchased_within_days":10.5}""")]
    [InlineData("Cross-sell to customers who ordered a bookcase in the last month", """{"campaign_type":"cross_sell","audience.product_types":["Bookshelves"],"audience.behavior.purchased_within_days":30}""")]
    [InlineData("Win back customers who haven't purchased in 2 years", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":730}""")]
    // Countries by demonym and alias.
    [InlineData("American customers who abandoned carts", """{"campaign_type":"abandoned_cart_recovery","audience.countries":["United States"]}""")]
    [InlineData("Target Canadian and Australian shoppers", """{"campaign_type":"geographic_targeting","audience.countries":["Canada","Australia"]}""")]
    [InlineData("Target customers in the U.K.", """{"campaign_type":"geographic_targeting","audience.countries":["United Kingdom"]}""")]
    [InlineData("Target customers in the USA", """{"campaign_type":"geographic_targeting","audience.countries":["United States"]}""")]
    [InlineData("Give us feedback and get free shipping", """{"campaign_type":"general_promotion","incentive.type":"free_shipping"}""")]
    // Categories and product types, singular and plural; promoted items are not audience.
    [InlineData("Customers who bought a sofa", """{"campaign_type":"general_promotion","audience.product_types":["Sofas"]}""")]
    [InlineData("Customers who purchased storage boxes or shelving units", """{"campaign_type":"general_promotion","audience.product_types":["Storage Boxes","Shelving Units"]}""")]
    [InlineData("Customers who bought kitchen and dining items", """{"campaign_type":"general_promotion","audience.categories":["Kitchen & Dining"]}""")]
    [InlineData("Customers who bought textiles, decoration or bathroom products", """{"campaign_type":"general_promotion","audience.categories":["Textiles","Decoration","Bathroom"]}""")]
    [InlineData("Promote throw blankets with a gift", """{"campaign_type":"general_promotion","incentive.type":"gift"}""")]
    [InlineData("Give 10% off bar stools to customers in Houston", """{"campaign_type":"geographic_targeting","audience.cities":["Houston"],"incentive.type":"percent_discount","incentive.value":10}""")]
    // Negation of incentives.
    [InlineData("No discount, just a reminder to cart abandoners", """{"campaign_type":"abandoned_cart_recovery","incentive.type":"none","suggested_trigger":"cart_reminder"}""")]
    [InlineData("Full-price follow-up for abandoned baskets from Phoenix", """{"campaign_type":"abandoned_cart_recovery","audience.cities":["Phoenix"],"incentive.type":"none","suggested_trigger":"cart_reminder"}""")]
    [InlineData("Re-engage lapsed customers without offering a discount", """{"campaign_type":"win_back","incentive.type":"none"}""")]
    // KPIs.
    [InlineData("General campaign to improve click-through rate by 3%", """{"campaign_type":"general_promotion","kpi.metric":"engagement_rate","kpi.target_change_pct":3}""")]
    [InlineData("Increase repeat orders by 7% among medium-value customers", """{"campaign_type":"general_promotion","audience.value_tier":"medium","kpi.metric":"repeat_purchase_rate","kpi.target_change_pct":7}""")]
    [InlineData("25% lift in conversion from paid search customers", """{"campaign_type":"general_promotion","audience.acquisition_sources":["paid_search"],"kpi.metric":"conversion_rate","kpi.target_change_pct":25}""")]
    // Second batch: quarter names, ">=", "90+", parentheses, hint priority, "stopped", "yet", promoted items to buyers.
    [InlineData("Drive sales of mattresses in Q4 with a 10% discount for shoppers in Brisbane", """{"campaign_type":"geographic_targeting","audience.cities":["Brisbane"],"incentive.type":"percent_discount","incentive.value":10,"kpi.metric":"revenue"}""")]
    [InlineData("Customers who abandoned their cart within the past 3 days and have a CLV score >= 0.7", """{"campaign_type":"abandoned_cart_recovery","audience.clv_min":0.7,"audience.behavior.abandoned_cart_within_days":3}""")]
    [InlineData("Bring lapsed shoppers back: anyone inactive for 90+ days gets £20 off", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":90,"incentive.type":"fixed_discount","incentive.value":20}""")]
    [InlineData("Recent buyers (last 7 days) of coffee tables: recommend rugs and matching TV stands", """{"campaign_type":"cross_sell","audience.product_types":["Coffee Tables"],"audience.behavior.purchased_within_days":7,"suggested_trigger":"product_recommendation"}""")]
    [InlineData("Remind shoppers about wishlist items that are low in stock", """{"campaign_type":"general_promotion","suggested_trigger":"urgency_low_stock"}""")]
    [InlineData("Nudge window shoppers who browsed lighting yesterday with room ideas", """{"campaign_type":"browse_abandonment","audience.categories":["Lighting"],"audience.behavior.viewed_within_days":1,"suggested_trigger":"content_inspiration"}""")]
    [InlineData("Reactivate customers who used to buy decor but stopped 4 months ago", """{"campaign_type":"win_back","audience.categories":["Decoration"],"audience.behavior.no_purchase_for_days":120}""")]
    [InlineData("Welcome customers who joined last week and haven't ordered yet", """{"campaign_type":"new_customer_onboarding","audience.behavior.acquired_within_days":7}""")]
    [InlineData("Offer 20 percent off dining chairs to anyone who bought a dining table in the last 2 months", """{"campaign_type":"cross_sell","audience.product_types":["Dining Tables"],"audience.behavior.purchased_within_days":60,"incentive.type":"percent_discount","incentive.value":20}""")]
    [InlineData("Shoppers who added beds to cart in the past 2 days and did not check out", """{"campaign_type":"abandoned_cart_recovery","audience.product_types":["Bed Frames"],"audience.behavior.abandoned_cart_within_days":2,"suggested_trigger":"cart_reminder"}""")]
    [InlineData("Customers who spent money with us in the last year get free delivery", """{"campaign_type":"general_promotion","audience.behavior.purchased_within_days":365,"incentive.type":"free_shipping"}""")]
    [InlineData("Invite our VIPs to a private sale of the new Outdoor range", """{"campaign_type":"loyalty_reward","audience.value_tier":"high","incentive.type":"exclusive_access","suggested_trigger":"exclusive_access"}""")]
    [InlineData("Target at-risk customers with a 15% discount", """{"campaign_type":"win_back","audience.churn_risk":"high","incentive.type":"percent_discount","incentive.value":15}""")]
    [InlineData("Customers who haven't bought in 6 mos, 10% off", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":180,"incentive.type":"percent_discount","incentive.value":10}""")]
    [InlineData("Boost conversion rate 20% for cart abandoners with $10 off", """{"campaign_type":"abandoned_cart_recovery","incentive.type":"fixed_discount","incentive.value":10,"kpi.metric":"conversion_rate","kpi.target_change_pct":20}""")]
    [InlineData("Increase average basket size by 5% across the UK", """{"campaign_type":"geographic_targeting","audience.countries":["United Kingdom"],"kpi.metric":"average_order_value","kpi.target_change_pct":5}""")]
    [InlineData("Upsell premium mattresses to people who bought bed frames within the past 14 days", """{"campaign_type":"cross_sell","audience.product_types":["Bed Frames"],"audience.behavior.purchased_within_days":14}""")]
    [InlineData("Push the autumn collection to first-time customers acquired from Pinterest in the last 30 days", """{"campaign_type":"new_customer_onboarding","audience.acquisition_sources":["social"],"audience.behavior.acquired_within_days":30}""")]
    [InlineData("Win-back campaign for customers who last purchased over 180 days ago", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":180}""")]
    [InlineData("Lapsed high-CLV customers (no purchase for a quarter): 2x loyalty points", """{"campaign_type":"win_back","audience.value_tier":"high","audience.behavior.no_purchase_for_days":90,"incentive.type":"loyalty_points","suggested_trigger":"loyalty_points_bonus"}""")]
    [InlineData("Customers who signed up in the last month but haven't made a purchase should receive a $15 welcome voucher", """{"campaign_type":"new_customer_onboarding","audience.behavior.acquired_within_days":30,"incentive.type":"fixed_discount","incentive.value":15}""")]
    [InlineData("Target Canadians who browsed but did not purchase in the last fortnight", """{"campaign_type":"browse_abandonment","audience.countries":["Canada"],"audience.behavior.viewed_within_days":14}""")]
    [InlineData("Bring back churned customers from Birmingham and Leeds with a £30 gift card", """{"campaign_type":"win_back","audience.cities":["Birmingham","Leeds"],"incentive.type":"gift"}""")]
    [InlineData("Give 10% storewide discount to everyone", """{"campaign_type":"general_promotion","incentive.type":"percent_discount","incentive.value":10}""")]
    [InlineData("Customers with a cart value above £250 who abandoned in the past week, no incentive just a reminder", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":7,"audience.behavior.min_cart_value":250,"incentive.type":"none","suggested_trigger":"cart_reminder"}""")]
    [InlineData("Offer loyalty members in Ottawa 250 extra points on their next order", """{"campaign_type":"loyalty_reward","audience.cities":["Ottawa"],"incentive.type":"loyalty_points","incentive.value":250}""")]
    [InlineData("Thank everyone who bought a sofa this quarter with an invite to our members-only preview", """{"campaign_type":"loyalty_reward","audience.product_types":["Sofas"],"audience.behavior.purchased_within_days":90,"incentive.type":"exclusive_access"}""")]
    [InlineData("Give the top 10% of customers by CLV early access", """{"campaign_type":"general_promotion","audience.value_tier":"high","incentive.type":"exclusive_access"}""")]
    [InlineData("In March, send 15% off to customers in Sydney", """{"campaign_type":"geographic_targeting","audience.cities":["Sydney"],"incentive.type":"percent_discount","incentive.value":15}""")]
    [InlineData("Offer a discount to shoppers who abandoned baskets, but not to VIPs", """{"campaign_type":"abandoned_cart_recovery","incentive.type":"percent_discount"}""")]
    [InlineData("Cart recovery: email everyone who abandoned a wardrobe or a chest of drawers over the past week with £25 off", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":7,"incentive.type":"fixed_discount","incentive.value":25}""")]
    [InlineData("Reduce churn among high risk customers with exclusive offers", """{"campaign_type":"win_back","audience.churn_risk":"high","incentive.type":"exclusive_access"}""")]
    [InlineData("New York and LA customers who looked at desks this week", """{"campaign_type":"browse_abandonment","audience.cities":["New York","Los Angeles"],"audience.product_types":["Desks"],"audience.behavior.viewed_within_days":7}""")]
    [InlineData("Offer BOGO on cushions", """{"campaign_type":"general_promotion","incentive.type":"gift"}""")]
    [InlineData("All customers except those in London get free shipping", """{"campaign_type":"general_promotion","incentive.type":"free_shipping"}""")]
    [InlineData("Carts worth $1.5k or more abandoned in the last 36 hours", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":1.5,"audience.behavior.min_cart_value":1500}""")]
    [InlineData("Get lapsed customers who purchased office chairs more than a year ago to come back with 30% off", """{"campaign_type":"win_back","audience.product_types":["Office Chairs"],"audience.behavior.no_purchase_for_days":365,"incentive.type":"percent_discount","incentive.value":30}""")]
    [InlineData("Drive conversions from email signups with a 20% welcome discount", """{"campaign_type":"new_customer_onboarding","audience.acquisition_sources":["email"],"incentive.type":"percent_discount","incentive.value":20,"kpi.metric":"conversion_rate"}""")]
    [InlineData("Customers who bought a nightstand, a TV stand or a filing cabinet", """{"campaign_type":"general_promotion","audience.product_types":["Nightstands","TV Stands","Filing Cabinets"]}""")]
    [InlineData("Shoppers who purchased towel racks or mirror cabinets last month", """{"campaign_type":"general_promotion","audience.product_types":["Towel Racks","Mirror Cabinets"],"audience.behavior.purchased_within_days":30}""")]
    [InlineData("Buyers of throw blankets and picture frames in Melbourne", """{"campaign_type":"geographic_targeting","audience.cities":["Melbourne"],"audience.product_types":["Throw Blankets","Picture Frames"]}""")]
    [InlineData("People who ordered a couch from us in the states", """{"campaign_type":"geographic_targeting","audience.countries":["United States"],"audience.product_types":["Sofas"]}""")]
    [InlineData("Customers in Great Britain who purchased desk lamps or table lamps", """{"campaign_type":"geographic_targeting","audience.countries":["United Kingdom"],"audience.product_types":["Desk Lamps","Table Lamps"]}""")]
    [InlineData("Customers who carted ceiling lights in the past day", """{"campaign_type":"abandoned_cart_recovery","audience.product_types":["Ceiling Lights"],"audience.behavior.abandoned_cart_within_days":1}""")]
    [InlineData("Customers who bought home office furniture", """{"campaign_type":"general_promotion","audience.categories":["Office"]}""")]
    [InlineData("Target Brits and Yanks with a discount", """{"campaign_type":"geographic_targeting","audience.countries":["United Kingdom","United States"],"incentive.type":"percent_discount"}""")]
    [InlineData("GOAL: +15% conversion. AUDIENCE: cart abandoners (last 24h). OFFER: free shipping.", """{"campaign_type":"abandoned_cart_recovery","audience.behavior.abandoned_cart_within_days":1,"incentive.type":"free_shipping","kpi.metric":"conversion_rate","kpi.target_change_pct":15}""")]
    [InlineData("Target: high value customers | Offer: 20% off | KPI: revenue +10%", """{"campaign_type":"general_promotion","audience.value_tier":"high","incentive.type":"percent_discount","incentive.value":20,"kpi.metric":"revenue","kpi.target_change_pct":10}""")]
    [InlineData("Aim for a 30% reactivation rate among customers inactive for 120 days", """{"campaign_type":"win_back","audience.behavior.no_purchase_for_days":120,"kpi.metric":"reactivation_rate","kpi.target_change_pct":30}""")]
    [InlineData("Retarget everyone who added a TV stand to their basket in the past 2 hrs with a 5 % discount", """{"campaign_type":"abandoned_cart_recovery","audience.product_types":["TV Stands"],"audience.behavior.abandoned_cart_within_days":0.0833,"incentive.type":"percent_discount","incentive.value":5}""")]
    public async Task Interpret_Phrasing_ReadsEveryField(string objective, string expectJson)
    {
        LabelledObjective example = new("case", objective,
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(expectJson)!, []);

        CampaignObjective answer = await Rules.InterpretAsync(objective);

        IReadOnlyList<InterpretationFailure> failures = InterpretationEvaluator.Compare(example, answer);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Field}: expected {f.Expected}, got {f.Actual}")));
        Assert.Empty(CampaignObjectiveValidator.Validate(answer, HomeFurnishingProfile.Load()));
    }
}
