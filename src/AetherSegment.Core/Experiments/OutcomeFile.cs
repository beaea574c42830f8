using System.Globalization;

namespace AetherSegment.Experiments;

/// <summary>
/// Reads an outcome CSV for a segment: header <c>customer_id,converted</c> with optional <c>revenue</c> and
/// <c>converted_at</c> (ISO 8601); one row per customer who converted or was measured. Members missing from the file
/// did not convert. Nothing is stored.
/// </summary>
internal static class OutcomeFile
{
    private static readonly string[] Known = ["customer_id", "converted", "revenue", "converted_at"];

    public static async Task<ExperimentReport> AnalyzeAsync(Stream csv, Dictionary<string, MemberArm> members, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        using StreamReader reader = new(csv, leaveOpen: true);
        string header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new AetherSegmentInputException("outcomes", "the outcome file is empty: it needs a header customer_id,converted[,revenue][,converted_at].");
        string[] columns = [.. header.Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant())];
        string? unknown = columns.FirstOrDefault(c => !Known.Contains(c));
        int id = Array.IndexOf(columns, "customer_id"), conv = Array.IndexOf(columns, "converted");
        int rev = Array.IndexOf(columns, "revenue"), at = Array.IndexOf(columns, "converted_at");
        if (unknown is not null || id < 0 || conv < 0 || columns.Distinct().Count() != columns.Length)
        {
            throw new AetherSegmentInputException("outcomes",
                $"the outcome file has the columns '{header.Trim()}'; expected customer_id,converted with optional revenue and converted_at" +
                (unknown is null ? "." : $" ('{unknown}' is not one of them)."));
        }

        Dictionary<string, (bool Converted, double Revenue, int? Day)> rows = new(StringComparer.Ordinal);
        long unknownCount = 0;
        string? firstUnknown = null;
        int line = 1;
        bool anyDate = false;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            string[] cells = [.. text.Split(',').Select(c => c.Trim().Trim('"'))];
            if (cells.Length != columns.Length)
            {
                throw new AetherSegmentInputException("outcomes", $"line {line} of the outcome file has {cells.Length} values for {columns.Length} columns.");
            }

            string customer = cells[id];
            if (!members.ContainsKey(customer))
            {
                unknownCount++;
                firstUnknown ??= customer;
                continue;
            }

            bool converted = cells[conv].ToLowerInvariant() switch
            {
                "1" or "true" or "yes" => true,
                "0" or "false" or "no" or "" => false,
                _ => throw new AetherSegmentInputException("outcomes", $"line {line}: converted must be 0/1 or true/false, not '{cells[conv]}'."),
            };
            double revenue = 0;
            if (rev >= 0 && cells[rev].Length > 0 && (!double.TryParse(cells[rev], NumberStyles.Float, CultureInfo.InvariantCulture, out revenue) || !double.IsFinite(revenue)))
            {
                throw new AetherSegmentInputException("outcomes", $"line {line}: revenue must be a number, not '{cells[rev]}'.");
            }

            int? day = null;
            if (at >= 0 && cells[at].Length > 0)
            {
                if (!DateTimeOffset.TryParse(cells[at], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
                {
                    throw new AetherSegmentInputException("outcomes", $"line {line}: converted_at must be an ISO 8601 time, not '{cells[at]}'.");
                }

                day = Math.Max(0, (int)Math.Floor((when - sentAt).TotalDays));
                anyDate = true;
            }

            rows[customer] = rows.TryGetValue(customer, out var seen)
                ? (seen.Converted || converted, seen.Revenue + revenue, seen.Day is { } d && day is { } e ? Math.Min(d, e) : seen.Day ?? day)
                : (converted, revenue, day);
        }

        if (unknownCount > 0)
        {
            throw new AetherSegmentInputException("outcomes",
                $"the outcome file has {unknownCount} row(s) for customers who are not members of the segment (first: '{firstUnknown}'); nothing was measured.");
        }

        int days = anyDate ? Math.Max(1, rows.Values.Max(r => r.Day ?? 0) + 1) : 1;
        DailyTally tally = new(days);
        long[,] unconverted = new long[2, MemberUpliftScores.DecileCount + 1];
        double[,] predicted = new double[2, MemberUpliftScores.DecileCount + 1];
        foreach ((string member, MemberArm arm) in members)
        {
            bool held = arm.Held;
            if (rows.TryGetValue(member, out var r) && (r.Converted || r.Revenue != 0))
            {
                tally.Add(held, r.Converted ? r.Day ?? days - 1 : null, 1, r.Converted ? 1 : 0, r.Revenue, r.Revenue * r.Revenue, arm.Decile, arm.PredictedUplift);
            }
            else
            {
                unconverted[held ? 1 : 0, arm.Decile]++;
                predicted[held ? 1 : 0, arm.Decile] += arm.PredictedUplift;
            }
        }

        for (int decile = 0; decile <= MemberUpliftScores.DecileCount; decile++)
        {
            tally.Add(false, null, unconverted[0, decile], 0, 0, 0, decile, predicted[0, decile]);
            tally.Add(true, null, unconverted[1, decile], 0, 0, 0, decile, predicted[1, decile]);
        }

        ExperimentReport report = tally.Analyze();
        return anyDate ? report : report with { Daily = [] };
    }
}
