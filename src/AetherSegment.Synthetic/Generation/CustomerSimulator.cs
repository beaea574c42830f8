using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// Generates one customer at a time, writing every row that customer owns across the seven tables. All draws come
/// from a random stream seeded by (seed, customer index), so customers are independent and the output is identical
/// for the same seed and as-of time. Reuses its buffers: memory does not depend on the customer count.
/// </summary>
internal sealed class CustomerSimulator
{
    /// <summary>The share of customers acquired in the two weeks before as-of.</summary>
    private const double NewCustomerShare = 0.04;

    private const long Day = 86_400;
    private const int MaxTransactions = 40;

    /// <summary>Past (closed) carts per 30 days, per unit of the customer's cart propensity.</summary>
    private const double PastCartsPer30Days = 0.25;

    /// <summary>How far back past carts go (the campaign history's span).</summary>
    private const long PastCartDays = 450;

    /// <summary>The random stream of customer i's past carts is this plus i (customer streams are 0..N-1).</summary>
    private const long PastCartStream = 1L << 40;

    private readonly int _seed;
    private readonly long _asOf;
    private readonly SyntheticCampaign[] _campaigns;
    private readonly long[] _campaignSentAt;
    private readonly CustomerState _c = new();
    private readonly List<EventDraft> _events = new(64);
    private readonly long[] _purchaseTimes = new long[MaxTransactions];
    private readonly int[] _purchaseCategories = new int[MaxTransactions];
    private readonly int[] _purchaseTypes = new int[MaxTransactions];
    private readonly double[] _uplift = new double[SyntheticTriggers.Ids.Length];
    private readonly int[] _cartCategories = new int[3];
    private readonly int[] _cartTypes = new int[3];
    private readonly ArrayBufferWriter<byte> _json = new(512);
    private readonly string[] _emailLastNames = [.. SyntheticVocabulary.LastNames.Select(n => n.Replace("'", "", StringComparison.Ordinal).ToLowerInvariant())];
    private readonly string[] _emailFirstNames = [.. SyntheticVocabulary.FirstNames.Select(n => n.ToLowerInvariant())];

    public CustomerSimulator(int seed, DateTime asOf, SyntheticCampaign[] campaigns)
    {
        _seed = seed;
        _asOf = ToSeconds(asOf);
        _campaigns = campaigns;
        _campaignSentAt = [.. campaigns.Select(c => ToSeconds(c.SentAt))];
    }

    /// <summary>Converts a UTC instant to Unix seconds.</summary>
    public static long ToSeconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    /// <summary>Converts Unix seconds to a UTC instant.</summary>
    public static DateTime ToDateTime(long seconds) => new(DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    /// <summary>Writes customer <paramref name="index"/> (0-based) and all their rows.</summary>
    public void Write(long index, GenerationWriters w)
    {
        SyntheticRandom random = new(_seed, index);
        CustomerState c = _c;
        c.ResetObservables();
        c.Index = index;
        c.CustomerId = CustomerId(index);
        DrawTraits(ref random, c);
        WriteCustomer(ref random, c, w.Customers);
        WriteTransactions(ref random, c, w.Transactions);
        DrawCart(ref random, c, out int cartItems);
        WriteEvents(ref random, c, cartItems, w.Events);
        if (cartItems > 0)
        {
            WriteCart(ref random, c, cartItems, w.Carts);
        }

        WriteScores(ref random, c, w.Scores);
        WriteCampaigns(ref random, c, w.Campaigns);
        if (w.GroundTruth is { } truth)
        {
            ResponseState now = StateAt(c, _asOf + 1);
            for (int t = 0; t < _uplift.Length; t++)
            {
                _uplift[t] = ResponseModel.Effect((SyntheticTrigger)t, c, now);
                truth.StartRow();
                truth.Write(c.CustomerId);
                truth.Write(SyntheticVocabulary.TriggerNames[t]);
                truth.Write(_uplift[t]);
                truth.EndRow();
            }
        }
    }

    /// <summary>The stable id of customer <paramref name="index"/> (0-based): C0000001, C0000002, ...</summary>
    public static string CustomerId(long index) => string.Create(CultureInfo.InvariantCulture, $"C{index + 1:D7}");

    private void DrawTraits(ref SyntheticRandom random, CustomerState c)
    {
        c.Country = random.NextWeighted(SyntheticVocabulary.CountryCumulative);
        c.Clv = Round3(random.NextKumaraswamy(1.8, 2.6));
        c.Discount = random.NextKumaraswamy(2.0, 2.0);
        c.FreeShipping = Math.Clamp((0.45 * c.Discount) + (0.55 * random.NextKumaraswamy(2.0, 2.2)), 0, 1);
        c.Exclusivity = random.NextKumaraswamy(1.6, 2.6);
        c.Content = random.NextKumaraswamy(2.0, 2.5);
        c.Churn = Math.Clamp(random.NextKumaraswamy(1.6, 2.6) - (0.3 * (c.Clv - 0.42)), 0.01, 0.99);
        c.PriceLevel = Math.Clamp(c.Clv + (0.15 * random.NextGaussian()), 0, 1);
        c.Device = random.NextWeighted([0.5, 0.8, 1.0]);

        // Tastes: three distinct favourite categories by popularity, weighted 0.55 / 0.3 / 0.15.
        int f0 = random.NextWeighted(SyntheticVocabulary.CategoryCumulative);
        int f1 = random.NextWeighted(SyntheticVocabulary.CategoryCumulative);
        while (f1 == f0)
        {
            f1 = random.Next(SyntheticVocabulary.Categories.Length);
        }

        int f2 = random.NextWeighted(SyntheticVocabulary.CategoryCumulative);
        while (f2 == f0 || f2 == f1)
        {
            f2 = random.Next(SyntheticVocabulary.Categories.Length);
        }

        c.FavouriteCategories[0] = f0;
        c.FavouriteCategories[1] = f1;
        c.FavouriteCategories[2] = f2;
        c.FavouriteCumulative[0] = 0.55;
        c.FavouriteCumulative[1] = 0.85;
        c.FavouriteCumulative[2] = 1.0;

        // About 4% are new customers acquired in the last two weeks (onboarding campaigns need them); the rest were
        // acquired between 3 weeks and 5 years before as-of. Churn-prone customers stopped being active a while ago.
        // The new-customer draw has its own stream, so every other draw of the customer stays as it was.
        SyntheticRandom acquisition = new(_seed, ~c.Index);
        long ageDays = 21 + (long)(1800 * Math.Pow(random.NextDouble(), 1.3));
        if (acquisition.Chance(NewCustomerShare))
        {
            ageDays = acquisition.NextInt64(14);
        }

        c.CreatedAt = _asOf - (ageDays * Day) - random.NextInt64(Day);
        double gapDays = -Math.Log(1.0 - random.NextDouble()) * (2.0 + (160.0 * c.Churn * c.Churn));
        // A customer is active for at least a day, but never past as-of: nothing is written in the future.
        c.ActiveUntil = Math.Min(_asOf, Math.Max(c.CreatedAt + Day, _asOf - (long)(gapDays * Day) - random.NextInt64(Day)));
    }

    private void WriteCustomer(ref SyntheticRandom random, CustomerState c, ITableWriter w)
    {
        int first = random.Next(SyntheticVocabulary.FirstNames.Length);
        int last = random.Next(SyntheticVocabulary.LastNames.Length);
        int city = random.NextWeighted(SyntheticVocabulary.CityCumulativeByCountry[c.Country]);
        w.StartRow();
        w.Write(c.CustomerId);
        w.Write(SyntheticVocabulary.FirstNames[first]);
        w.Write(SyntheticVocabulary.LastNames[last]);
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{_emailFirstNames[first]}.{_emailLastNames[last]}{c.Index + 1}@example.com"));
        w.Write(SyntheticVocabulary.CitiesByCountry[c.Country][city]);
        w.Write(SyntheticVocabulary.Countries[c.Country].Name);
        w.Write(c.Clv);
        w.Write(SyntheticVocabulary.AcquisitionSources[random.NextWeighted(SyntheticVocabulary.AcquisitionCumulative)]);
        w.Write(ToDateTime(c.CreatedAt));
        w.EndRow();
    }

    private void WriteTransactions(ref SyntheticRandom random, CustomerState c, ITableWriter w)
    {
        int count = Math.Min(MaxTransactions, random.NextPoisson(0.4 + (9.5 * Math.Pow(c.Clv, 1.15))));
        long span = Math.Max(1, c.ActiveUntil - c.CreatedAt);
        for (int i = 0; i < count; i++)
        {
            _purchaseTimes[i] = c.CreatedAt + random.NextInt64(span);
        }

        Array.Sort(_purchaseTimes, 0, count);
        for (int i = 0; i < count; i++)
        {
            int category = SessionSimulator.PickCategory(ref random, c);
            int type = random.Next(SyntheticVocabulary.ProductTypes[category].Length);
            ProductTypeInfo product = SyntheticVocabulary.ProductTypes[category][type];
            double price = Price(ref random, c, product);
            int quantity = product.MaxPrice <= 300 && random.Chance(0.3) ? random.Next(2, 5) : 1;
            while (quantity > 1 && price * quantity > 2500)
            {
                quantity--;
            }

            double orderValue = Math.Round(price * quantity, 2);
            _purchaseCategories[i] = category;
            _purchaseTypes[i] = type;
            w.StartRow();
            w.Write(string.Create(CultureInfo.InvariantCulture, $"T{c.Index + 1:D7}{i:D2}"));
            w.Write(c.CustomerId);
            w.Write(ToDateTime(_purchaseTimes[i]));
            w.Write(SyntheticVocabulary.Categories[category].Name);
            w.Write(product.Name);
            w.Write(SyntheticVocabulary.ProductNames[category][type][random.Next(SyntheticVocabulary.ProductNames[category][type].Length)]);
            w.Write((long)quantity);
            w.Write(orderValue);
            w.EndRow();
            c.TotalSpend += orderValue;
        }

        c.Purchases = count;
        c.LastPurchaseAt = count > 0 ? _purchaseTimes[count - 1] : 0;
    }

    /// <summary>A unit price inside the product type's range, pulled up by the customer's price level.</summary>
    public static double Price(ref SyntheticRandom random, CustomerState c, ProductTypeInfo product)
    {
        double u = Math.Pow(random.NextDouble(), 2.4 - (2.0 * c.PriceLevel));
        return Math.Round(product.MinPrice + (u * (product.MaxPrice - product.MinPrice)), 2);
    }

    private void DrawCart(ref SyntheticRandom random, CustomerState c, out int items)
    {
        double p = CartPropensity(c);
        items = 0;
        if (!random.Chance(p))
        {
            return;
        }

        items = 1 + (random.Chance(0.45) ? 1 : 0) + (random.Chance(0.2) ? 1 : 0);
        c.HasCart = true;

        // 70% of carts are abandoned in the last 7 days, the rest between 7 and 60 days ago (never before sign-up, and
        // never after the as-of: a customer who signed up in the last hour left the cart at the as-of).
        long age = random.Chance(0.7) ? random.NextInt64(7 * Day) : (7 * Day) + random.NextInt64(53 * Day);
        c.CartAt = Math.Min(_asOf, Math.Max(c.CreatedAt + 3600, _asOf - age));
    }

    private void WriteEvents(ref SyntheticRandom random, CustomerState c, int cartItems, ITableWriter w)
    {
        List<EventDraft> events = _events;
        events.Clear();
        int session = 0;
        Span<int> categories = stackalloc int[3];
        Span<int> types = stackalloc int[3];

        // Purchases of the last 90 days were preceded by a view, an add to cart and a checkout start.
        for (int i = c.Purchases - 1; i >= 0 && _asOf - _purchaseTimes[i] <= 90 * Day; i--)
        {
            categories[0] = _purchaseCategories[i];
            types[0] = _purchaseTypes[i];
            SessionSimulator.Funnel(ref random, c, _purchaseTimes[i] - 60, session++, categories[..1], types[..1], checkout: true, events);
        }

        // The abandoned cart's items were viewed and added in the session that ended when the cart was abandoned.
        if (cartItems > 0)
        {
            for (int i = 0; i < cartItems; i++)
            {
                categories[i] = SessionSimulator.PickCategory(ref random, c);
                types[i] = random.Next(SyntheticVocabulary.ProductTypes[categories[i]].Length);
            }

            SessionSimulator.Funnel(ref random, c, c.CartAt, session++, categories[..cartItems], types[..cartItems], checkout: random.Chance(0.4), events);
            _cartCategories[0] = categories[0];
            _cartCategories[1] = categories[1];
            _cartCategories[2] = categories[2];
            _cartTypes[0] = types[0];
            _cartTypes[1] = types[1];
            _cartTypes[2] = types[2];
        }

        // Past carts: a customer who leaves a cart now has left carts before. Those carts are closed (bought, emptied
        // or expired), so only the open one is in abandoned_carts, but their views and adds stay in the event log:
        // cart activity before each past campaign follows the same traits as the open carts at as-of. Own stream, so
        // every other draw of the customer stays as it was.
        PastCarts(c, categories, types, ref session, events);

        // Browsing: engaged customers browse more; sessions fall in the 14 months before they went quiet, more of
        // them recently, so every past campaign finds some customers with recent activity at its send.
        int budget = random.NextPoisson(1.5 + (9.5 * c.Content * (1.0 - (0.4 * c.Churn))));
        long window = Math.Max(3600, Math.Min(420 * Day, c.ActiveUntil - c.CreatedAt) - 3600);
        while (budget > 0)
        {
            long start = c.ActiveUntil - 3600 - (long)(window * Math.Pow(random.NextDouble(), 1.8));
            budget -= SessionSimulator.Browse(ref random, c, start, session++, budget, events);
        }

        string prefix = string.Create(CultureInfo.InvariantCulture, $"{c.Index + 1:D7}");
        for (int i = 0; i < events.Count; i++)
        {
            EventDraft e = events[i];
            if (e.At > _asOf)
            {
                e.At = _asOf;
                events[i] = e;
            }

            w.StartRow();
            w.Write(string.Concat("E", prefix, SyntheticVocabulary.Counter(i)));
            w.Write(c.CustomerId);
            w.Write(SyntheticVocabulary.EventTypes[e.Type]);
            w.Write(ToDateTime(e.At));
            if (e.Category >= 0)
            {
                w.Write(SyntheticVocabulary.Categories[e.Category].Name);
            }
            else
            {
                w.WriteNull();
            }

            if (e.ProductType >= 0)
            {
                w.Write(SyntheticVocabulary.ProductTypes[e.Category][e.ProductType].Name);
            }
            else
            {
                w.WriteNull();
            }

            w.Write(string.Concat("S", prefix, SyntheticVocabulary.Counter(e.Session)));
            w.Write((long)e.DurationSeconds);
            w.Write(SyntheticVocabulary.Devices[e.Device]);
            // A session's events are drafted together, its first one first.
            w.Write(i == 0 || events[i - 1].Session != e.Session);
            w.EndRow();
        }
    }

    private void PastCarts(CustomerState c, Span<int> categories, Span<int> types, ref int session, List<EventDraft> events)
    {
        SyntheticRandom random = new(_seed, PastCartStream + c.Index);
        long from = Math.Max(c.CreatedAt + 3600, _asOf - (PastCartDays * Day));
        long to = Math.Min(c.ActiveUntil, _asOf - (7 * Day));
        if (to <= from)
        {
            return;
        }

        double perDay = PastCartsPer30Days * CartPropensity(c) / 30.0;
        int count = random.NextPoisson(perDay * (to - from) / Day);
        for (int k = 0; k < count; k++)
        {
            int items = 1 + (random.Chance(0.35) ? 1 : 0);
            for (int i = 0; i < items; i++)
            {
                categories[i] = SessionSimulator.PickCategory(ref random, c);
                types[i] = random.Next(SyntheticVocabulary.ProductTypes[categories[i]].Length);
            }

            long at = from + random.NextInt64(to - from);
            SessionSimulator.Funnel(ref random, c, at, session++, categories[..items], types[..items], checkout: random.Chance(0.4), events);
        }
    }

    /// <summary>The probability that the customer holds an abandoned cart at as-of (free-shipping and discount seekers leave carts).</summary>
    private static double CartPropensity(CustomerState c) =>
        Math.Clamp(0.04 + (0.24 * c.FreeShipping) + (0.08 * c.Discount) - (0.05 * c.Churn), 0.01, 0.6);

    private void WriteCart(ref SyntheticRandom random, CustomerState c, int items, ITableWriter w)
    {
        _json.ResetWrittenCount();
        double total = 0;
        using (Utf8JsonWriter json = new(_json))
        {
            json.WriteStartArray();
            for (int i = 0; i < items; i++)
            {
                ProductTypeInfo product = SyntheticVocabulary.ProductTypes[_cartCategories[i]][_cartTypes[i]];
                double price = Price(ref random, c, product);
                total += price;
                string[] names = SyntheticVocabulary.ProductNames[_cartCategories[i]][_cartTypes[i]];
                json.WriteStartObject();
                json.WriteString("product_type", product.Name);
                json.WriteString("product_name", names[random.Next(names.Length)]);
                json.WriteString("category", product.Category);
                json.WriteNumber("price", price);
                json.WriteNumber("quantity", 1);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        w.StartRow();
        w.Write(string.Create(CultureInfo.InvariantCulture, $"K{c.Index + 1:D7}"));
        w.Write(c.CustomerId);
        w.Write(ToDateTime(c.CartAt));
        w.Write(Math.Round(total, 2));
        w.Write((long)items);
        w.Write(System.Text.Encoding.UTF8.GetString(_json.WrittenSpan));
        w.EndRow();
    }

    private void WriteScores(ref SyntheticRandom random, CustomerState c, ITableWriter w)
    {
        w.StartRow();
        w.Write(c.CustomerId);
        w.Write(Noisy(ref random, c.Discount, 0.15));
        w.Write(Noisy(ref random, c.FreeShipping, 0.15));
        w.Write(Noisy(ref random, c.Churn, 0.12));
        w.Write(Noisy(ref random, c.Content, 0.15));
        w.Write(c.Exclusivity + (0.15 * random.NextGaussian()) > 0.55);
        w.Write(ToDateTime(_asOf));
        w.EndRow();
    }

    /// <summary>The customer's observable state just before <paramref name="at"/>, from the rows written for them.</summary>
    private ResponseState StateAt(CustomerState c, long at)
    {
        ResponseState s = default;
        for (int i = 0; i < c.Purchases && _purchaseTimes[i] < at; i++)
        {
            s.Purchases++;
            s.Purchase60 |= at - _purchaseTimes[i] <= 60 * Day;
            s.Purchase90 |= at - _purchaseTimes[i] <= 90 * Day;
        }

        if (c.HasCart && c.CartAt < at)
        {
            s.Cart7 = at - c.CartAt <= 7 * Day;
            s.Cart30 = at - c.CartAt <= 30 * Day;
        }

        List<EventDraft> events = _events;
        for (int i = 0; i < events.Count; i++)
        {
            EventDraft e = events[i];
            if (e.At >= at)
            {
                continue;
            }

            long age = at - e.At;
            s.Browsed14 |= age <= 14 * Day;
            s.Browsed90 |= age <= 90 * Day;
            switch (e.Type)
            {
                case EventTypeIndex.AddToCart:
                    s.Cart7 |= age <= 7 * Day;
                    s.Cart30 |= age <= 30 * Day;
                    break;
                case EventTypeIndex.StockCheck or EventTypeIndex.WishlistAdd when age <= 90 * Day:
                    s.StockChecksAndWishlist90++;
                    break;
                case EventTypeIndex.RoomPlannerUse or EventTypeIndex.ArView:
                    s.PlannerAndAr++;
                    break;
            }
        }

        return s;
    }

    private void WriteCampaigns(ref SyntheticRandom random, CustomerState c, ITableWriter w)
    {
        for (int k = 0; k < _campaigns.Length; k++)
        {
            SyntheticCampaign campaign = _campaigns[k];
            long sentAt = _campaignSentAt[k];
            if (c.CreatedAt >= sentAt)
            {
                continue;
            }

            ResponseState state = StateAt(c, sentAt);
            if (!Eligible(campaign, c, state) || !random.Chance(campaign.SamplingRate))
            {
                continue;
            }

            bool treated = random.Chance(0.5);
            bool converted = random.Chance(ResponseModel.ConversionProbability(treated ? campaign.Trigger : null, c, state));
            double revenue = 0;
            if (converted)
            {
                int category = SessionSimulator.PickCategory(ref random, c);
                ProductTypeInfo product = SyntheticVocabulary.ProductTypes[category][random.Next(SyntheticVocabulary.ProductTypes[category].Length)];
                revenue = Price(ref random, c, product);
            }

            w.StartRow();
            w.Write(campaign.Id);
            w.Write(campaign.Name);
            w.Write(campaign.CampaignType);
            w.Write(campaign.TriggerName);
            w.Write(c.CustomerId);
            w.Write(treated ? "treatment" : "control");
            w.Write(ToDateTime(sentAt + random.NextInt64(8 * 3600)));
            w.Write(converted);
            w.Write(revenue);
            w.EndRow();
        }
    }

    private static bool Eligible(SyntheticCampaign campaign, CustomerState c, in ResponseState s) => campaign.Audience switch
    {
        CampaignAudience.Purchasers => s.Purchases > 0,
        CampaignAudience.RecentBrowsers => s.Cart30 || s.Browsed90,
        CampaignAudience.CartActivity => s.Cart30,
        CampaignAudience.Country => c.Country == campaign.CountryIndex,
        CampaignAudience.ValueCustomers => c.Clv >= 0.3,
        _ => true,
    };

    private static double Noisy(ref SyntheticRandom random, double latent, double sd) =>
        Round3(Math.Clamp(latent + (sd * random.NextGaussian()), 0.0, 1.0));

    private static double Round3(double value) => Math.Round(value, 3);
}
