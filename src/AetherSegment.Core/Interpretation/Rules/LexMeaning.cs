namespace AetherSegment.Interpretation.Rules;

/// <summary>What a lexicon phrase means to the rule-based interpreter.</summary>
internal enum Sense : byte
{
    /// <summary>A country; Value is its position among the catalog vocabulary's countries.</summary>
    Country,

    /// <summary>A city; Value is its position among the catalog vocabulary's cities.</summary>
    City,

    /// <summary>A category; Value is its position among the catalog vocabulary's categories.</summary>
    Category,

    /// <summary>A product type; Value is its position among the catalog vocabulary's product types.</summary>
    ProductType,

    /// <summary>An acquisition source; Value is the AcquisitionSource.</summary>
    Source,

    /// <summary>A value tier; Value is the ValueTier.</summary>
    Tier,

    /// <summary>High churn risk.</summary>
    ChurnHigh,

    /// <summary>The customer lifetime value score ("CLV above 0.8").</summary>
    Clv,

    /// <summary>The churn probability ("churn probability above 0.7").</summary>
    ChurnProbability,

    /// <summary>A behavior; Value is the BehaviorKind.</summary>
    Behavior,

    /// <summary>A campaign-type cue; Value is the CampaignType.</summary>
    Campaign,

    /// <summary>An incentive; Value is the IncentiveType, Number its strength (1 weak .. 3 explicit).</summary>
    Incentive,

    /// <summary>An incentive explicitly ruled out ("no incentive", "just a reminder").</summary>
    NoIncentive,

    /// <summary>A KPI metric; Value is the KpiMetric.</summary>
    Kpi,

    /// <summary>A trigger the wording implies; Value is the TriggerType.</summary>
    Trigger,

    /// <summary>A time unit; Number is its length in days.</summary>
    Unit,

    /// <summary>A determiner that means "one" before a unit ("a", "last", "this", "past").</summary>
    One,

    /// <summary>A window on its own ("yesterday"); Number is its length in days.</summary>
    Window,

    /// <summary>A number word; Number is its value.</summary>
    NumberWord,

    /// <summary>A multiplier word ("hundred", "thousand"); Number is the factor.</summary>
    Multiplier,

    /// <summary>A currency symbol or word; Value 0 dollar, 1 pound, 2 euro.</summary>
    Currency,

    /// <summary>"%", "percent".</summary>
    Percent,

    /// <summary>"no", "not", "without", "didn't".</summary>
    Negator,

    /// <summary>"never" (negates, and means "not even once").</summary>
    Never,

    /// <summary>"over", "above", "at least".</summary>
    Comparator,

    /// <summary>"off" in "15% off".</summary>
    Off,

    /// <summary>"by" in "by 25%".</summary>
    By,

    /// <summary>"increase", "boost", "lift".</summary>
    Growth,

    /// <summary>"customers", "shoppers", "buyers".</summary>
    CustomerNoun,

    /// <summary>"items", "products", "orders": a value tier before it is not a customer tier.</summary>
    ItemNoun,

    /// <summary>A verb or preposition that introduces promoted items ("recommend", "on", "with").</summary>
    Promote,

    /// <summary>A verb or preposition of acquisition ("acquired", "signed up", "via").</summary>
    AcquisitionContext,

    /// <summary>"points".</summary>
    Points,

    /// <summary>"recommend", "suggest".</summary>
    Recommend,

    /// <summary>Punctuation that ends a clause.</summary>
    Breaker,

    /// <summary>"furniture", "pieces": words that may sit between an item and its noun.</summary>
    Filler,

    /// <summary>"low" before "churn risk": a level the contract has no value for.</summary>
    Low,
}

/// <summary>The kinds of behavior a time window can belong to.</summary>
internal enum BehaviorKind : byte
{
    /// <summary>Abandoned a cart or basket.</summary>
    Cart,

    /// <summary>Viewed or browsed.</summary>
    View,

    /// <summary>Purchased.</summary>
    Purchase,

    /// <summary>Was acquired, joined, signed up.</summary>
    Acquire,

    /// <summary>Lapsed, inactive: has not purchased for a while.</summary>
    Lapsed,
}

/// <summary>One meaning of a lexicon phrase.</summary>
/// <param name="Sense">The kind of meaning.</param>
/// <param name="Value">An enum value or catalog index, by sense.</param>
/// <param name="Number">A number, by sense (days of a unit, value of a number word, strength of an incentive).</param>
internal readonly record struct LexMeaning(Sense Sense, int Value = 0, double Number = 0);
