namespace AetherSegment.Data;

/// <summary>
/// A store kept in one file by processes that are its only writer while they run and write customer data only through
/// AetherSegment (the embedded DuckDB store with <c>SoleWriterProcess</c>, which the <c>aether</c> command line sets).
/// It names the file's <em>data epoch</em>: an id that stays the same from process to process while nothing but such
/// processes, writing no customer data, has changed the file (each leaves the file's stamp, its length and last write
/// time, when it closes it, and the next one compares). A figure computed from the customer data and kept with its
/// epoch (the campaign history's data version) then holds for the next process without reading the data again.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IFileStampedDataStore
{
    /// <summary>
    /// The file's data epoch in this process (read before the process's first write to the file); null when none can be
    /// trusted: the setting is off, or customer data has been written in this process (<see cref="NoteDataWritten"/>).
    /// </summary>
    string? DataEpoch { get; }

    /// <summary>
    /// Tells the store that customer data (a table of the profile, such as the campaign history) was written in this
    /// process: from now on <see cref="DataEpoch"/> is null, and the file is left with a new epoch.
    /// </summary>
    void NoteDataWritten();
}
