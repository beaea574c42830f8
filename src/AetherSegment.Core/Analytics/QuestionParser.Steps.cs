namespace AetherSegment.Analytics;

// The rewrites of a question's wording that run before it is read, in one list.
internal static partial class QuestionParser
{
    /// <summary>
    /// The rewrites of wordings into ones the reading steps know, run first to last on the question as asked. Each leaves a
    /// question it has nothing to say of as it is; the file that holds each says which wordings it rewrites.
    /// </summary>
    private static readonly Func<string, SemanticLayer, string>[] s_wordingRewrites =
    [
        LeadStop63Said,                       // "orders (transaction records)", "the current calendar year", "at some point in their history" (QuestionParser.LeadStop63.cs)
        LeadStop62Said,                       // "these days", "each channel (organic, social and so on)" (QuestionParser.LeadStop62.cs)
        LeadStop61Said,                       // "My manager asked me how many ...", "..., for a product team meeting", "total $" (QuestionParser.LeadStop61.cs)
        LeadStop59Said,                       // "ordered more than once (repeat rate)", "lower conversion rate in the treatment group than in the control group" (QuestionParser.LeadStop59.cs)
        LeadStop60Said,                       // "rev", "no. of", "(counts)", "(treatment + control together)", "a personal AOV" (QuestionParser.LeadStop60.cs)
        LeadStop58Said,                       // "made no <X> purchase in 2025", "actually sent (treatment group, not the holdout)" (QuestionParser.LeadStop58.cs)
        LeadStop57Said,                       // "fraction of the <X> treatment group converted", "carts did <people> leave", "how many <X> did we sell" (QuestionParser.LeadStop57.cs)
        (q, _) => PerCustomerStop51Said(q),   // QuestionParser.PerCustomerStop51.cs
        (q, _) => CampaignsStop51Said(q),     // QuestionParser.CampaignsStop51.cs
        (q, _) => LeadStop51Said(q),          // "<place> customers' orders" (QuestionParser.LeadStop51.cs)
        (q, _) => LeadStop50Said(q),          // QuestionParser.LeadStop50.cs
        (q, _) => CartWorthAmountSaid(q),     // "carts worth $N" (QuestionParser.PerCustomerStop50.cs)
        (q, _) => CoverageStop47Said(q),      // QuestionParser.CoverageStop47.cs
        (q, _) => CoverageStop46Said(q),      // QuestionParser.CoverageStop46.cs
        (q, _) => WeekConventionSaid(q),      // "orders last week (Monday to Sunday)" (QuestionParser.PeriodsManyWays.cs)
        ValuesPlusSaid,                       // "ios plus android" (QuestionParser.LeadStop53.cs)
        (q, _) => ThresholdSaidAgain(q),      // "more than $1,500 (order value above 1500)" (QuestionParser.LeadStop53.cs)
        NoRestrictionSaid,                    // "(any country)", "all-time", "strictly over" (QuestionParser.LeadStop53.cs)
        (q, _) => WordingsStop53Said(q),      // "customers (ids)", "orders ..., total value?" (QuestionParser.WordingsStop53.cs)
        ViewedInMediumSaid,                   // "viewed a product in <X>": the "<X> view" events (QuestionParser.DevicesAndSessions.cs)
        HardStop53Said,                       // "either <X> or <Y>", "customers on file", "never placed a single order" (QuestionParser.HardStop53.cs)
        LeadStop55Said,                       // "joined in <a period>", "on file", "added to <nouns>", "had just N items" (QuestionParser.LeadStop55.cs)
        LeadStop54Said,                       // "shopped on <X>", "<a>, <b> and <c> combined", "roughly" (QuestionParser.LeadStop54.cs)
        PeriodsStop54Said,                    // "(or less)", "(Q2 minus Q1)", "the total for each year", "all of last month", "but nothing from <X> in" (QuestionParser.PeriodsStop54.cs)
    ];

    private static string WordingRewritten(string question, SemanticLayer layer)
    {
        foreach (Func<string, SemanticLayer, string> rewrite in s_wordingRewrites)
        {
            question = rewrite(question, layer);
        }

        return question;
    }
}
