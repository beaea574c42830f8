using AetherSegment.Tests;
using AetherSegment.Uplift;

namespace AetherSegment.Core.Tests.Uplift;

public sealed class UpliftCsvTests
{
    [Fact]
    public void Read_Hillstrom_KeepsQuotedCommasInsideOneField()
    {
        UpliftDataset table = UpliftCsv.Read(TestPaths.Hillstrom);

        Assert.Equal(64_000, table.RowCount);
        Assert.Equal(12, table.ColumnCount);
        int segment = table.IndexOf("history_segment");
        Assert.Contains("6) $750 - $1,000", table.GetLevels(segment)!);
        Assert.Contains("7) $1,000 +", table.GetLevels(segment)!);
        Assert.False(table.IsCategorical(table.IndexOf("history")));
    }

    [Fact]
    public void Read_EmptyAndNaNCells_AreMissing()
    {
        UpliftDataset table = UpliftCsv.Read(new StringReader("a,b\r\n1,x\r\n,NaN\r\nNaN,\"y \"\"q\"\"\"\r\n"), "inline");

        float[] a = table.GetValues(table.IndexOf("a"));
        Assert.Equal(1f, a[0]);
        Assert.True(float.IsNaN(a[1]) && float.IsNaN(a[2]));
        Assert.True(table.IsCategorical(1));
        Assert.Equal(["x", "y \"q\""], table.GetLevels(1));
        Assert.True(float.IsNaN(table.GetValues(1)[1]));
    }

    [Fact]
    public void Read_RaggedRecord_IsAnInputErrorNamingTheRecord()
    {
        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => UpliftCsv.Read(new StringReader("a,b\n1,2\n3\n"), "ragged.csv"));

        Assert.Contains("record 3", error.Message, StringComparison.Ordinal);
    }

    private static UpliftDataset Table() => UpliftCsv.Read(new StringReader("arm,y,x\nT,1,0.5\nC,0,0.2\nT,0,0.1\nC,1,0.9\nO,1,0.3\n"), "t.csv");

    [Fact]
    public void FromTable_DropsRowsOfOtherArms()
    {
        UpliftTrainingSet set = UpliftTrainingSet.FromTable(Table(), "arm", ["T"], "C", "y");

        Assert.Equal(4, set.RowCount);
        Assert.Equal([1, 0, 1, 0], set.Treatment);
        Assert.Equal(["x"], set.Features.ColumnNames);
    }

    [Fact]
    public void FromTable_MissingColumn_NamesTheOption()
    {
        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => UpliftTrainingSet.FromTable(Table(), "arm", ["T"], "C", "visit"));

        Assert.Equal("--outcome", error.Field);
        Assert.Contains("'visit'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTable_TreatmentValueNeverOccurs_NamesTheValue()
    {
        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => UpliftTrainingSet.FromTable(Table(), "arm", ["Mail"], "C", "y"));

        Assert.Equal("--treatment", error.Field);
        Assert.Contains("'Mail' never occurs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTable_SingleClassOutcome_IsRejected()
    {
        UpliftDataset table = UpliftCsv.Read(new StringReader("arm,y,x\nT,0,0.5\nC,0,0.2\n"), "flat.csv");

        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => UpliftTrainingSet.FromTable(table, "arm", ["T"], "C", "y"));

        Assert.Contains("single class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTable_EmptyOutcomeCell_IsRejectedWithItsRow()
    {
        UpliftDataset table = UpliftCsv.Read(new StringReader("arm,y,x\nT,1,0.5\nC,,0.2\n"), "gap.csv");

        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => UpliftTrainingSet.FromTable(table, "arm", ["T"], "C", "y"));

        Assert.Contains("data row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTable_NonBinaryOutcome_IsRejected()
    {
        UpliftDataset table = UpliftCsv.Read(new StringReader("arm,y,x\nT,3.5,0.5\nC,0,0.2\n"), "spend.csv");

        Assert.Throws<AetherSegmentInputException>(() => UpliftTrainingSet.FromTable(table, "arm", ["T"], "C", "y"));
    }
}
