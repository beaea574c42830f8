using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Synthetic.Events;

/// <summary>One row of <c>behavioral_events</c>, as produced by the live event generator.</summary>
/// <param name="EventId">A unique event id.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="EventType">One of <see cref="RetailCatalog.EventTypes"/>.</param>
/// <param name="Timestamp">When it happened (UTC).</param>
/// <param name="Category">The category, or <see langword="null"/> when the event has none.</param>
/// <param name="ProductType">The product type, or <see langword="null"/> when the event is not about a product.</param>
/// <param name="SessionId">The browsing session.</param>
/// <param name="SessionDurationSeconds">The session's length in seconds.</param>
/// <param name="Device">One of <see cref="RetailCatalog.Devices"/>.</param>
public sealed record BehavioralEvent(
    string EventId,
    string CustomerId,
    string EventType,
    DateTimeOffset Timestamp,
    string? Category,
    string? ProductType,
    string SessionId,
    long SessionDurationSeconds,
    string Device) : IDataRow
{
    /// <summary>Whether this is the first event of its session (exactly one event of each session is).</summary>
    public bool SessionStart { get; init; }

    /// <inheritdoc />
    public void WriteTo(ITableWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.StartRow();
        writer.Write(EventId);
        writer.Write(CustomerId);
        writer.Write(EventType);
        writer.Write(Timestamp.UtcDateTime);
        WriteNullable(writer, Category);
        WriteNullable(writer, ProductType);
        writer.Write(SessionId);
        writer.Write(SessionDurationSeconds);
        writer.Write(Device);
        writer.Write(SessionStart);
        writer.EndRow();
    }

    private static void WriteNullable(ITableWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value);
        }
    }
}
