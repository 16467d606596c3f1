using System.Collections.Generic;
using ErrorSdk.Generator.Diagnostics;

namespace ErrorSdk.Generator.Parsing
{
    internal sealed partial class TaxonomyParser
    {
        private static readonly string[] KindProperties =
        {
            "number", "description", "parents", "code", "retry", "message", "http", "fields", "aliases", "fallback_for", "match", "deprecated", "abstract",
        };

        private static readonly string[] FieldProperties = { "type", "description", "optional", "sensitive" };
        private static readonly string[] AliasProperties = { "reason", "code" };
        private static readonly string[] MatchProperties = { "http_status", "transport" };

        private void ParseKinds(RawTaxonomy raw, JsonProperty kindsProperty)
        {
            var kinds = _values.Object(kindsProperty.Value, "kinds", RootContext);
            if (kinds == null)
            {
                return;
            }

            if (kinds.Properties.Count == 0)
            {
                _diagnostics.Report(DiagnosticIds.NoKinds, _values.SpanOf(kinds));
            }

            foreach (var property in kinds.Properties)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var kind = new RawKind(property.Name, _values.NameSpanOf(property));
                raw.Kinds.Add(kind);
                if (_values.Object(property.Value, JsonReader.Shorten(property.Name), "'kinds'") is { } obj)
                {
                    ParseKind(kind, obj);
                }
                else
                {
                    kind.IsMalformed = true;
                }
            }
        }

        private void ParseKind(RawKind kind, JsonObject obj)
        {
            string context = "kind '" + JsonReader.Shorten(kind.Reason) + "'";
            _values.CheckKnownProperties(obj, context, KindProperties);
            _values.CheckRequired(obj, context, kind.ReasonSpan, "number", "description");
            foreach (var property in obj.Properties)
            {
                var value = property.Value;
                string name = property.Name;
                kind.PropertyNames[name] = _values.NameSpanOf(property);
                switch (name)
                {
                    case "number":
                        kind.Number = _values.Int(value, name, context);
                        break;
                    case "description":
                        kind.Description = _values.String(value, name, context, nonEmpty: true);
                        break;
                    case "parents":
                        int before = _diagnostics.Count;
                        AddAll(kind.Parents, _values.StringArray(value, name, context));
                        if (value is JsonArray parentArray)
                        {
                            _values.RequireNonEmpty(value, parentArray.Items.Count, name, context);
                        }

                        kind.ParentsInvalid = _diagnostics.Count > before;
                        break;
                    case "code":
                        kind.Code = _values.String(value, name, context);
                        break;
                    case "retry":
                        kind.Retry = _values.String(value, name, context);
                        break;
                    case "message":
                        kind.Message = _values.String(value, name, context, nonEmpty: true);
                        kind.MessageLiteral = value as JsonString;
                        break;
                    case "http":
                        kind.Http = _values.Int(value, name, context);
                        break;
                    case "fields":
                        int fieldsBefore = _diagnostics.Count;
                        ParseFields(kind, value, context);
                        kind.FieldsInvalid = _diagnostics.Count > fieldsBefore;
                        break;
                    case "aliases":
                        ParseAliases(kind, value, context);
                        break;
                    case "fallback_for":
                        AddAll(kind.FallbackFor, _values.StringArray(value, name, context));
                        if (value is JsonArray fallbackArray)
                        {
                            _values.RequireNonEmpty(value, fallbackArray.Items.Count, name, context);
                        }

                        break;
                    case "match":
                        ParseMatch(kind, value, context);
                        break;
                    case "deprecated":
                        kind.Deprecated = _values.String(value, name, context, nonEmpty: true);
                        break;
                    case "abstract":
                        kind.IsAbstract = _values.Bool(value, name, context) ?? false;
                        break;
                }
            }
        }

        private void ParseFields(RawKind kind, JsonNode value, string kindContext)
        {
            var fields = _values.Object(value, "fields", kindContext);
            if (fields == null)
            {
                return;
            }

            foreach (var property in fields.Properties)
            {
                var field = new RawField(property.Name, _values.NameSpanOf(property));
                string context = "field '" + JsonReader.Shorten(property.Name) + "' of " + kindContext;
                var obj = _values.Object(property.Value, JsonReader.Shorten(property.Name), "'fields' of " + kindContext);
                if (obj == null)
                {
                    continue;
                }

                kind.Fields.Add(field);
                _values.CheckKnownProperties(obj, context, FieldProperties);
                _values.CheckRequired(obj, context, field.NameSpan, "type");
                foreach (var p in obj.Properties)
                {
                    switch (p.Name)
                    {
                        case "type":
                            field.Type = _values.String(p.Value, p.Name, context);
                            break;
                        case "description":
                            field.Description = _values.String(p.Value, p.Name, context)?.Value ?? string.Empty;
                            break;
                        case "optional":
                            field.Optional = _values.Bool(p.Value, p.Name, context) ?? false;
                            break;
                        case "sensitive":
                            field.Sensitive = _values.Bool(p.Value, p.Name, context) ?? false;
                            break;
                    }
                }
            }
        }

        private void ParseAliases(RawKind kind, JsonNode value, string kindContext)
        {
            var array = _values.Array(value, "aliases", kindContext);
            if (array == null)
            {
                return;
            }

            _values.RequireNonEmpty(value, array.Items.Count, "aliases", kindContext);

            string context = "an alias of " + kindContext;
            for (int i = 0; i < array.Items.Count; i++)
            {
                var obj = _values.Object(array.Items[i], JsonValues.ItemName("aliases", i), kindContext);
                if (obj == null)
                {
                    continue;
                }

                var alias = new RawAlias(_values.OpeningOf(obj));
                kind.Aliases.Add(alias);
                _values.CheckKnownProperties(obj, context, AliasProperties);
                _values.CheckRequired(obj, context, alias.Span, "reason", "code");
                if (obj.Find("reason") is { } reason)
                {
                    alias.Reason = _values.String(reason.Value, "reason", context);
                }

                if (obj.Find("code") is { } code)
                {
                    alias.Code = _values.String(code.Value, "code", context);
                }
            }
        }

        private void ParseMatch(RawKind kind, JsonNode value, string kindContext)
        {
            var obj = _values.Object(value, "match", kindContext);
            if (obj == null)
            {
                return;
            }

            string context = "'match' of " + kindContext;
            _values.RequireNonEmpty(value, obj.Properties.Count, "match", kindContext);
            _values.CheckKnownProperties(obj, context, MatchProperties);
            if (obj.Find("http_status") is { } statuses && _values.Array(statuses.Value, "http_status", context) is { } array)
            {
                _values.RequireNonEmpty(statuses.Value, array.Items.Count, "http_status", context);
                for (int i = 0; i < array.Items.Count; i++)
                {
                    var item = array.Items[i];
                    string name = JsonValues.ItemName("http_status", i);
                    if (item is JsonString s)
                    {
                        kind.MatchHttpStatus.Add(new RawHttpMatch(s.Value, null, _values.SpanOf(item)));
                    }
                    else if (item is JsonNumber)
                    {
                        if (_values.Int(item, name, context) is { } number)
                        {
                            kind.MatchHttpStatus.Add(new RawHttpMatch(number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), number.Value, number.Span));
                        }
                    }
                    else
                    {
                        _values.WrongType(item, name, context, "a number or a status class string such as \"5xx\"");
                    }
                }
            }

            if (obj.Find("transport") is { } transport)
            {
                AddAll(kind.MatchTransport, _values.StringArray(transport.Value, "transport", context));
                if (transport.Value is JsonArray transportArray)
                {
                    _values.RequireNonEmpty(transport.Value, transportArray.Items.Count, "transport", context);
                }

            }
        }

        private static void AddAll<T>(List<T> target, List<T>? items)
        {
            if (items != null)
            {
                target.AddRange(items);
            }
        }
    }
}
