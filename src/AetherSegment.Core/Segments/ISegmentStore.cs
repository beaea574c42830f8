using AetherSegment.Data;

namespace AetherSegment.Segments;

/// <summary>
/// Keeps activated segments in the customer data store: the definition, SQL, parameters and as-of time, and a snapshot
/// of the members written inside the store (<c>INSERT ... SELECT</c>, never through memory), so every export of a
/// segment lists the same members.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ISegmentStore
{
    /// <summary>Stores a segment and snapshots its members.</summary>
    /// <param name="segment">The segment; its size and average CLV are filled in from the snapshot.</param>
    /// <param name="members">A statement in the store's dialect selecting <see cref="SegmentTables.MemberColumns"/> in order, one row per member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored segment with its size and average CLV.</returns>
    /// <exception cref="DataStoreException">The store failed.</exception>
#pragma warning disable RS0027 // the shipped overload keeps its optional token; the one with scores takes a token
    Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, CancellationToken cancellationToken = default);
#pragma warning restore RS0027

    /// <summary>Whether the store keeps members' predicted uplift with a segment (<see cref="Experiments.MemberUpliftScores.Table"/>), so holdouts can be stratified by decile.</summary>
    bool KeepsMemberScores => false;

    /// <summary>Stores a segment, snapshots its members and keeps their predicted uplift and decile, in one commit.</summary>
    /// <param name="segment">The segment; its size and average CLV are filled in from the snapshot.</param>
    /// <param name="members">A statement in the store's dialect selecting <see cref="SegmentTables.MemberColumns"/> in order, one row per member.</param>
    /// <param name="scores">The members' predicted uplift, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored segment with its size and average CLV.</returns>
    /// <exception cref="NotSupportedException">Scores were given and the store does not keep them (<see cref="KeepsMemberScores"/>).</exception>
    /// <exception cref="DataStoreException">The store failed.</exception>
#pragma warning disable RS0027 // the shipped overload keeps its optional token; this one adds the scores and takes a token
    Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, Experiments.MemberUpliftScores? scores, CancellationToken cancellationToken) =>
        scores is null ? CreateAsync(segment, members, cancellationToken) : throw new NotSupportedException("This segment store does not keep members' predicted uplift.");
#pragma warning restore RS0027

    /// <summary>
    /// Stores a segment, snapshots its members and keeps the predicted uplift and decile that <paramref name="scoreMembers"/>
    /// gives them, in one commit and one evaluation of the segment's filters: a store that can (DuckDB) hands the scorer
    /// the fingerprints of the members it has just written (<see cref="SqlDialect.Fingerprint"/> of <c>customer_id</c>,
    /// one per member, in no order), so a scorer holding every customer's uplift by fingerprint (a long-lived host's
    /// audience snapshot) needs no second read of the members. When the scorer returns scores and the segment has a
    /// holdout, the holdout is stored as stratified (<see cref="Experiments.HoldoutAssignment.StratifiedMethod"/>).
    /// </summary>
    /// <param name="segment">The segment; its size and average CLV are filled in from the snapshot.</param>
    /// <param name="members">A statement in the store's dialect selecting <see cref="SegmentTables.MemberColumns"/> in order, one row per member.</param>
    /// <param name="scoreMembers">
    /// Scores the members: given their fingerprints, or <see langword="null"/> when the store does not read them back
    /// (the scorer then reads the members itself); returns <see langword="null"/> for no scores (an unstratified holdout).
    /// Called once, before anything is committed; an exception from it stores nothing.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored segment with its size and average CLV.</returns>
    /// <exception cref="NotSupportedException">The scorer returned scores and the store does not keep them (<see cref="KeepsMemberScores"/>).</exception>
    /// <exception cref="DataStoreException">The store failed.</exception>
    /// <remarks>The default calls the scorer with <see langword="null"/> fingerprints, then stores the segment with its scores.</remarks>
    async Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, Func<IReadOnlyList<long>?, CancellationToken, Task<Experiments.MemberUpliftScores?>> scoreMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(scoreMembers);
        Experiments.MemberUpliftScores? scores = await scoreMembers(null, cancellationToken).ConfigureAwait(false);
        return await CreateAsync(Experiments.HoldoutAssignment.WithScores(segment, scores), members, scores, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores a segment with a holdout, stratified by a kept audience score set when one scores every member, else by
    /// the scores <paramref name="scoreMembers"/> gives (as
    /// <see cref="CreateAsync(StoredSegment, SqlStatement, Func{IReadOnlyList{long}?, CancellationToken, Task{Experiments.MemberUpliftScores?}}, CancellationToken)"/>).
    /// A store that keeps sets awaits <paramref name="candidateScores"/> after the members are written (so the caller's
    /// lookup, <see cref="FindAudienceScoresAsync"/>, runs alongside the insert), counts the members the candidate lacks
    /// in the same transaction, and references it when none is missing: the scorer is then not called. Otherwise (no
    /// candidate, or a member missing) the scorer scores the members inside the transaction.
    /// </summary>
    /// <param name="segment">The segment, with a holdout; its size and average CLV are filled in from the snapshot.</param>
    /// <param name="members">A statement in the store's dialect selecting <see cref="SegmentTables.MemberColumns"/> in order, one row per member.</param>
    /// <param name="candidateScores">Gives the id of a kept score set whose scores equal what the scorer would compute, or <see langword="null"/> for none.</param>
    /// <param name="scoreMembers">Scores the members when the candidate does not serve (see the other overload).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored segment with its size and average CLV; its holdout names the set when one was referenced.</returns>
    /// <exception cref="NotSupportedException">The scorer returned scores and the store does not keep them (<see cref="KeepsMemberScores"/>).</exception>
    /// <exception cref="DataStoreException">The store failed.</exception>
    /// <remarks>The default awaits the candidate and ignores it (it keeps no sets), then calls the other overload.</remarks>
    async Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, Func<CancellationToken, Task<string?>> candidateScores, Func<IReadOnlyList<long>?, CancellationToken, Task<Experiments.MemberUpliftScores?>> scoreMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidateScores);
        _ = await candidateScores(cancellationToken).ConfigureAwait(false);
        return await CreateAsync(segment, members, scoreMembers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the store can keep a stratified holdout's arms after activation (<see cref="KeepMemberArmsAsync"/>).</summary>
    bool KeepsMemberArms => false;

    /// <summary>
    /// Keeps the arms of a stored segment's stratified holdout that were not kept at activation (a holdout referencing an
    /// audience score set, or one whose scores missed members): each member's arm, decile and predicted uplift as
    /// <see cref="Experiments.HoldoutAssignment.ComputedMemberArmsSql"/> computes them, written to
    /// <see cref="Experiments.MemberUpliftScores.Table"/>, and the holdout marked
    /// <see cref="Experiments.SegmentHoldout.ArmsKept"/>, in one commit. Reports then read them instead of computing them.
    /// </summary>
    /// <param name="segmentId">The segment id.</param>
    /// <param name="cancellationToken">Cancels the call before the write commits.</param>
    /// <returns>Whether arms were kept: false for an unknown segment, one with no stratified holdout, or arms kept already.</returns>
    /// <exception cref="DataStoreException">The store failed.</exception>
    /// <remarks>The default keeps nothing (reports compute the arms).</remarks>
    Task<bool> KeepMemberArmsAsync(string segmentId, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>
    /// Whether the store keeps audience score sets (<see cref="Experiments.AudienceUpliftScores"/>): a stratified holdout
    /// then references a set (<see cref="Experiments.SegmentHoldout.Scores"/>) instead of a score row per member.
    /// </summary>
    bool KeepsAudienceScores => false;

    /// <summary>
    /// Keeps an audience score set: every customer's predicted uplift of one trigger, in one commit; then drops the sets
    /// no stored segment references, except this one. A segment whose holdout names the set in
    /// <see cref="Experiments.SegmentHoldout.Scores"/> is stored with a reference to it.
    /// </summary>
    /// <param name="setId">The set's id (letters, digits, '_' and '-').</param>
    /// <param name="customerIds">The customers.</param>
    /// <param name="predictedUplift">Each customer's predicted absolute uplift, in the order of <paramref name="customerIds"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NotSupportedException">The store does not keep score sets (<see cref="KeepsAudienceScores"/>).</exception>
    /// <exception cref="DataStoreException">The store failed.</exception>
    Task KeepAudienceScoresAsync(string setId, IReadOnlyList<string> customerIds, IReadOnlyList<double> predictedUplift, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This segment store does not keep audience score sets.");

    /// <summary>
    /// Keeps an audience score set with what its scores depend on (<paramref name="key"/>), so another process can find
    /// it (<see cref="FindAudienceScoresAsync"/>): every customer's predicted uplift from a long-lived host's snapshot, or
    /// the members a one-shot process has just scored. The new set also holds the customers of the newest set kept with
    /// an equal key that <paramref name="customerIds"/> lacks (their scores are the same), so the covered customers grow
    /// from process to process; a kept set is never changed. Then drops the sets no stored segment references, as
    /// <see cref="KeepAudienceScoresAsync(string, IReadOnlyList{string}, IReadOnlyList{double}, CancellationToken)"/>.
    /// </summary>
    /// <param name="setId">The set's id (letters, digits, '_' and '-').</param>
    /// <param name="key">The trigger, data version, models and as-of of the scores.</param>
    /// <param name="customerIds">The customers scored.</param>
    /// <param name="predictedUplift">Each customer's predicted absolute uplift, in the order of <paramref name="customerIds"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NotSupportedException">The store does not keep score sets (<see cref="KeepsAudienceScores"/>).</exception>
    /// <exception cref="DataStoreException">The store failed.</exception>
    Task KeepAudienceScoresAsync(string setId, Experiments.AudienceScoreSetKey key, IReadOnlyList<string> customerIds, IReadOnlyList<double> predictedUplift, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This segment store does not keep audience score sets.");

    /// <summary>
    /// The newest kept audience score set for <paramref name="key"/>'s trigger, data version and models whose as-of is at
    /// most <paramref name="maxLag"/> before <paramref name="key"/>'s (and not after it), or <see langword="null"/>. A
    /// set found may not score every member of a segment: pass it as a candidate to
    /// <see cref="CreateAsync(StoredSegment, SqlStatement, Func{IReadOnlyList{long}?, CancellationToken, Task{Experiments.MemberUpliftScores?}}, CancellationToken)"/>,
    /// which checks.
    /// </summary>
    /// <param name="key">The trigger, data version, models and as-of the scores must have.</param>
    /// <param name="maxLag">How far the set's as-of may be behind <paramref name="key"/>'s (zero: the same as-of).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="DataStoreException">The store failed.</exception>
    /// <remarks>The default finds none.</remarks>
    Task<string?> FindAudienceScoresAsync(Experiments.AudienceScoreSetKey key, TimeSpan maxLag, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    /// <summary>Fetches a stored segment.</summary>
    /// <param name="segmentId">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The segment, or <see langword="null"/> when there is none with that id.</returns>
    Task<StoredSegment?> GetAsync(string segmentId, CancellationToken cancellationToken = default);

    /// <summary>Writes a stored segment's members, ordered by customer id, without the personal columns.</summary>
    /// <param name="segmentId">The id.</param>
    /// <param name="format">The format.</param>
    /// <param name="destination">The stream written to (left open).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when there is no segment with that id (nothing is written).</returns>
    /// <exception cref="AetherSegmentInputException">The store does not support the format.</exception>
#pragma warning disable RS0027 // the shipped overload keeps its optional token; the richer one below takes options and a token
    async Task<bool> ExportAsync(string segmentId, SegmentExportFormat format, Stream destination, CancellationToken cancellationToken = default) =>
        await ExportAsync(segmentId, format, destination, SegmentExportOptions.WithoutPersonalData, cancellationToken).ConfigureAwait(false) is not null;
#pragma warning restore RS0027

    /// <summary>Writes a stored segment's members, ordered by customer id.</summary>
    /// <param name="segmentId">The id.</param>
    /// <param name="format">The format.</param>
    /// <param name="destination">The stream written to (left open).</param>
    /// <param name="options">Whether the personal columns are written (<see cref="SegmentTables.ExportColumns"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of members written; <see langword="null"/> when there is no segment with that id (nothing is written).</returns>
    /// <exception cref="AetherSegmentInputException">The store does not support the format.</exception>
    Task<long?> ExportAsync(string segmentId, SegmentExportFormat format, Stream destination, SegmentExportOptions options, CancellationToken cancellationToken);

    /// <summary>The stored segments, newest first.</summary>
    /// <param name="limit">At most this many segments (1..1000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The segments with their stored JSON (name, client key, explanation, size).</returns>
    /// <exception cref="DataStoreException">The store failed.</exception>
    Task<IReadOnlyList<StoredSegment>> ListAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the descriptive fields of a stored segment (its <see cref="StoredSegment.Name"/> and
    /// <see cref="StoredSegment.ClientKey"/>); the member snapshot, size, definition and creation time are kept.
    /// </summary>
    /// <param name="segmentId">The segment id.</param>
    /// <param name="name">The new name, or <see langword="null"/> to keep the current one.</param>
    /// <param name="clientKey">The client key, or <see langword="null"/> to keep the current one.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The updated segment, or <see langword="null"/> when there is no segment with that id.</returns>
    /// <exception cref="DataStoreException">The store failed.</exception>
    Task<StoredSegment?> UpdateAsync(string segmentId, string? name, string? clientKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stored segment and its member snapshot.</summary>
    /// <param name="segmentId">The segment id.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns><see langword="true"/> when the segment existed.</returns>
    /// <exception cref="DataStoreException">The store failed.</exception>
    Task<bool> DeleteAsync(string segmentId, CancellationToken cancellationToken = default);
}
