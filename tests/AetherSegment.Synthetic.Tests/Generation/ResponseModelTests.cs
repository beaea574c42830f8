using AetherSegment.Synthetic.Generation;

namespace AetherSegment.Synthetic.Tests.Generation;

/// <summary>The ground truth the generator writes is the effect its campaign history draws.</summary>
public sealed class ResponseModelTests
{
    /// <summary>
    /// A non-seeker of exclusivity with a high churn risk and no recent activity: baseline 0.3%, unclamped exclusive-access
    /// uplift −0.44 pts. The history cannot draw a probability below 0, so the effect its draws measure is −0.3 pts,
    /// and that is what <c>ground_truth_uplift</c> must say.
    /// </summary>
    [Fact]
    public void Effect_NegativeUpliftBeyondTheBaseline_IsWhatTheHistoryDraws()
    {
        CustomerState c = new() { Clv = 0.05, Churn = 0.9, Exclusivity = 0.0 };
        ResponseState s = default;

        double treated = ResponseModel.ConversionProbability(SyntheticTrigger.ExclusiveAccess, c, s);
        double control = ResponseModel.ConversionProbability(null, c, s);

        Assert.Equal(0.003, control, 1e-12);
        Assert.Equal(0.0, treated, 1e-12);
        Assert.Equal(-0.0044, ResponseModel.TrueUplift(SyntheticTrigger.ExclusiveAccess, c, s), 1e-9);
        Assert.Equal(-0.003, ResponseModel.Effect(SyntheticTrigger.ExclusiveAccess, c, s), 1e-9);
    }

    /// <summary>Over a grid of customers and states, for every trigger: truth = P(convert | treated) − P(convert | control) of the draw.</summary>
    [Fact]
    public void Effect_EqualsTheDrawnProbabilityDifference_ForEveryTriggerAndState()
    {
        double[] levels = [0.0, 0.05, 0.2, 0.5, 0.8, 1.0];
        int bound = 0;
        foreach (double latent in levels)
        {
            foreach (double churn in levels)
            {
                foreach (bool active in new[] { false, true })
                {
                    CustomerState c = new() { Clv = latent, Churn = churn, Exclusivity = latent, Discount = latent, FreeShipping = latent, Content = latent };
                    ResponseState s = new() { Purchase60 = active, Purchase90 = active, Browsed14 = active, Cart7 = active, Cart30 = active, Purchases = active ? 3 : 0, StockChecksAndWishlist90 = active ? 2 : 0 };
                    foreach (SyntheticTrigger trigger in Enum.GetValues<SyntheticTrigger>())
                    {
                        double drawn = ResponseModel.ConversionProbability(trigger, c, s) - ResponseModel.ConversionProbability(null, c, s);
                        Assert.Equal(drawn, ResponseModel.Effect(trigger, c, s), 6e-6);
                        Assert.InRange(ResponseModel.ConversionProbability(trigger, c, s), 0.0, 0.95);
                        bound += Math.Abs(drawn - ResponseModel.TrueUplift(trigger, c, s)) > 1e-6 ? 1 : 0;
                    }
                }
            }
        }

        Assert.True(bound > 0, "the grid reaches customers where the clamp binds");
    }
}
