using AetherSegment.DataModel;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The rule-based interpreter's lexicon: every phrase it knows and what it means. The business's words come from the
/// profile through <see cref="InterpreterCatalog"/>: place and taxonomy values of every level with an objective field
/// (their words, singulars and the vocabulary's synonyms and groups), acquisition sources, the words of view and cart
/// event types, the words of the value and churn score attributes, and the goods words. Numbers, time spans, negation
/// and comparison are the <see cref="LanguageWords"/> shared with the question parser; the marketing vocabulary
/// (carts, discounts, KPIs) is one line each. Phrases are written naturally: they go through the same tokenizer as
/// objectives (case, hyphens and apostrophes do not matter).
/// </summary>
internal static class LexiconEntries
{
    /// <summary>Every phrase with its meanings, the catalog's from <paramref name="catalog"/>. Later duplicates add meanings to earlier ones.</summary>
    internal static IEnumerable<(string Phrase, LexMeaning[] Meanings)> All(InterpreterCatalog catalog)
    {
        HashSet<string> core = new(StringComparer.OrdinalIgnoreCase);
        foreach ((string phrase, LexMeaning[] meanings) in Vocabulary())
        {
            core.Add(phrase);
            yield return (phrase, meanings);
        }

        CatalogVocabulary words = catalog.Words;
        foreach (CatalogLevelSpan level in catalog.PlaceLevels)
        {
            foreach (CatalogPhrase phrase in words.Phrases(level.Facet, CatalogPhraseForms.None))
            {
                LexMeaning[] meaning = [new(Sense.Place, level.Offset + phrase.Index)];
                if (InterpreterCatalog.IsCapitalWord(phrase.Phrase) && phrase.Phrase != phrase.Value)
                {
                    catalog.CapitalWords.TryAdd(phrase.Phrase.ToLowerInvariant(), meaning);
                    continue;
                }

                yield return (phrase.Phrase, meaning);
            }
        }

        foreach (CatalogLevelSpan level in catalog.TaxonLevels)
        {
            foreach (CatalogPhrase phrase in words.Phrases(level.Facet, CatalogPhraseForms.AmpersandAsAnd | CatalogPhraseForms.Singular))
            {
                yield return (phrase.Phrase, [new(Sense.Taxon, level.Offset + phrase.Index)]);
            }
        }

        foreach (CatalogPhrase phrase in words.Phrases(CatalogFacets.AcquisitionSource, CatalogPhraseForms.UnderscoresAsSpaces))
        {
            yield return (phrase.Phrase, [new(Sense.Source, phrase.Index)]);
        }

        foreach ((string phrase, LexMeaning[] meanings) in Groups(catalog))
        {
            yield return (phrase, meanings);
        }

        BusinessProfile profile = catalog.Profile;
        foreach (EventTypeEntry eventType in profile.Catalog.EventTypes)
        {
            LexMeaning[]? meanings = eventType.Kind switch
            {
                EventTypeKind.View => [Beh(BehaviorKind.View), Cue(CampaignType.BrowseAbandonment)],
                EventTypeKind.Cart => [Beh(BehaviorKind.Cart), Cue(CampaignType.AbandonedCartRecovery)],
                _ => null,
            };
            if (meanings is null)
            {
                continue;
            }

            foreach (string phrase in (string[])[ProfileTextLabel(eventType.Name), eventType.Label, .. eventType.Words])
            {
                if (!string.IsNullOrWhiteSpace(phrase))
                {
                    yield return (phrase, meanings);
                }
            }
        }

        // The score attributes' words, where Core's vocabulary has no meaning for them ("big spenders" stays a tier).
        foreach (ProfileAttribute attribute in profile.Attributes)
        {
            LexMeaning[]? meanings = attribute.Role switch
            {
                ProfileAttributeRole.ValueScore => [new(Sense.Clv)],
                ProfileAttributeRole.ChurnScore => [new(Sense.ChurnProbability), Cue(CampaignType.WinBack)],
                _ => null,
            };
            if (meanings is null)
            {
                continue;
            }

            foreach (string phrase in (string[])[ProfileTextLabel(attribute.Name), attribute.Label, .. attribute.Words])
            {
                if (!string.IsNullOrWhiteSpace(phrase) && !core.Contains(phrase))
                {
                    yield return (phrase, meanings);
                }
            }
        }

        foreach (string phrase in profile.Vocabulary.GoodsWords)
        {
            yield return (phrase, [Filler, new(Sense.Goods)]);
        }
    }

    private static string ProfileTextLabel(string name) => name.Replace('_', ' ');

    // Vocabulary groups of places, taxonomy values or sources: one phrase naming several values.
    private static IEnumerable<(string, LexMeaning[])> Groups(InterpreterCatalog catalog)
    {
        foreach (VocabularyGroup group in catalog.Profile.Vocabulary.Groups)
        {
            (Sense sense, string[] values) = group.List switch
            {
                CatalogList.Places => (Sense.Place, catalog.PlaceValues),
                CatalogList.Taxonomy => (Sense.Taxon, catalog.TaxonValues),
                CatalogList.AcquisitionSources => (Sense.Source, catalog.Sources),
                _ => (Sense.Filler, []),
            };
            List<LexMeaning> meanings = [];
            foreach (string value in group.Values)
            {
                int index = Array.IndexOf(values, value);
                if (index >= 0)
                {
                    meanings.Add(new LexMeaning(sense, index));
                }
            }

            if (meanings.Count == 0)
            {
                continue;
            }

            foreach (string word in group.Words)
            {
                yield return (word, [.. meanings]);
            }
        }
    }

    private static LexMeaning Cue(CampaignType type) => new(Sense.Campaign, (int)type);

    private static LexMeaning Beh(BehaviorKind kind) => new(Sense.Behavior, (int)kind);

    private static LexMeaning Inc(IncentiveType type, double strength) => new(Sense.Incentive, (int)type, strength);

    private static LexMeaning Kpi(KpiMetric metric) => new(Sense.Kpi, (int)metric);

    /// <summary>A hint at the profile's trigger that lists the phrase among its words (resolved by <see cref="ProfileTriggerWords"/>).</summary>
    private static LexMeaning TrigNamed => new(Sense.Trigger, ProfileTriggerWords.NamedByWord);

    /// <summary>A hint at the profile's trigger of the "none" incentive (resolved by <see cref="ProfileTriggerWords"/>).</summary>
    private static LexMeaning TrigOfNoIncentive => new(Sense.Trigger, ProfileTriggerWords.OfNoIncentive, ProfileTriggerWords.Cue);

    /// <summary>A hint at the profile's first trigger for a campaign type (resolved by <see cref="ProfileTriggerWords"/>).</summary>
    private static LexMeaning TrigFor(CampaignType type) => new(Sense.Trigger, ProfileTriggerWords.ForCampaignType(type), ProfileTriggerWords.Cue);

    private static LexMeaning Tier(ValueTier tier) => new(Sense.Tier, (int)tier);

    private static LexMeaning Unit(double days) => new(Sense.Unit, 0, days);

    private static LexMeaning Num(double value) => new(Sense.NumberWord, 0, value);

    private static readonly LexMeaning Customer = new(Sense.CustomerNoun);
    private static readonly LexMeaning Negator = new(Sense.Negator);
    private static readonly LexMeaning Promote = new(Sense.Promote);
    private static readonly LexMeaning Acq = new(Sense.AcquisitionContext);
    private static readonly LexMeaning Growth = new(Sense.Growth);
    private static readonly LexMeaning Comparator = new(Sense.Comparator);
    private static readonly LexMeaning Filler = new(Sense.Filler);

    private static IEnumerable<(string, LexMeaning[])> Vocabulary()
    {
        // Abandoned carts (rule 1).
        foreach (string p in (string[])["cart", "carts", "basket", "baskets", "trolley", "trolleys", "shopping cart", "shopping carts",
                     "checkout", "checkouts", "carted", "abandoned cart", "abandoned carts", "abandoned basket", "abandoned baskets",
                     "cart abandoners", "cart abandoner", "basket abandoners", "cart abandonment", "basket abandonment", "added to cart",
                     "added to basket", "added to their cart", "added to their basket", "left in their cart", "left in their basket",
                     "left in cart", "left in basket", "to cart", "to basket", "to their cart", "to their basket", "to the cart",
                     "to the basket", "in their cart", "in their basket", "in cart", "in basket"])
        {
            yield return (p, [Beh(BehaviorKind.Cart), Cue(CampaignType.AbandonedCartRecovery)]);
        }

        foreach (string p in (string[])["abandoned", "abandon", "abandoning", "abandons", "left behind"])
        {
            yield return (p, [new(Sense.Filler)]);
        }

        // Browsing (rule 2).
        foreach (string p in (string[])["viewed", "view", "views", "viewing", "browsed", "browse", "browsing", "browsers", "looked at",
                     "looking at", "visited", "clicked on", "window shoppers", "window shopping", "browse abandonment",
                     "browse abandoners", "product views", "product pages", "explored"])
        {
            yield return (p, [Beh(BehaviorKind.View), Cue(CampaignType.BrowseAbandonment)]);
        }

        // Purchases.
        foreach (string p in (string[])["bought", "buy", "buying", "purchased", "purchase", "purchasing", "ordered", "ordering",
                     "shopped", "spent", "made a purchase", "placed an order", "made an order", "transacted", "buyers", "purchasers", "recent buyers", "recent purchasers"])
        {
            yield return (p, [Beh(BehaviorKind.Purchase)]);
        }

        yield return ("buyers", [Customer]);
        yield return ("purchasers", [Customer]);
        yield return ("recent buyers", [Customer]);
        yield return ("recent purchasers", [Customer]);
        yield return ("owners", [Customer]);

        // Lapsed, win back (rule 3).
        foreach (string p in (string[])["lapsed", "lapsing", "inactive", "dormant", "churned", "lost customers", "gone quiet", "gone cold",
                     "not been back", "haven't been back", "have not been back", "not returned", "haven't returned", "stopped buying",
                     "stopped shopping", "stopped ordering", "stopped", "disengaged", "no purchase", "no purchases", "no orders", "no order",
                     "not active"])
        {
            yield return (p, [Beh(BehaviorKind.Lapsed), Cue(CampaignType.WinBack)]);
        }

        foreach (string p in (string[])["win back", "winback", "win-back", "win them back", "win over again", "re engage", "reengage",
                     "re-engagement", "reengagement", "re engaging", "re activate", "reactivate", "reactivating", "bring back", "bring them back",
                     "come back", "coming back", "came back", "lure back", "we miss you", "miss you", "churn", "reduce churn", "prevent churn"])
        {
            yield return (p, [Cue(CampaignType.WinBack)]);
        }

        yield return ("reactivation", [Cue(CampaignType.WinBack), Kpi(KpiMetric.ReactivationRate)]);
        yield return ("reactivation rate", [Cue(CampaignType.WinBack), Kpi(KpiMetric.ReactivationRate)]);
        yield return ("reactivations", [Cue(CampaignType.WinBack), Kpi(KpiMetric.ReactivationRate)]);

        foreach (string p in (string[])["churn risk", "risk of churn", "risk of churning", "at risk", "at-risk", "likely to churn",
                     "churn-risk", "churners", "about to churn", "high churn", "high churn risk", "high risk of churn", "high risk of churning",
                     "churn likelihood", "churn prone", "at risk of leaving", "high risk", "high-risk", "risk of leaving"])
        {
            yield return (p, [new(Sense.ChurnHigh), Cue(CampaignType.WinBack)]);
        }

        yield return ("churn probability", [new(Sense.ChurnProbability), Cue(CampaignType.WinBack)]);
        yield return ("churn score", [new(Sense.ChurnProbability), Cue(CampaignType.WinBack)]);
        yield return ("probability of churn", [new(Sense.ChurnProbability), Cue(CampaignType.WinBack)]);
        yield return ("low", [new(Sense.Low)]);

        // New customers (rule 4).
        foreach (string p in (string[])["new customers", "new customer", "new buyers", "new shoppers", "new members", "new users",
                     "new sign ups", "new signups", "new subscribers", "new registrations", "newly acquired", "newly registered",
                     "first time", "first-time", "first time buyers", "first time customers", "newcomers", "just joined",
                     "recently joined", "recent sign ups", "recent signups", "new accounts", "new arrivals to our site"])
        {
            yield return (p, [Beh(BehaviorKind.Acquire), Cue(CampaignType.NewCustomerOnboarding), Customer]);
        }

        foreach (string p in (string[])["acquired", "signed up", "sign up", "signed-up", "signups", "sign ups", "joined", "registered",
                     "subscribed", "came in", "came", "arrived", "onboarded", "created an account", "opened an account", "found us",
                     "referred", "recruited"])
        {
            yield return (p, [Beh(BehaviorKind.Acquire), Acq]);
        }

        yield return ("via", [Acq, Promote]);
        yield return ("through", [Acq, Promote]);
        yield return ("from", [Acq]);

        foreach (string p in (string[])["welcome", "welcoming", "onboard", "onboarding", "first purchase", "first order", "first orders",
                     "first purchases", "welcome series", "welcome offer", "get started", "introduce them"])
        {
            yield return (p, [Cue(CampaignType.NewCustomerOnboarding)]);
        }

        // Cross-sell (rule 5).
        foreach (string p in (string[])["cross sell", "cross selling", "cross sold", "crosssell", "complementary", "complement",
                     "complements", "complementing", "accessories", "accessorize", "accessorise", "to go with", "goes with", "go with",
                     "matching", "pair with", "pairs with", "pairing", "bundle", "bundles", "complete the look", "complete the room",
                     "add-ons", "add ons", "upsell", "up sell", "upselling", "companion pieces", "coordinating"])
        {
            yield return (p, [Cue(CampaignType.CrossSell), TrigFor(CampaignType.CrossSell)]);
        }

        foreach (string p in (string[])["recommend", "recommends", "recommending", "recommendation", "recommendations", "suggest",
                     "suggesting", "suggestions", "personalised picks", "personalized picks"])
        {
            yield return (p, [new(Sense.Recommend), Promote, TrigNamed]);
        }

        // Loyalty (rule 6).
        foreach (string p in (string[])["loyalty", "loyal", "loyalty members", "loyalty club", "loyalty program", "loyalty programme",
                     "reward", "rewards", "rewarding", "thank", "thanks", "thank you", "thank-you", "appreciation", "appreciate",
                     "repeat customers", "regulars"])
        {
            yield return (p, [Cue(CampaignType.LoyaltyReward)]);
        }

        foreach (string p in (string[])["vip", "vips", "vip customers", "very important", "vip members", "vip club"])
        {
            yield return (p, [Cue(CampaignType.LoyaltyReward), Tier(ValueTier.High), Customer]);
        }

        // Product launch (rule 7).
        foreach (string p in (string[])["launch", "launches", "launching", "launched", "product launch", "product launches",
                     "new collection", "new collections", "new range", "new ranges", "new line", "new lines", "new arrivals",
                     "new products", "new product", "new designs", "new season", "unveil", "unveiling", "debut", "debuting",
                     "introduce", "introducing", "announce", "announcing", "pre-order", "preorder", "just landed", "latest collection",
                     "spring collection", "summer collection", "autumn collection", "fall collection", "winter collection"])
        {
            yield return (p, [Cue(CampaignType.ProductLaunch), Promote]);
        }

        foreach (string p in (string[])["collection", "range", "line"])
        {
            yield return (p, [Filler]);
        }

        // Geography (rule 8).
        foreach (string p in (string[])["regional", "region", "regions", "local", "locally", "nearby", "city", "cities", "country",
                     "countries", "market", "markets", "nationwide", "geographic", "geo", "geo-targeted", "area"])
        {
            yield return (p, [Cue(CampaignType.GeographicTargeting)]);
        }

        // Value tiers.
        foreach (string p in (string[])["high value", "high-value", "high clv", "high-clv", "high ltv", "top tier", "top-tier",
                     "top customers", "best customers", "most valuable", "valuable customers", "big spenders", "high spenders",
                     "premium customers", "high lifetime value", "top spenders", "highest value", "whales", "top value"])
        {
            yield return (p, [Tier(ValueTier.High)]);
        }

        foreach (string p in (string[])["medium value", "mid value", "mid-value", "mid tier", "mid-tier", "medium clv", "mid clv",
                     "average value", "middle tier", "moderate value"])
        {
            yield return (p, [Tier(ValueTier.Medium)]);
        }

        foreach (string p in (string[])["low value", "low-value", "low clv", "low-clv", "low ltv", "bottom tier", "low spenders",
                     "lower value", "least valuable", "bargain hunters"])
        {
            yield return (p, [Tier(ValueTier.Low)]);
        }

        // Incentives.
        foreach (string p in (string[])["discount", "discounts", "discounted", "voucher", "vouchers", "coupon", "coupons", "promo code",
                     "promo codes", "promotion code", "discount code", "discount codes", "markdown", "price cut",
                     "savings", "offer code", "personalized discount", "personalised discount", "money off", "cash off", "credit",
                     "store credit", "rebate", "price drop", "reduction"])
        {
            yield return (p, [Inc(p is "money off" or "cash off" or "credit" or "store credit" or "rebate"
                ? IncentiveType.FixedDiscount : IncentiveType.PercentDiscount, 2)]);
        }

        foreach (string p in (string[])["free shipping", "free delivery", "free postage", "free p&p", "free next day delivery",
                     "free express delivery", "shipping on us", "delivery on us", "complimentary shipping", "complimentary delivery",
                     "waived delivery", "no delivery charge", "no delivery fee", "no shipping fee", "zero delivery", "free returns and delivery",
                     "free home delivery", "free standard delivery"])
        {
            yield return (p, [Inc(IncentiveType.FreeShipping, 3)]);
        }

        foreach (string p in (string[])["early access", "exclusive access", "members-only", "members only", "member only", "vip access",
                     "sneak peek", "sneak preview", "preview", "first look", "first access", "private sale", "private preview",
                     "priority access", "invite-only", "invitation only", "first dibs", "exclusive preview"])
        {
            yield return (p, [Inc(IncentiveType.ExclusiveAccess, 3)]);
        }

        foreach (string p in (string[])["exclusive", "exclusives", "exclusively", "exclusive offers", "exclusive offer", "exclusive deals"])
        {
            yield return (p, [Inc(IncentiveType.ExclusiveAccess, 1)]);
        }

        foreach (string p in (string[])["points", "loyalty points", "bonus points", "reward points", "double points", "triple points",
                     "extra points", "points bonus", "points multiplier"])
        {
            yield return (p, [Inc(IncentiveType.LoyaltyPoints, 3), new(Sense.Points), Cue(CampaignType.LoyaltyReward)]);
        }

        foreach (string p in (string[])["gift", "gifts", "free gift", "free gifts", "gift with purchase", "freebie", "freebies",
                     "gift card", "gift cards", "free sample", "free samples", "giveaway", "free", "bogo", "buy one get one",
                     "buy one get one free", "two for one", "free item"])
        {
            yield return (p, [Inc(IncentiveType.Gift, 2)]);
        }

        foreach (string p in (string[])["no incentive", "no incentives", "without incentive", "without an incentive", "without incentives",
                     "without any incentive", "no offer", "no offers", "without an offer", "without any offer", "no discount", "no discounts",
                     "without a discount", "without discount", "without any discount", "no coupon", "no voucher", "no promo", "no promotion",
                     "full price", "full-price", "just a reminder", "only a reminder", "simple reminder", "plain reminder", "gentle reminder",
                     "reminder only", "just remind", "only remind", "purely a reminder", "nothing off", "no money off", "no freebies",
                     "no free shipping", "no free delivery", "no sweeteners"])
        {
            yield return (p, [new(Sense.NoIncentive), TrigOfNoIncentive]);
        }

        foreach (string p in (string[])["reminder", "reminders", "remind", "reminding", "nudge", "nudges", "follow up", "follow-up"])
        {
            yield return (p, [TrigNamed]);
        }

        // KPIs.
        foreach (string p in (string[])["conversion", "conversions", "conversion rate", "convert", "converting", "conversion rates",
                     "checkout rate", "recovery rate", "cart recovery rate", "completed checkouts", "completed purchases"])
        {
            yield return (p, [Kpi(KpiMetric.ConversionRate)]);
        }

        foreach (string p in (string[])["revenue", "sales", "turnover", "takings", "income", "gmv", "sales revenue", "total sales"])
        {
            yield return (p, [Kpi(KpiMetric.Revenue)]);
        }

        foreach (string p in (string[])["cross sell revenue", "cross-sell revenue", "cross sell sales", "cross-sell sales", "attach rate",
                     "accessory sales", "accessory revenue", "add-on sales", "add on sales"])
        {
            yield return (p, [Kpi(KpiMetric.CrossSellRevenue), Cue(CampaignType.CrossSell)]);
        }

        foreach (string p in (string[])["repeat purchase", "repeat purchases", "repeat purchase rate", "repeat rate", "repeat orders",
                     "repeat order", "repeat buying", "repeat business", "second purchase", "second purchases", "second order",
                     "purchase frequency", "order frequency", "repurchase", "repurchases", "repurchase rate", "buy again", "come back and buy"])
        {
            yield return (p, [Kpi(KpiMetric.RepeatPurchaseRate)]);
        }

        foreach (string p in (string[])["regional sales", "regional revenue", "local sales", "regional growth", "sales in the region",
                     "market share"])
        {
            yield return (p, [Kpi(KpiMetric.RegionalSales), Cue(CampaignType.GeographicTargeting)]);
        }

        foreach (string p in (string[])["average order value", "aov", "order value", "order values", "basket size", "basket value",
                     "basket sizes", "average basket", "average order", "average spend", "spend per order", "ticket size", "cart size",
                     "average cart value"])
        {
            yield return (p, [Kpi(KpiMetric.AverageOrderValue)]);
        }

        foreach (string p in (string[])["engagement", "engagement rate", "engagements", "click through", "click-through rate",
                     "click through rate", "ctr", "clicks", "open rate", "open rates", "opens", "interaction", "interactions"])
        {
            yield return (p, [Kpi(KpiMetric.EngagementRate)]);
        }

        // Numbers, time and comparison: the language words shared with the question parser.
        for (int i = 0; i < LanguageWords.Ones.Count; i++)
        {
            yield return (LanguageWords.Ones[i], [Num(i)]);
        }

        for (int i = 0; i < LanguageWords.Tens.Count; i++)
        {
            yield return (LanguageWords.Tens[i], [Num((i + 2) * 10)]);
        }

        foreach ((string p, double value) in LanguageWords.NumberPhrases)
        {
            yield return (p, [Num(value)]);
        }

        foreach ((string p, double factor) in LanguageWords.Multipliers)
        {
            yield return (p, [new(Sense.Multiplier, 0, factor)]);
        }

        foreach ((string p, double days) in LanguageWords.TimeUnits)
        {
            yield return (p, [Unit(days)]);
        }

        foreach (string p in LanguageWords.OneUnitWords)
        {
            yield return (p, [new(Sense.One)]);
        }

        yield return ("one", [Num(1)]);
        foreach ((string p, double days) in LanguageWords.DayWindows)
        {
            yield return (p, [new(Sense.Window, 0, days)]);
        }

        foreach ((string p, int currency) in LanguageWords.CurrencyWords)
        {
            yield return (p, [new(Sense.Currency, currency)]);
        }

        foreach (string p in LanguageWords.PercentWords)
        {
            yield return (p, [new(Sense.Percent)]);
        }

        foreach (string p in LanguageWords.Negators)
        {
            yield return (p, [Negator]);
        }

        foreach (string p in LanguageWords.ExclusionWords)
        {
            yield return (p, [Negator]);
        }

        // Months and days name campaign timing, not places.
        foreach (string p in LanguageWords.MonthNames.Concat(LanguageWords.OtherCalendarNames))
        {
            yield return (p, [Filler]);
        }

        foreach (string p in LanguageWords.NeverWords)
        {
            yield return (p, [new(Sense.Never), Negator]);
        }

        foreach (string p in LanguageWords.AtLeastWords)
        {
            yield return (p, [Comparator]);
        }

        foreach (string p in (string[])["off", "save", "saving", "extra", "take", "knock", "reduced by", "discount of", "off of"])
        {
            yield return (p, [new(Sense.Off)]);
        }

        yield return ("by", [new(Sense.By)]);

        foreach (string p in (string[])["increase", "increasing", "increases", "boost", "boosting", "lift", "lifting", "grow", "growing",
                     "growth", "raise", "raising", "drive", "driving", "improve", "improving", "improvement", "uplift", "up", "push",
                     "double", "maximize", "maximise", "goal", "target", "aim", "aiming", "kpi", "increase in", "rise", "jump", "gain"])
        {
            yield return (p, [Growth]);
        }

        foreach (string p in (string[])["customers", "customer", "shoppers", "shopper", "users", "people", "clients", "folks",
                     "audience", "segment", "members", "subscribers", "households", "homeowners", "everyone", "visitors", "accounts"])
        {
            yield return (p, [Customer]);
        }

        foreach (string p in (string[])["items", "item", "products", "product", "orders", "pieces", "goods", "purchases", "carts",
                     "baskets", "cart", "basket", "sku", "skus"])
        {
            yield return (p, [new(Sense.ItemNoun)]);
        }

        foreach (string p in (string[])["stuff", "things", "category", "categories", "type", "types",
                     "their", "our", "some", "any", "new", "matching", "complementary", "related", "home", "in", "within", "the", "a", "an", "for", "and", "or", "who", "that", "have", "has", "had", "recently",
                     "lately", "also"])
        {
            yield return (p, [Filler]);
        }

        foreach (string p in (string[])["with", "using", "offering", "offer", "offers", "give", "giving", "send", "sending", "promote",
                     "promoting", "show", "showing", "feature", "featuring", "on", "to", "so", "in order to", "advertise", "push",
                     "email them", "target them", "encourage", "encouraging", "highlight", "showcase", "but", "then", "while", "plus",
                     "including", "like", "such as", "at"])
        {
            yield return (p, [Promote]);
        }

        foreach (string p in (string[])[",", ";", ":", ".", "!", "?", "(", ")"])
        {
            yield return (p, [new(Sense.Breaker), Promote]);
        }
    }
}
