using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Stop 49, parse speed: the generated patterns that run without a time limit
/// (<see cref="AnalyticsRegex.NoBacktrackingNoLimit"/>) are exactly the ones listed here, and each one is proved unable to
/// backtrack from its parsed tree (the tree .NET compiles, after its own optimisations such as making a loop atomic when
/// what follows cannot match what it repeats): every loop is bounded or a loop over one character made atomic, and there
/// is no back-reference or condition. Such a pattern tries a bounded number of paths at each position, so it cannot run
/// away; every other pattern keeps the limit (<see cref="RegexSafetyTests.EveryPatternOfTheAnalyticsCode_HasATimeLimit"/>).
/// </summary>
public sealed class RegexNoLimitTests
{
    /// <summary>The patterns without a time limit, "Type.Method". A new one is added only when it passes the proof below.</summary>
    internal static readonly string[] WithoutLimit =
    [
        "ModelSqlCheck.ColumnRegex",
        "ModelSqlCheck.WordRegex",
        "QuestionParser.AGrandRegex",
        "QuestionParser.AbsoluteLiftRegex",
        "QuestionParser.AcrossTheirOrdersRegex",
        "QuestionParser.ActiveAnyPurchaseRegex",
        "QuestionParser.ActiveEachRegex",
        "QuestionParser.ActiveInThatWindowRegex",
        "QuestionParser.ActiveRegex",
        "QuestionParser.ActivityRegex",
        "QuestionParser.ActuallyRegex",
        "QuestionParser.ActuallySentRegex",
        "QuestionParser.AddedToWishlistRegex",
        "QuestionParser.AllArmsRegex",
        "QuestionParser.AllCustomersWholeRegex",
        "QuestionParser.AllOfRegex",
        "QuestionParser.AllTheirOrdersRegex",
        "QuestionParser.AllTimeBracketRegex",
        "QuestionParser.AllTimeToDateRegex",
        "QuestionParser.AlphabeticalRegex",
        "QuestionParser.AlreadyRegex",
        "QuestionParser.AndAfterGroupRegex",
        "QuestionParser.AnyActivityRegex",
        "QuestionParser.AnyTimeRegex",
        "QuestionParser.AnythingInRegex",
        "QuestionParser.ArmDifferenceRegex",
        "QuestionParser.ArmRowsRegex",
        "QuestionParser.ArmsRegex",
        "QuestionParser.AsOfLatestDataRegex",
        "QuestionParser.AscendingRegex",
        "QuestionParser.AtAnyPointRegex",
        "QuestionParser.AtLeastOneRegex",
        "QuestionParser.AtSomePointRegex",
        "QuestionParser.AttributedOfTreatmentRegex",
        "QuestionParser.AttributedSaidRegex",
        "QuestionParser.AudienceRegex",
        "QuestionParser.AverageOrderIsRegex",
        "QuestionParser.AverageRegex",
        "QuestionParser.AverageSaidRegex",
        "QuestionParser.AverageWordRegex",
        "QuestionParser.AveragingWordRegex",
        "QuestionParser.BareSecondsRegex",
        "QuestionParser.BaseActionRegex",
        "QuestionParser.BaseFirstRegex",
        "QuestionParser.BasketRegex",
        "QuestionParser.BasketSizeInUnitsRegex",
        "QuestionParser.BeatControlRegex",
        "QuestionParser.BeforeThatRegex",
        "QuestionParser.BelongToRegex",
        "QuestionParser.BiggestSpendersRegex",
        "QuestionParser.BothWordRegex",
        "QuestionParser.BoughtAtAllRegex",
        "QuestionParser.BoughtButNotRegex",
        "QuestionParser.BoughtOneRegex",
        "QuestionParser.BracketBoundRegex",
        "QuestionParser.BracketRegex",
        "QuestionParser.BreakdownSaidRegex",
        "QuestionParser.BreakdownWordRegex",
        "QuestionParser.ButNothingFromRegex",
        "QuestionParser.ButNothingInRegex",
        "QuestionParser.BuyerNounRegex",
        "QuestionParser.BuyerWholeRegex",
        "QuestionParser.BuyersBaseRegex",
        "QuestionParser.BuyersBaseSaidRegex",
        "QuestionParser.BuyersSaidAgainRegex",
        "QuestionParser.ByHowManyPercentRegex",
        "QuestionParser.ByRowCountRegex",
        "QuestionParser.ByTypeRegex",
        "QuestionParser.CalendarGrainRegex",
        "QuestionParser.CalendarRegex",
        "QuestionParser.CameFromRegex",
        "QuestionParser.CampaignCountRegex",
        "QuestionParser.CampaignMeasureWordRegex",
        "QuestionParser.CampaignNounRegex",
        "QuestionParser.CampaignVerbRegex",
        "QuestionParser.CampaignWordAfterRegex",
        "QuestionParser.CampaignsBaseRegex",
        "QuestionParser.CampaignsSentInRegex",
        "QuestionParser.CampaignsUsingRegex",
        "QuestionParser.CampaignsWeRanRegex",
        "QuestionParser.CartCustomersBaseRegex",
        "QuestionParser.CartHoldingRegex",
        "QuestionParser.CartValueOfCartsRegex",
        "QuestionParser.CartsCueRegex",
        "QuestionParser.CartsRestatedRegex",
        "QuestionParser.CatalogRegex",
        "QuestionParser.ChangeDataRegex",
        "QuestionParser.ChurnRiskLabelRegex",
        "QuestionParser.ColloquialFillerRegex",
        "QuestionParser.CombinedCartValueRegex",
        "QuestionParser.CombinedValueOfTheirCartsRegex",
        "QuestionParser.ComparedNumberRegex",
        "QuestionParser.ComparisonRegex",
        "QuestionParser.CompletePeriodsRegex",
        "QuestionParser.ContextNounQualifierRegex",
        "QuestionParser.ControlOnlyCountsAsideRegex",
        "QuestionParser.ConvAbbreviationRegex",
        "QuestionParser.ConversionLiftRegex",
        "QuestionParser.ConversionPercentRegex",
        "QuestionParser.ConvertedAfterRegex",
        "QuestionParser.ConvertedBestRegex",
        "QuestionParser.ConvertedOnRegex",
        "QuestionParser.CostComparedRegex",
        "QuestionParser.CountAfterValueRegex",
        "QuestionParser.CountOfBeforeRegex",
        "QuestionParser.CountOfConversionsRegex",
        "QuestionParser.CountSaidRegex",
        "QuestionParser.CountedAsZeroRegex",
        "QuestionParser.CountedHeadRegex",
        "QuestionParser.CountingEveryoneRegex",
        "QuestionParser.CountingOnlyRegex",
        "QuestionParser.CurrentPeriodRegex",
        "QuestionParser.CurrentPeriodToDateRegex",
        "QuestionParser.CustomerNounsRegex",
        "QuestionParser.CustomersSpendRegex",
        "QuestionParser.CustomersWhoBaseRegex",
        "QuestionParser.CustomersWhoBoughtAndNotRegex",
        "QuestionParser.CustomersWithEventsBaseRegex",
        "QuestionParser.DateSpanRegex",
        "QuestionParser.DateToNowRegex",
        "QuestionParser.DayOfWeekBreakdownRegex",
        "QuestionParser.DayRangeRegex",
        "QuestionParser.DayRegex",
        "QuestionParser.DaySpanRegex",
        "QuestionParser.DaysOnAverageRegex",
        "QuestionParser.DaysSinceLastRegex",
        "QuestionParser.DefinedRiskRegex",
        "QuestionParser.DescendingRegex",
        "QuestionParser.DidItWorkRegex",
        "QuestionParser.DistinctPeopleRegex",
        "QuestionParser.DistinctSessionIdsRegex",
        "QuestionParser.DistinctSessionsRegex",
        "QuestionParser.DoesNotMatterRegex",
        "QuestionParser.DollarValueRegex",
        "QuestionParser.EachAskedRegex",
        "QuestionParser.EachCalendarYearRegex",
        "QuestionParser.EachCustomerOnceRegex",
        "QuestionParser.EachSessionOnceRegex",
        "QuestionParser.EachValueCampaignRegex",
        "QuestionParser.EitherArmRegex",
        "QuestionParser.EitherGroupAsideRegex",
        "QuestionParser.EitherRegex",
        "QuestionParser.EventCountsRegex",
        "QuestionParser.EventRowsSaidRegex",
        "QuestionParser.EventTypeRankedRegex",
        "QuestionParser.EventsBaseRegex",
        "QuestionParser.EventsInASessionRegex",
        "QuestionParser.EventsPerCustomerRegex",
        "QuestionParser.EventsTimesRegex",
        "QuestionParser.EventsWordRegex",
        "QuestionParser.EveryCustomerBoughtFirstRegex",
        "QuestionParser.EveryCustomerBoughtRegex",
        "QuestionParser.EveryLevelBoughtRegex",
        "QuestionParser.EveryoneBaseRegex",
        "QuestionParser.ExceedsRegex",
        "QuestionParser.ExclusivePurchaseRegex",
        "QuestionParser.FamilyLeadRegex",
        "QuestionParser.FamilyNounRegex",
        "QuestionParser.FavouriteRegex",
        "QuestionParser.FilterRatioRegex",
        "QuestionParser.FirstToLastRegex",
        "QuestionParser.FlaggedAsRegex",
        "QuestionParser.ForSessionsRegex",
        "QuestionParser.ForTheReportRegex",
        "QuestionParser.FortnightRegex",
        "QuestionParser.FromToInclusiveRegex",
        "QuestionParser.FullDateDigitsRegex",
        "QuestionParser.FutureRegex",
        "QuestionParser.GoingByRegex",
        "QuestionParser.GoodsAfterValueRegex",
        "QuestionParser.GotCampaignRegex",
        "QuestionParser.GreetingLeadRegex",
        "QuestionParser.GreetingRegex",
        "QuestionParser.GroundTruthRegex",
        "QuestionParser.GroupSizeRegex",
        "QuestionParser.GroupsOverSaidRegex",
        "QuestionParser.GrowthPercentRegex",
        "QuestionParser.GrowthRegex",
        "QuestionParser.HadOnlyRegex",
        "QuestionParser.HalfRegex",
        "QuestionParser.HasBoughtRegex",
        "QuestionParser.HaveBeforePurchaseRegex",
        "QuestionParser.HeldOutAsControlRegex",
        "QuestionParser.HighestSpendRegex",
        "QuestionParser.HowBigGroupRegex",
        "QuestionParser.HowManyAdjectiveNounRegex",
        "QuestionParser.HowManyLapsedRegex",
        "QuestionParser.HowManyLevelsRegex",
        "QuestionParser.HowManyPeopleSaidRegex",
        "QuestionParser.HowManyRegex",
        "QuestionParser.HowManyTimesRegex",
        "QuestionParser.IdsOfTopRegex",
        "QuestionParser.InGroupOfRegex",
        "QuestionParser.InItsTreatmentGroupRegex",
        "QuestionParser.InMinutesRegex",
        "QuestionParser.InNoCampaignRegex",
        "QuestionParser.InOtherUnitRegex",
        "QuestionParser.InPointsRegex",
        "QuestionParser.InSecondsRegex",
        "QuestionParser.IncludingNonBuyersRegex",
        "QuestionParser.InclusiveRegex",
        "QuestionParser.ItemCountSaidRegex",
        "QuestionParser.ItemCueRegex",
        "QuestionParser.ItemValueCueRegex",
        "QuestionParser.ItemWordsRegex",
        "QuestionParser.ItemsRegex",
        "QuestionParser.JoinedRegex",
        "QuestionParser.JustNameLeadRegex",
        "QuestionParser.LapsedNameRegex",
        "QuestionParser.LargestOrderRegex",
        "QuestionParser.LargestRowOverRegex",
        "QuestionParser.LastOrderAgoRegex",
        "QuestionParser.LastPurchaseRegex",
        "QuestionParser.LeadingCustomersRegex",
        "QuestionParser.LeadingMonthRegex",
        "QuestionParser.LeadingMonthSpanRegex",
        "QuestionParser.LeadingWholeRegex",
        "QuestionParser.LeastRegex",
        "QuestionParser.LeftBehindRegex",
        "QuestionParser.LifetimeRegex",
        "QuestionParser.LinesCueRegex",
        "QuestionParser.LoggedCountRegex",
        "QuestionParser.LoggedRegex",
        "QuestionParser.LowerBoundAboveZeroRegex",
        "QuestionParser.MadeAPurchaseRegex",
        "QuestionParser.MonthBeforeLastRegex",
        "QuestionParser.MonthBeforeRegex",
        "QuestionParser.MonthBreakdownOrTotalRegex",
        "QuestionParser.MonthDashRegex",
        "QuestionParser.MonthListRegex",
        "QuestionParser.MonthRangeRegex",
        "QuestionParser.MonthRegex",
        "QuestionParser.MonthRunRegex",
        "QuestionParser.MonthSpanRegex",
        "QuestionParser.MonthToDateRegex",
        "QuestionParser.MonthWordRegex",
        "QuestionParser.MostCommonEventTypesRegex",
        "QuestionParser.MostOftenRegex",
        "QuestionParser.MostRegex",
        "QuestionParser.MostViewedRegex",
        "QuestionParser.MultipleBlanksRegex",
        "QuestionParser.MultipleSpacesRegex",
        "QuestionParser.NameTheOneRegex",
        "QuestionParser.NamedBaseRegex",
        "QuestionParser.NamedDayRegex",
        "QuestionParser.NamedPeriodToDateRegex",
        "QuestionParser.NamedSpanRegex",
        "QuestionParser.NegatedPartRegex",
        "QuestionParser.NegatedSecondRegex",
        "QuestionParser.NegationRegex",
        "QuestionParser.NegationWordRegex",
        "QuestionParser.NeverACampaignRegex",
        "QuestionParser.NeverASingleRegex",
        "QuestionParser.NeverArmOfAnyCampaignRegex",
        "QuestionParser.NeverBoughtRegex",
        "QuestionParser.NeverInValuedCampaignRegex",
        "QuestionParser.NeverOnceRegex",
        "QuestionParser.NeverPartOfAnyCampaignRegex",
        "QuestionParser.NeverSingleOrderRegex",
        "QuestionParser.NewAcquiredRegex",
        "QuestionParser.NoOrderRegex",
        "QuestionParser.NoPurchasesDontCountRegex",
        "QuestionParser.NoRowsRegex",
        "QuestionParser.NotBoughtOneRegex",
        "QuestionParser.NotConvertedRegex",
        "QuestionParser.NotInOverRegex",
        "QuestionParser.NotInRangeButBeforeRegex",
        "QuestionParser.NotIncludedInRangeRegex",
        "QuestionParser.NotSinceRegex",
        "QuestionParser.NothingAtAllRegex",
        "QuestionParser.NumberBeforeRegex",
        "QuestionParser.NumberTopRegex",
        "QuestionParser.OnFileRegex",
        "QuestionParser.OnThatDeviceRegex",
        "QuestionParser.OnTheBooksRegex",
        "QuestionParser.OncePerSessionRegex",
        "QuestionParser.OncePerSessionSaidRegex",
        "QuestionParser.OnceRegex",
        "QuestionParser.OneDayRegex",
        "QuestionParser.OneFigureRegex",
        "QuestionParser.OnePurchaseOverRegex",
        "QuestionParser.OnePurchaseRegex",
        "QuestionParser.OneRowOverRegex",
        "QuestionParser.OneRowPerRegex",
        "QuestionParser.OneUnitRegex",
        "QuestionParser.OnlyBuyersInYearRegex",
        "QuestionParser.OnlyCampaignsRegex",
        "QuestionParser.OnlyOneRegex",
        "QuestionParser.OpenerRegex",
        "QuestionParser.OrChoiceRegex",
        "QuestionParser.OrJoinRegex",
        "QuestionParser.OrMoreRegex",
        "QuestionParser.OrderRemarkRegex",
        "QuestionParser.OrderRowsRegex",
        "QuestionParser.OrdersPlacedByRegex",
        "QuestionParser.OrdinalWeekOfMonthRegex",
        "QuestionParser.OurPlaceRegex",
        "QuestionParser.OutOfAllRegex",
        "QuestionParser.OwnSpendRegex",
        "QuestionParser.PartHasAnyRegex",
        "QuestionParser.PartOfRegex",
        "QuestionParser.PastCampaignsRegex",
        "QuestionParser.PastUnitRegex",
        "QuestionParser.PayingRegex",
        "QuestionParser.PeopleBaseRegex",
        "QuestionParser.PeopleDoRegex",
        "QuestionParser.PeopleNounRegex",
        "QuestionParser.PeopleRelativeRegex",
        "QuestionParser.PerBuyerWhatWasRegex",
        "QuestionParser.PerConversionRegex",
        "QuestionParser.PerCustomerBaseRegex",
        "QuestionParser.PerCustomerNounRegex",
        "QuestionParser.PerCustomerRegex",
        "QuestionParser.PerCustomerSpendRegex",
        "QuestionParser.PerEventRowsRegex",
        "QuestionParser.PerPeriodGrainRegex",
        "QuestionParser.PerSessionSaidRegex",
        "QuestionParser.PerTreatedRegex",
        "QuestionParser.PerUnitRegex",
        "QuestionParser.PercentConvertedRegex",
        "QuestionParser.PeriodRatioRegex",
        "QuestionParser.PeriodToDateRegex",
        "QuestionParser.PersonBeforeRegex",
        "QuestionParser.PersonalDataRegex",
        "QuestionParser.PlainColumnRegex",
        "QuestionParser.PooledOverItsCampaignsRegex",
        "QuestionParser.PoolingEachRegex",
        "QuestionParser.PrecedingRegex",
        "QuestionParser.PreviousPeriodRegex",
        "QuestionParser.PricePerUnitRegex",
        "QuestionParser.PriceTimesQuantityRegex",
        "QuestionParser.PricedRegex",
        "QuestionParser.ProbRegex",
        "QuestionParser.PurchaseAdverbRegex",
        "QuestionParser.PurchaseFromRegex",
        "QuestionParser.PurchaseRegex",
        "QuestionParser.PurchaseSaidRegex",
        "QuestionParser.PurchaseVerbRegex",
        "QuestionParser.PurchasedBeforeThatRegex",
        "QuestionParser.QuantityUnitsRegex",
        "QuestionParser.QuarterOfYearRegex",
        "QuestionParser.QuarterRangeRegex",
        "QuestionParser.QuarterRegex",
        "QuestionParser.QuestionHeadRegex",
        "QuestionParser.QuestionWordRegex",
        "QuestionParser.RanAnEventRegex",
        "QuestionParser.RangeArticleRegex",
        "QuestionParser.RangeInBaseRegex",
        "QuestionParser.RangeSaidAgainRegex",
        "QuestionParser.RangeSaidRegex",
        "QuestionParser.RangeWordRegex",
        "QuestionParser.RateInPercentRegex",
        "QuestionParser.RateSaidRegex",
        "QuestionParser.RatioWordRegex",
        "QuestionParser.RepeatCustomersRegex",
        "QuestionParser.RepeatRateRegex",
        "QuestionParser.ReportRegex",
        "QuestionParser.RestatedYearRegex",
        "QuestionParser.RestatementFillerRegex",
        "QuestionParser.RestatementLeadWordsRegex",
        "QuestionParser.RestatingBracketRegex",
        "QuestionParser.RevenueWordRegex",
        "QuestionParser.RiskDefinedAfterRegex",
        "QuestionParser.RollingDaysRegex",
        "QuestionParser.RollingRegex",
        "QuestionParser.RowAmountRegex",
        "QuestionParser.RowNounRegex",
        "QuestionParser.RowsCountedRegex",
        "QuestionParser.SalesValueRegex",
        "QuestionParser.SameDaysRegex",
        "QuestionParser.SamePeriodLastYearRegex",
        "QuestionParser.SamePeriodRegex",
        "QuestionParser.SameRowsBaseRegex",
        "QuestionParser.SameUnitRegex",
        "QuestionParser.ScopeConditionRegex",
        "QuestionParser.ScopeRelativeRegex",
        "QuestionParser.SecondPurchaseSaidRegex",
        "QuestionParser.SentenceBreakRegex",
        "QuestionParser.SeparateRegex",
        "QuestionParser.SequenceRegex",
        "QuestionParser.SessionActivityRegex",
        "QuestionParser.SessionDurationSaidRegex",
        "QuestionParser.SessionLengthRegex",
        "QuestionParser.SessionLengthSaidRegex",
        "QuestionParser.SessionsBaseRegex",
        "QuestionParser.SessionsBaseSaidRegex",
        "QuestionParser.SessionsHadRegex",
        "QuestionParser.SessionsWhoBaseRegex",
        "QuestionParser.SessionsWordRegex",
        "QuestionParser.ShareAskedRegex",
        "QuestionParser.ShareOfGroupConvertedRegex",
        "QuestionParser.ShareRegex",
        "QuestionParser.ShareVerbRegex",
        "QuestionParser.ShareWordRegex",
        "QuestionParser.ShiftedUnitsRegex",
        "QuestionParser.ShorthandRegex",
        "QuestionParser.ShowsTheMostRegex",
        "QuestionParser.SignupRangeRegex",
        "QuestionParser.SignupToFirstRegex",
        "QuestionParser.SinceRegex",
        "QuestionParser.SinceStartRegex",
        "QuestionParser.SinceTheEventRegex",
        "QuestionParser.SingleCustomerRegex",
        "QuestionParser.SingleOrderOverRegex",
        "QuestionParser.SitBelowRegex",
        "QuestionParser.SitsInCartsRegex",
        "QuestionParser.SizeComparisonRegex",
        "QuestionParser.SpacesRegex",
        "QuestionParser.SpanEndAfterRegex",
        "QuestionParser.SpendSaidRegex",
        "QuestionParser.SpendVerbRegex",
        "QuestionParser.SpendVerbSaidRegex",
        "QuestionParser.SpentOnItRegex",
        "QuestionParser.SplitAcrossRegex",
        "QuestionParser.SplitSaidRegex",
        "QuestionParser.SplitVerbRegex",
        "QuestionParser.StartToNowRegex",
        "QuestionParser.StatisticOfThoseRegex",
        "QuestionParser.StatisticWordRegex",
        "QuestionParser.StoreVisitRegex",
        "QuestionParser.SumOfOneColumnRegex",
        "QuestionParser.SumOfOrderValueRegex",
        "QuestionParser.SumOfValueRegex",
        "QuestionParser.TeamNameRegex",
        "QuestionParser.TheAverageBuyerRegex",
        "QuestionParser.TheLastWeekRegex",
        "QuestionParser.ThoseDaysRegex",
        "QuestionParser.ThresholdWordRegex",
        "QuestionParser.TimePredicateRegex",
        "QuestionParser.TimesAfterRegex",
        "QuestionParser.TimesRegex",
        "QuestionParser.ToNowWordRegex",
        "QuestionParser.TookOrdersRegex",
        "QuestionParser.TopCustomersRegex",
        "QuestionParser.TopNCustomersRegex",
        "QuestionParser.TopNRegex",
        "QuestionParser.TopRegex",
        "QuestionParser.TotalOrderValueRegex",
        "QuestionParser.TotalThenAveragedRegex",
        "QuestionParser.TreatedCustomersRegex",
        "QuestionParser.TreatmentConversionMinusControlRegex",
        "QuestionParser.TreatmentConversionsRegex",
        "QuestionParser.TreatmentGroupRegex",
        "QuestionParser.TreatmentMinusControlRegex",
        "QuestionParser.TreatmentNotHoldoutRegex",
        "QuestionParser.TreatmentOnlyRegex",
        "QuestionParser.TreatmentPeopleRegex",
        "QuestionParser.TwoNumbersRegex",
        "QuestionParser.TwoPeriodsSaidRegex",
        "QuestionParser.TypeOfRegex",
        "QuestionParser.TypicalRegex",
        "QuestionParser.UnitsCueRegex",
        "QuestionParser.UnitsOrValueRegex",
        "QuestionParser.UnreadBaseRegex",
        "QuestionParser.UpliftInRateDefinedRegex",
        "QuestionParser.UpliftPartsRegex",
        "QuestionParser.UpliftWordRegex",
        "QuestionParser.UpperBoundRegex",
        "QuestionParser.ValueListFillerRegex",
        "QuestionParser.ValueOfRegex",
        "QuestionParser.VersusRegex",
        "QuestionParser.ViewedCountRegex",
        "QuestionParser.ViewedMostRegex",
        "QuestionParser.ViewedRegex",
        "QuestionParser.WeLoggedRegex",
        "QuestionParser.WeekRangeRegex",
        "QuestionParser.WhereQuantityRegex",
        "QuestionParser.WhichHadRegex",
        "QuestionParser.WhichRegex",
        "QuestionParser.WhichSingleRegex",
        "QuestionParser.WhichTopRegex",
        "QuestionParser.WhoHaveOneRegex",
        "QuestionParser.WholeBaseRegex",
        "QuestionParser.WholeEndsRegex",
        "QuestionParser.WithinGroupRegex",
        "QuestionParser.WorthAmountRegex",
        "QuestionParser.YearBeforeNumberRegex",
        "QuestionParser.YearRangeRegex",
        "QuestionParser.YearToDateSaidRegex",
        "QuestionParser.ZeroBaseRegex",
        "QuestionParser.ZeroCountedRegex",
        "QuestionParser.ZeroRowsRegex",
        "SemanticLayer.PlaceholderRegex",
    ];

    [Fact]
    public void ThePatternsWithoutATimeLimit_AreExactlyTheListedOnes()
    {
        List<string> unlimited = [.. RegexSafetyTests.Patterns().Where(p => p.Regex.MatchTimeout == Regex.InfiniteMatchTimeout).Select(p => p.Name)];

        Assert.Equal(WithoutLimit.Order(StringComparer.Ordinal), unlimited.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EachPatternWithoutATimeLimit_CannotBacktrack()
    {
        Dictionary<string, Regex> patterns = RegexSafetyTests.Patterns().ToDictionary(p => p.Name, p => p.Regex);
        List<string> unsafePatterns = [];
        foreach (string name in WithoutLimit)
        {
            string? why = Backtracking(patterns[name]);
            if (why is not null)
            {
                unsafePatterns.Add($"{name}: {why}");
            }
        }

        Assert.Empty(unsafePatterns);
    }

    [Theory]
    [InlineData(@"(a+)+b")]
    [InlineData(@"[a-z ]+x")]
    [InlineData(@"(?<= (?:[a-z]+ )*)x")]
    [InlineData(@"(?:a|ab)*c")]
    [InlineData(@"(\w)\1")]
    [InlineData(@".*?x")]
    public void TheProof_FindsBacktracking(string pattern)
    {
        Assert.NotNull(Backtracking(new Regex(pattern)));
    }

    [Theory]
    [InlineData(@"\d+ ")]
    [InlineData(@"(?<= )(?:one|two|three)(?: more)?(?= )")]
    [InlineData(@"[a-z_][a-z0-9_]*")]
    [InlineData(@"(?: [a-z]{1,8}){0,3}")]
    public void TheProof_PassesPatternsThatCannotBacktrack(string pattern)
    {
        Assert.Null(Backtracking(new Regex(pattern)));
    }

    [Theory]
    [MemberData(nameof(RegexSafetyTests.LongQuestions), MemberType = typeof(RegexSafetyTests))]
    public void EachPatternWithoutATimeLimit_MatchesALongAdversarialQuestion(string question)
    {
        foreach (Regex regex in RegexSafetyTests.Patterns().Where(p => p.Regex.MatchTimeout == Regex.InfiniteMatchTimeout).Select(p => p.Regex))
        {
            _ = regex.Count(question);
            _ = regex.Count(question.ToLowerInvariant());
        }
    }

    // Why a pattern can backtrack (null when it cannot), read from the tree .NET parses and optimises it into (internal to
    // System.Text.RegularExpressions: read by reflection, so a change of .NET that moves it fails here, not silently).
    private static string? Backtracking(Regex regex)
    {
        MethodInfo init = typeof(Regex).GetMethod("Init", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("Regex.Init not found: the proof reads .NET's parsed tree");
        object tree = init.Invoke(new Regex("x"), [regex.ToString(), regex.Options, Regex.InfiniteMatchTimeout, CultureInfo.InvariantCulture])!;
        object root = tree.GetType().GetField("Root", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(tree)!;
        return Walk(root);
    }

    private static string? Walk(object node)
    {
        Type type = node.GetType();
        string kind = Member(node, "Kind").ToString()!;
        int max = (int)Member(node, "N");
        if (kind is "Oneloop" or "Notoneloop" or "Setloop" or "Onelazy" or "Notonelazy" or "Setlazy" or "Loop" or "Lazyloop" && max == int.MaxValue)
        {
            return $"an unbounded {kind} that can give back what it took";
        }

        if (kind is "Backreference" or "BackreferenceConditional" or "ExpressionConditional")
        {
            return $"a {kind}";
        }

        int count = (int)type.GetMethod("ChildCount", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.Invoke(node, null)!;
        MethodInfo child = type.GetMethod("Child", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!;
        for (int i = 0; i < count; i++)
        {
            if (Walk(child.Invoke(node, [i])!) is string why)
            {
                return why;
            }
        }

        return null;
    }

    private static object Member(object node, string name)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        return node.GetType().GetProperty(name, flags)?.GetValue(node) ?? node.GetType().GetField(name, flags)!.GetValue(node)!;
    }
}
