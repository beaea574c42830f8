namespace AetherSegment.Profiles;

/// <summary>
/// The profile's data mapping: <see cref="Customers"/> always, every other entity when the user's store has it.
/// Immutable and thread-safe.
/// </summary>
public sealed class EntityMappings
{
    private readonly EntityMapping?[] _byKind;

    internal EntityMappings(IEnumerable<EntityMapping> mappings)
    {
        _byKind = new EntityMapping?[Enum.GetValues<EntityKind>().Length];
        foreach (EntityMapping mapping in mappings)
        {
            _byKind[(int)mapping.Kind] = mapping;
        }

        Customers = _byKind[(int)EntityKind.Customers] ?? throw new ArgumentException("The customers mapping is required.", nameof(mappings));
    }

    /// <summary>The customers mapping (required).</summary>
    public EntityMapping Customers { get; }

    /// <summary>The orders mapping, or <see langword="null"/> when the store has none.</summary>
    public EntityMapping? Orders => _byKind[(int)EntityKind.Orders];

    /// <summary>The behavioral events mapping, or <see langword="null"/> when the store has none.</summary>
    public EntityMapping? Events => _byKind[(int)EntityKind.Events];

    /// <summary>The abandoned carts mapping, or <see langword="null"/> when the store has none.</summary>
    public EntityMapping? Carts => _byKind[(int)EntityKind.Carts];

    /// <summary>The campaign sends mapping, or <see langword="null"/> when the store has none.</summary>
    public EntityMapping? CampaignSends => _byKind[(int)EntityKind.CampaignSends];

    /// <summary>The customer scores mapping, or <see langword="null"/> when the store has none.</summary>
    public EntityMapping? Scores => _byKind[(int)EntityKind.Scores];

    /// <summary>Every mapped entity, in <see cref="EntityKind"/> order.</summary>
    public IEnumerable<EntityMapping> All => _byKind.OfType<EntityMapping>();

    /// <summary>The mapping of an entity.</summary>
    /// <returns>The mapping, or <see langword="null"/> when the profile does not map it.</returns>
    public EntityMapping? Get(EntityKind kind) => _byKind[(int)kind];
}
