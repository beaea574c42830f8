namespace AetherSegment.Interpretation.Evaluation;

/// <summary>The result of scoring an interpreter against a labelled set.</summary>
internal sealed record InterpretationReport
{
    /// <summary>The interpreter's short name.</summary>
    public required string Interpreter { get; init; }

    /// <summary>The number of examples scored.</summary>
    public required int Examples { get; init; }

    /// <summary>Examples where every compared field matched.</summary>
    public required int ExactMatches { get; init; }

    /// <summary>Exact matches over examples, 0..1.</summary>
    public double ExactMatchRate => Examples == 0 ? 1 : Math.Round((double)ExactMatches / Examples, 4);

    /// <summary>Accuracy per dotted field path, in the order of the contract.</summary>
    public required IReadOnlyDictionary<string, FieldAccuracy> Fields { get; init; }

    /// <summary>Every mismatch, by example then field.</summary>
    public required IReadOnlyList<InterpretationFailure> Failures { get; init; }
}
