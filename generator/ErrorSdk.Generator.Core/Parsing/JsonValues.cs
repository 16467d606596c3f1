using System.Collections.Generic;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Parsing
{
    /// <summary>Typed reads of JSON values that report a wrong type (ESDK103) or a bad integer (ESDK104) at the value.</summary>
    internal sealed class JsonValues
    {
        private readonly SourceLocator _locator;
        private readonly DiagnosticBag _diagnostics;

        public JsonValues(SourceLocator locator, DiagnosticBag diagnostics)
        {
            _locator = locator;
            _diagnostics = diagnostics;
        }

        public SourceSpan SpanOf(JsonNode node) => _locator.Span(node.Start, node.Length);

        public SourceSpan NameSpanOf(JsonProperty property) => _locator.Span(property.NameStart, property.NameLength);

        /// <summary>The opening brace or bracket: where "missing property" diagnostics of an object point.</summary>
        public SourceSpan OpeningOf(JsonNode node) => _locator.Span(node.Start, 1);

        /// <summary>Reports every property not in <paramref name="allowed"/> (ESDK101) at its name.</summary>
        public void CheckKnownProperties(JsonObject obj, string context, string[] allowed)
        {
            foreach (var property in obj.Properties)
            {
                if (System.Array.IndexOf(allowed, property.Name) < 0)
                {
                    _diagnostics.Report(DiagnosticIds.UnknownProperty, NameSpanOf(property), JsonReader.Shorten(property.Name), context, string.Join(", ", allowed));
                }
            }
        }

        /// <summary>Reports each missing property (ESDK102) at <paramref name="anchor"/>; true when all are present.</summary>
        public bool CheckRequired(JsonObject obj, string context, SourceSpan anchor, params string[] required)
        {
            bool ok = true;
            foreach (var name in required)
            {
                if (obj.Find(name) == null)
                {
                    _diagnostics.Report(DiagnosticIds.MissingProperty, anchor, name, context);
                    ok = false;
                }
            }

            return ok;
        }

        public Located<string>? String(JsonNode value, string name, string context, bool nonEmpty = false)
        {
            if (value is JsonString s)
            {
                if (nonEmpty && s.Value.Trim().Length == 0)
                {
                    _diagnostics.Report(DiagnosticIds.EmptyString, SpanOf(value), name, context);
                }

                return new Located<string>(s.Value, SpanOf(value));
            }

            WrongType(value, name, context, "a string");
            return null;
        }

        public Located<int>? Int(JsonNode value, string name, string context)
        {
            if (value is JsonNumber n)
            {
                if (n.Int32Value is int i)
                {
                    return new Located<int>(i, SpanOf(value));
                }

                _diagnostics.Report(DiagnosticIds.NotAnInteger, SpanOf(value), name, context, JsonReader.Shorten(n.Text));
                return null;
            }

            WrongType(value, name, context, "an integer");
            return null;
        }

        public bool? Bool(JsonNode value, string name, string context)
        {
            switch (value.Kind)
            {
                case JsonKind.True:
                    return true;
                case JsonKind.False:
                    return false;
                default:
                    WrongType(value, name, context, "true or false");
                    return null;
            }
        }

        public JsonObject? Object(JsonNode value, string name, string context)
        {
            if (value is JsonObject obj)
            {
                return obj;
            }

            WrongType(value, name, context, "an object");
            return null;
        }

        public JsonArray? Array(JsonNode value, string name, string context)
        {
            if (value is JsonArray array)
            {
                return array;
            }

            WrongType(value, name, context, "an array");
            return null;
        }

        /// <summary>An array of strings; a non-string item is reported as <c>name[i]</c> and skipped. Null when not an array.</summary>
        public List<Located<string>>? StringArray(JsonNode value, string name, string context)
        {
            var array = Array(value, name, context);
            if (array == null)
            {
                return null;
            }

            var items = new List<Located<string>>();
            for (int i = 0; i < array.Items.Count; i++)
            {
                var item = String(array.Items[i], ItemName(name, i), context);
                if (item != null)
                {
                    items.Add(item);
                }
            }

            return items;
        }

        public static string ItemName(string name, int index) => name + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

        public void WrongType(JsonNode value, string name, string context, string expected) =>
            _diagnostics.Report(DiagnosticIds.WrongType, SpanOf(value), name, context, expected, value.Describe());

        /// <summary>
        /// Reports an empty array or object where the schema requires at least one entry (minItems / minProperties),
        /// so the validator never accepts what the JSON Schema rejects.
        /// </summary>
        public void RequireNonEmpty(JsonNode value, int count, string name, string context)
        {
            if (count == 0)
            {
                bool isObject = value is JsonObject;
                _diagnostics.Report(
                    DiagnosticIds.WrongType,
                    SpanOf(value),
                    name,
                    context,
                    isObject ? "an object with at least one property" : "a non-empty array (or absent)",
                    isObject ? "an empty object" : "an empty array");
            }
        }
    }
}
