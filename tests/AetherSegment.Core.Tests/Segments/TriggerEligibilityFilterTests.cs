using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.Core.Tests.Segments;

/// <summary>
/// A trigger's filter is the profile's eligibility converted into the segment filter vocabulary. For the demo profile
/// the eight filters are, field by field, the ones Core hard-coded before triggers became profile data (TriggerFilters,
/// written out below as the regression expectation).
/// </summary>
public sealed class TriggerEligibilityFilterTests
{
    private static readonly BusinessProfile Demo = HomeFurnishingProfile.Load();

    /// <summary>The former hard-coded filters: key, description, condition.</summary>
    public static TheoryData<string, string, SegmentCondition> FormerFilters => new()
    {
        { "personalized_discount_offer", "discount sensitivity of at least 0.5", AttributeCondition.AtLeast("discount_sensitivity", 0.5) },
        { "free_shipping_offer", "free-shipping sensitivity of at least 0.5", AttributeCondition.AtLeast("free_shipping_sensitivity", 0.5) },
        { "exclusive_access", "seeks exclusive, early or members-only access", AttributeCondition.IsTrue("exclusivity_seeker") },
        { "loyalty_points_bonus", "purchased in the last 365 days (a repeat buyer can earn points)", new BehaviorCondition(BehaviorKind.Purchased, 365) },
        { "product_recommendation", "purchased in the last 90 days (something to complement)", new BehaviorCondition(BehaviorKind.Purchased, 90) },
        { "cart_reminder", "abandoned a cart in the last 7 days (something to remind of)", new BehaviorCondition(BehaviorKind.AbandonedCart, 7) },
        { "urgency_low_stock", "checked stock or added to a wishlist in the last 30 days",
            new BehaviorCondition(BehaviorKind.Engaged, 30) { EventTypes = ["stock_check", "wishlist_add"] } },
        { "content_inspiration", "content engagement of at least 0.5, or used the room planner or AR view in the last 90 days",
            new AnyOfCondition(
            [
                AttributeCondition.AtLeast("content_engagement", 0.5),
                new BehaviorCondition(BehaviorKind.Engaged, 90) { EventTypes = ["room_planner_use", "ar_view"] },
            ]) },
    };

    [Theory]
    [MemberData(nameof(FormerFilters))]
    public void DemoTrigger_FilterIsTheFormerHardCodedOne_FieldByField(string id, string description, SegmentCondition condition)
    {
        SegmentFilter filter = TriggerEligibilityFilter.For(Demo, id)!;

        Assert.Equal("trigger_" + id, filter.Key);
        Assert.Equal(description, filter.Description);
        Assert.Equal(FilterProvenance.Trigger, filter.Provenance);
        AssertSameCondition(condition, filter.Condition);
    }

    [Fact]
    public void DemoProfile_HasExactlyTheFormerEightTriggersInOrder()
    {
        Assert.Equal(FormerFilters.Select(row => (string)row[0]), Demo.Triggers.Select(t => t.Id));
    }

    [Fact]
    public void UnknownTrigger_FailsNamingTheFieldAndEveryIdOfTheProfile()
    {
        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => TriggerEligibilityFilter.Parse(Demo, "override_trigger", "free_pony"));

        Assert.Equal("override_trigger", error.Field);
        Assert.DoesNotContain('\n', error.Message);
        Assert.All(Demo.Triggers, t => Assert.Contains(t.Id, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_IgnoresCaseAndReturnsTheProfilesId()
    {
        Assert.Equal("cart_reminder", TriggerEligibilityFilter.Parse(Demo, "trigger", " Cart_Reminder ").Id);
    }

    [Fact]
    public void Convert_KeepsAllOfAndNotTrees()
    {
        ProfileCondition condition = new ProfileAllOfCondition(
        [
            ProfileAttributeCondition.Below("churn_probability", 0.3),
            new ProfileNotCondition(new ProfileBehaviorCondition(BehaviorKind.Purchased, 30) { Taxonomy = ["Sofas", "Lighting"] }),
        ]);

        SegmentCondition converted = TriggerEligibilityFilter.Convert(Demo, condition);

        AssertSameCondition(
            new AllOfCondition(
            [
                AttributeCondition.Below("churn_probability", 0.3),
                new NotCondition(new BehaviorCondition(BehaviorKind.Purchased, 30) { Categories = ["Lighting"], ProductTypes = ["Sofas"] }),
            ]),
            converted);
    }

    private static void AssertSameCondition(SegmentCondition expected, SegmentCondition actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case AttributeCondition e:
                AttributeCondition a = (AttributeCondition)actual;
                Assert.Equal((e.Attribute, e.Operator, e.Number), (a.Attribute, a.Operator, a.Number));
                Assert.Equal(e.Values, a.Values);
                break;
            case BehaviorCondition e:
                BehaviorCondition b = (BehaviorCondition)actual;
                Assert.Equal((e.Kind, e.WithinDays, e.MinValue), (b.Kind, b.WithinDays, b.MinValue));
                Assert.Equal(e.Categories, b.Categories);
                Assert.Equal(e.ProductTypes, b.ProductTypes);
                Assert.Equal(e.EventTypes, b.EventTypes);
                break;
            case AnyOfCondition e:
                AnyOfCondition any = (AnyOfCondition)actual;
                Assert.Equal(e.Conditions.Count, any.Conditions.Count);
                for (int i = 0; i < e.Conditions.Count; i++)
                {
                    AssertSameCondition(e.Conditions[i], any.Conditions[i]);
                }

                break;
            case AllOfCondition e:
                AllOfCondition all = (AllOfCondition)actual;
                Assert.Equal(e.Conditions.Count, all.Conditions.Count);
                for (int i = 0; i < e.Conditions.Count; i++)
                {
                    AssertSameCondition(e.Conditions[i], all.Conditions[i]);
                }

                break;
            case NotCondition e:
                AssertSameCondition(e.Condition, ((NotCondition)actual).Condition);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(expected));
        }
    }
}
