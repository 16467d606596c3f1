using System.Threading;
using ErrorSdk.Generator.Diagnostics;

namespace ErrorSdk.Generator.Parsing
{
    /// <summary>
    /// Reads the JSON tree into a <see cref="RawTaxonomy"/>: checks property names, value types and presence of the
    /// always-required properties, and keeps every position. Rules that need more than one property (inheritance,
    /// routing, templates) belong to the validator.
    /// </summary>
    internal sealed partial class TaxonomyParser
    {
        private static readonly string[] RootProperties = { "$schema", "name", "namespace", "domain", "version", "proto_package", "reserved", "kinds" };
        private static readonly string[] ReservedProperties = { "numbers", "reasons" };
        private const string RootContext = "the taxonomy";
        private const string ReservedContext = "'reserved'";

        private readonly DiagnosticBag _diagnostics;
        private readonly JsonValues _values;
        private readonly CancellationToken _cancellationToken;

        private TaxonomyParser(SourceLocator locator, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            _diagnostics = diagnostics;
            _values = new JsonValues(locator, diagnostics);
            _cancellationToken = cancellationToken;
        }

        /// <summary>The raw taxonomy, or null when the root is not an object (then ESDK100 is reported).</summary>
        public static RawTaxonomy? Parse(SourceLocator locator, JsonNode root, DiagnosticBag diagnostics, CancellationToken cancellationToken) =>
            new TaxonomyParser(locator, diagnostics, cancellationToken).ParseRoot(locator, root);

        private RawTaxonomy? ParseRoot(SourceLocator locator, JsonNode root)
        {
            if (root is not JsonObject obj)
            {
                _diagnostics.Report(DiagnosticIds.RootNotObject, _values.SpanOf(root), root.Describe());
                return null;
            }

            var raw = new RawTaxonomy(locator, _values.OpeningOf(obj));
            _values.CheckKnownProperties(obj, RootContext, RootProperties);
            _values.CheckRequired(obj, RootContext, raw.RootSpan, "name", "namespace", "domain", "version", "proto_package", "kinds");
            foreach (var property in obj.Properties)
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "$schema":
                        _values.String(value, property.Name, RootContext);
                        break;
                    case "name":
                        raw.Name = _values.String(value, property.Name, RootContext);
                        break;
                    case "namespace":
                        raw.Namespace = _values.String(value, property.Name, RootContext);
                        break;
                    case "domain":
                        raw.Domain = _values.String(value, property.Name, RootContext);
                        break;
                    case "version":
                        raw.Version = _values.String(value, property.Name, RootContext);
                        break;
                    case "proto_package":
                        raw.ProtoPackage = _values.String(value, property.Name, RootContext);
                        break;
                    case "reserved":
                        ParseReserved(raw, value);
                        break;
                    case "kinds":
                        ParseKinds(raw, property);
                        break;
                }
            }

            return raw;
        }

        private void ParseReserved(RawTaxonomy raw, JsonNode value)
        {
            var obj = _values.Object(value, "reserved", RootContext);
            if (obj == null)
            {
                return;
            }

            _values.CheckKnownProperties(obj, ReservedContext, ReservedProperties);
            if (obj.Find("numbers") is { } numbers && _values.Array(numbers.Value, "numbers", ReservedContext) is { } array)
            {
                for (int i = 0; i < array.Items.Count; i++)
                {
                    if (_values.Int(array.Items[i], JsonValues.ItemName("numbers", i), ReservedContext) is { } number)
                    {
                        raw.ReservedNumbers.Add(number);
                    }
                }
            }

            if (obj.Find("reasons") is { } reasons && _values.StringArray(reasons.Value, "reasons", ReservedContext) is { } list)
            {
                raw.ReservedReasons.AddRange(list);
            }
        }
    }
}
