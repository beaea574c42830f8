using System.CommandLine;
using System.Text.Json.Serialization;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Synthetic.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Data;

/// <summary><c>aether events add [N]</c>: appends realistic events between the last event and now.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        Argument<int> count = new("count") { Description = "How many events to add (default 500).", DefaultValueFactory = _ => 500 };
        Command add = new("add", "Append N new behavioral events spread between the last event's timestamp and now.") { count };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            int n = parseResult.GetValue(count);
            if (n is < 1 or > 10_000_000)
            {
                throw new CliInputException($"count must be between 1 and 10000000 (got {n}).");
            }

            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            DataCommands.RequireDatabase(services);
            IDataStore store = services.GetRequiredService<IDataStore>();
            IDataAppender appender = services.GetService<IDataAppender>()
                ?? throw new CliInputException("--store: the configured store cannot append events; use --store duckdb.");
            TimeProvider clock = services.GetRequiredService<TimeProvider>();
            LiveEventGenerator generator = services.GetRequiredService<LiveEventGenerator>();

            (DateTimeOffset? lastEvent, IReadOnlyList<string> customers) = await LiveEventGenerator.ReadFeedStateAsync(store, 256, cancellationToken).ConfigureAwait(false);
            DateTimeOffset now = clock.GetUtcNow();
            DateTimeOffset from = lastEvent ?? now.AddHours(-1);
            IReadOnlyList<BehavioralEvent> events = generator.Generate(n, customers, from, now > from ? now : from.AddSeconds(1), unchecked((int)now.UtcTicks));
            long appended = await appender.AppendAsync(DataSchema.BehavioralEvents, events, cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(new EventsAdded(appended, events[^1].Timestamp));
            return CliExit.Ok;
        });
        return new Command("events", "Live behavioral events.") { add };
    }

    private sealed record EventsAdded(
        [property: JsonPropertyName("count")] long Count,
        [property: JsonPropertyName("last_timestamp")] DateTimeOffset LastTimestamp);
}
