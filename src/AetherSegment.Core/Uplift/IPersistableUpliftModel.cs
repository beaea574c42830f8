namespace AetherSegment.Uplift;

/// <summary>An uplift model that saves itself to a stream (<see cref="UpliftModelFile"/>).</summary>
public interface IPersistableUpliftModel : IUpliftModel
{
    /// <summary>Writes the fitted model.</summary>
    /// <param name="destination">The stream written to; left open.</param>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    void Save(Stream destination);
}
