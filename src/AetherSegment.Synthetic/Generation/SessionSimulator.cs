namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// Realistic browsing sessions: an entry (page view, search or product view), product views in the customer's
/// favourite categories, then, by the customer's traits, wishlist adds, stock checks, room planner and AR use,
/// add to cart, remove from cart and checkout starts. Shared by the bulk generator and the live event stream.
/// </summary>
internal static class SessionSimulator
{
    /// <summary>Appends one browsing session of at most <paramref name="maxEvents"/> events starting at <paramref name="start"/>.</summary>
    /// <returns>The number of events appended.</returns>
    public static int Browse(ref SyntheticRandom random, CustomerState c, long start, int session, int maxEvents, List<EventDraft> events)
    {
        int length = Math.Min(maxEvents, 1 + random.NextPoisson(1.2 + (3.0 * c.Content)));
        int device = random.Chance(0.7) ? c.Device : random.Next(SyntheticVocabulary.Devices.Length);
        int first = events.Count;
        long at = start;
        int category = PickCategory(ref random, c);
        int productType = random.Next(SyntheticVocabulary.ProductTypes[category].Length);
        bool inCart = false;
        double entry = random.NextDouble();
        int type = entry < 0.55 ? EventTypeIndex.PageView : entry < 0.8 ? EventTypeIndex.Search : EventTypeIndex.ProductView;
        for (int i = 0; i < length; i++)
        {
            if (i > 0)
            {
                at += 8 + random.NextInt64(150);
                type = NextType(ref random, c, inCart);
                if (type == EventTypeIndex.ProductView && random.Chance(0.35))
                {
                    productType = random.Next(SyntheticVocabulary.ProductTypes[category].Length);
                }
            }

            inCart |= type == EventTypeIndex.AddToCart;
            events.Add(new EventDraft { Type = type, At = at, Category = category, ProductType = productType, Session = session, Device = device });
        }

        Close(ref random, events, first, at - start);
        return length;
    }

    /// <summary>Appends a purchase or cart session: views and an add to cart per item, ending at <paramref name="end"/>.</summary>
    public static void Funnel(ref SyntheticRandom random, CustomerState c, long end, int session, ReadOnlySpan<int> categories,
        ReadOnlySpan<int> productTypes, bool checkout, List<EventDraft> events)
    {
        int device = random.Chance(0.75) ? c.Device : random.Next(SyntheticVocabulary.Devices.Length);
        int first = events.Count;
        int count = (categories.Length * 2) + (checkout ? 1 : 0);
        long at = end - (count * 45L) - random.NextInt64(300);
        for (int i = 0; i < categories.Length; i++)
        {
            events.Add(new EventDraft { Type = EventTypeIndex.ProductView, At = at, Category = categories[i], ProductType = productTypes[i], Session = session, Device = device });
            at += 20 + random.NextInt64(60);
            events.Add(new EventDraft { Type = EventTypeIndex.AddToCart, At = at, Category = categories[i], ProductType = productTypes[i], Session = session, Device = device });
            at += 10 + random.NextInt64(40);
        }

        if (checkout)
        {
            events.Add(new EventDraft { Type = EventTypeIndex.CheckoutStart, At = Math.Min(at, end), Category = -1, ProductType = -1, Session = session, Device = device });
        }

        Close(ref random, events, first, Math.Max(at, end) - events[first].At);
    }

    /// <summary>Draws a category: mostly the customer's favourites, sometimes anything by popularity.</summary>
    public static int PickCategory(ref SyntheticRandom random, CustomerState c) =>
        random.Chance(0.78)
            ? c.FavouriteCategories[random.NextWeighted(c.FavouriteCumulative.AsSpan(0, 3))]
            : random.NextWeighted(SyntheticVocabulary.CategoryCumulative);

    private static int NextType(ref SyntheticRandom random, CustomerState c, bool inCart)
    {
        Span<double> weights =
        [
            0.6,                                         // page_view
            3.0,                                         // product_view
            0.5,                                         // search
            0.25 + (0.6 * c.Clv),                        // add_to_cart
            inCart ? 0.1 + (0.3 * c.Discount) : 0.0,     // remove_from_cart
            0.1 + (0.7 * c.Exclusivity),                 // wishlist_add
            inCart ? 0.35 + (0.3 * c.Clv) : 0.0,         // checkout_start
            0.04 + (0.6 * c.Content * c.Content),        // room_planner_use
            0.04 + (0.5 * c.Content * c.Content),        // ar_view
            0.05 + (0.6 * c.Exclusivity * c.Exclusivity), // stock_check
        ];
        for (int i = 1; i < weights.Length; i++)
        {
            weights[i] += weights[i - 1];
        }

        return random.NextWeighted(weights);
    }

    private static void Close(ref SyntheticRandom random, List<EventDraft> events, int first, long span)
    {
        int duration = (int)Math.Min(span + 20 + random.NextInt64(240), 4 * 3600);
        for (int i = first; i < events.Count; i++)
        {
            EventDraft e = events[i];
            e.DurationSeconds = duration;
            if (!EventTypeIndex.HasProduct(e.Type))
            {
                e.ProductType = -1;
                if (!EventTypeIndex.HasCategoryOnly(e.Type))
                {
                    e.Category = -1;
                }
            }

            events[i] = e;
        }
    }
}
