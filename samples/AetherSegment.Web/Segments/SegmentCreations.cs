using System.Collections.Concurrent;
using AetherSegment.Segments;

namespace AetherSegment.Web.Segments;

/// <summary>
/// Makes segment creation idempotent per client key: the first create with a key makes the segment and stores the key
/// with it; a repeat (a double click, a retried request, a second tab) gets that segment back instead of a new one.
/// Creates with the same key run one at a time; a repeat after a restart finds the key among the stored segments.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class SegmentCreations(ISegmentStore store)
{
    private const int MaxKeyLength = 100;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Validates a client key: null when none was sent, 400 naming <c>clientKey</c> when it is too long.</summary>
    public static string? ReadKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        key = key.Trim();
        return key.Length <= MaxKeyLength && key.All(c => c is >= ' ' and <= '~')
            ? key
            : throw new AetherSegmentInputException("clientKey", $"The client key must be at most {MaxKeyLength} printable ASCII characters.");
    }

    /// <summary>Runs <paramref name="create"/> unless a segment with <paramref name="key"/> exists; says which happened.</summary>
    public async Task<(StoredSegment Segment, bool Created)> CreateOnceAsync(string? key, Func<Task<StoredSegment>> create, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return (await create().ConfigureAwait(false), true);
        }

        SemaphoreSlim gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<StoredSegment> existing = await store.ListAsync(1000, cancellationToken).ConfigureAwait(false);
            if (existing.FirstOrDefault(s => string.Equals(s.ClientKey, key, StringComparison.Ordinal)) is { } found)
            {
                return (found, false);
            }

            return (await create().ConfigureAwait(false), true);
        }
        finally
        {
            gate.Release();
        }
    }
}
