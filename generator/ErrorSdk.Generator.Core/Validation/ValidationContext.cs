using System.Collections.Generic;
using System.Threading;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Parsing;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>What every rule of the validator reads and reports to.</summary>
    internal sealed class ValidationContext
    {
        public ValidationContext(RawTaxonomy raw, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            Raw = raw;
            Diagnostics = diagnostics;
            CancellationToken = cancellationToken;
            for (int i = 0; i < raw.Kinds.Count; i++)
            {
                var kind = new KindState(raw.Kinds[i], i);
                Kinds.Add(kind);
                if (!ByReason.ContainsKey(kind.Reason))
                {
                    ByReason.Add(kind.Reason, kind);
                }
            }
        }

        public RawTaxonomy Raw { get; }

        public DiagnosticBag Diagnostics { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>Kinds in declaration order.</summary>
        public List<KindState> Kinds { get; } = new List<KindState>();

        public Dictionary<string, KindState> ByReason { get; } = new Dictionary<string, KindState>(System.StringComparer.Ordinal);

        /// <summary>Kinds in an order where every parent comes before its children (cycles excluded).</summary>
        public List<KindState> TopologicalOrder { get; } = new List<KindState>();

        public static string KindContext(KindState kind) => "kind '" + NameRules.Shorten(kind.Reason) + "'";
    }
}
