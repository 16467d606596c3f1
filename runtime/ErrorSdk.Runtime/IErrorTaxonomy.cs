using System.Collections.Generic;

namespace ErrorSdk
{
    /// <summary>A generated taxonomy: its kinds and the routing from a received status to a typed exception.</summary>
    public interface IErrorTaxonomy
    {
        /// <summary>The <c>google.rpc.ErrorInfo.domain</c> of every kind.</summary>
        string Domain { get; }

        /// <summary>Every kind, ordered by number.</summary>
        IReadOnlyList<KindInfo> Kinds { get; }

        /// <summary>
        /// Turns a received status into the right typed exception: by reason, then alias, then the code's
        /// fallback kind, else <see cref="UnclassifiedException"/>. Never throws; the raw status is kept.
        /// </summary>
        TaxonomyException Promote(Google.Rpc.Status status);

        /// <summary>
        /// <see cref="Promote(Google.Rpc.Status)"/> within custom <see cref="WireLimits"/> (the one-argument form reads
        /// within <see cref="WireLimits.Default"/>): what goes over a limit is cut, marked and listed in
        /// <see cref="ReceivedError.Problems"/>; the raw status stays whole. Never throws.
        /// </summary>
        TaxonomyException Promote(Google.Rpc.Status status, WireLimits limits);

        /// <summary>
        /// Creates a local exception of the non-abstract kind <paramref name="reason"/> from field values in
        /// their metadata string form (the way adapters build errors without knowing the generated classes).
        /// Unknown or abstract reasons give null.
        /// </summary>
        TaxonomyException? Create(string reason, IReadOnlyDictionary<string, string>? fields, TaxonomyExceptionOptions options = default);
    }
}
