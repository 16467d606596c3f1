using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Diagnostics
{
    /// <summary>Collects diagnostics while reading and validating one taxonomy file.</summary>
    internal sealed class DiagnosticBag
    {
        private readonly List<DiagnosticInfo> _items = new List<DiagnosticInfo>();

        public int Count => _items.Count;

        public bool HasErrors => _items.Any(d => DiagnosticCatalog.Get(d.Id).Severity == TaxonomySeverity.Error);

        public void Report(string id, SourceSpan? span, params string[] args) =>
            _items.Add(new DiagnosticInfo(id, span, new EquatableArray<string>(args)));

        /// <summary>Diagnostics in file order (stable for equal positions), so output does not depend on check order.</summary>
        public EquatableArray<DiagnosticInfo> ToSortedArray() =>
            _items.Select((d, i) => (d, i))
                .OrderBy(x => x.d.Span?.Start ?? -1)
                .ThenBy(x => x.i)
                .Select(x => x.d)
                .ToEquatableArray();
    }
}
