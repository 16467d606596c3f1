using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;

namespace ErrorSdk.Properties.Tests.Generation
{
    /// <summary>
    /// How a taxonomy is written out; none of it changes the taxonomy's meaning (invariant 7): the order of the keys
    /// of every object (kinds included), indentation, <c>\uXXXX</c> escapes of non-ASCII text, and whether defaults
    /// (<c>"optional": false</c>, <c>"abstract": false</c>) and <c>$schema</c> are spelled out.
    /// </summary>
    internal sealed record JsonLayout(int ShuffleSeed, string? Indent, bool EscapeNonAscii, bool ExplicitDefaults, bool SchemaReference)
    {
        /// <summary>Keys in declaration order, two-space indentation, no optional extras.</summary>
        public static readonly JsonLayout Plain = new JsonLayout(0, "  ", false, false, false);

        /// <summary>Any layout; <paramref name="indented"/> forces one key per line (so every kind has its own line).</summary>
        public static Gen<JsonLayout> Random(bool indented = false) =>
            from seed in Gen.Int[1, int.MaxValue]
            from indent in indented ? Gen.OneOf<string?>("  ", "    ", "\t") : Gen.OneOf<string?>(null, "  ", "    ", "\t")
            from escape in Gens.Chance(30)
            from defaults in Gens.Chance(30)
            from schema in Gens.Chance(50)
            select new JsonLayout(seed, indent, escape, defaults, schema);
    }

    /// <summary>A written taxonomy: the text and the one-based line of each kind's key (where its diagnostics belong).</summary>
    internal sealed record TaxonomyText(string Json, IReadOnlyDictionary<string, int> KindLines);

    /// <summary>Writes a <see cref="TaxonomyModel"/> as taxonomy.json text.</summary>
    internal static class TaxonomyJson
    {
        public static TaxonomyText Write(TaxonomyModel model, JsonLayout layout)
        {
            var root = ToTree(model, layout);
            var writer = new Writer(layout);
            writer.Write(root, 0, path: string.Empty);
            return new TaxonomyText(writer.Text.ToString(), writer.KindLines);
        }

        private static Obj ToTree(TaxonomyModel model, JsonLayout layout)
        {
            var root = new Obj();
            if (layout.SchemaReference)
            {
                root.Add("$schema", new Str("../taxonomy.schema.json"));
            }

            root.Add("name", new Str(model.Name));
            root.Add("namespace", new Str(model.Namespace));
            root.Add("domain", new Str(model.Domain));
            root.Add("version", new Str(model.Version));
            root.Add("proto_package", new Str(model.ProtoPackage));
            if (model.ReservedNumbers.Count > 0 || model.ReservedReasons.Count > 0)
            {
                var reserved = new Obj();
                if (model.ReservedNumbers.Count > 0)
                {
                    reserved.Add("numbers", new Arr(model.ReservedNumbers.Select(n => (Node)new Num(n))));
                }

                if (model.ReservedReasons.Count > 0)
                {
                    reserved.Add("reasons", new Arr(model.ReservedReasons.Select(r => (Node)new Str(r))));
                }

                root.Add("reserved", reserved);
            }

            var kinds = new Obj();
            foreach (var kind in model.Kinds)
            {
                kinds.Add(kind.Reason, ToTree(kind, layout));
            }

            root.Add("kinds", kinds);
            return root;
        }

        private static Obj ToTree(KindModel kind, JsonLayout layout)
        {
            var obj = new Obj();
            obj.Add("number", new Num(kind.Number));
            obj.Add("description", new Str(kind.Description));
            if (kind.Parents.Count > 0)
            {
                obj.Add("parents", new Arr(kind.Parents.Select(p => (Node)new Str(p))));
            }

            if (kind.Code is not null)
            {
                obj.Add("code", new Str(kind.Code));
            }

            if (kind.Retry is { } retry)
            {
                obj.Add("retry", new Str(GrpcCodes.RetryName(retry)));
            }

            if (kind.Message is not null)
            {
                obj.Add("message", new Str(kind.Message));
            }

            if (kind.Http is { } http)
            {
                obj.Add("http", new Num(http));
            }

            if (kind.Fields.Count > 0)
            {
                var fields = new Obj();
                foreach (var field in kind.Fields)
                {
                    var f = new Obj();
                    f.Add("type", new Str(GrpcCodes.FieldTypeName(field.Type)));
                    if (field.Description is not null)
                    {
                        f.Add("description", new Str(field.Description));
                    }

                    if (field.Optional || layout.ExplicitDefaults)
                    {
                        f.Add("optional", new Bool(field.Optional));
                    }

                    if (field.Sensitive || layout.ExplicitDefaults)
                    {
                        f.Add("sensitive", new Bool(field.Sensitive));
                    }

                    fields.Add(field.Name, f);
                }

                obj.Add("fields", fields);
            }

            if (kind.Aliases.Count > 0)
            {
                obj.Add("aliases", new Arr(kind.Aliases.Select(a =>
                {
                    var alias = new Obj();
                    alias.Add("reason", new Str(a.Reason));
                    alias.Add("code", new Str(a.Code));
                    return (Node)alias;
                })));
            }

            if (kind.FallbackFor.Count > 0)
            {
                obj.Add("fallback_for", new Arr(kind.FallbackFor.Select(c => (Node)new Str(c))));
            }

            if (kind.MatchTransport.Count > 0 || kind.MatchHttpStatus.Count > 0)
            {
                var match = new Obj();
                if (kind.MatchHttpStatus.Count > 0)
                {
                    match.Add("http_status", new Arr(kind.MatchHttpStatus.Select(h =>
                        int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (Node)new Num(n) : new Str(h))));
                }

                if (kind.MatchTransport.Count > 0)
                {
                    match.Add("transport", new Arr(kind.MatchTransport.Select(t => (Node)new Str(t))));
                }

                obj.Add("match", match);
            }

            if (kind.Deprecated is not null)
            {
                obj.Add("deprecated", new Str(kind.Deprecated));
            }

            if (kind.IsAbstract || layout.ExplicitDefaults)
            {
                obj.Add("abstract", new Bool(kind.IsAbstract));
            }

            return obj;
        }

        private abstract class Node
        {
        }

        private sealed class Obj : Node
        {
            public List<KeyValuePair<string, Node>> Members { get; } = new();

            public void Add(string key, Node value) => Members.Add(new KeyValuePair<string, Node>(key, value));
        }

        private sealed class Arr : Node
        {
            public Arr(IEnumerable<Node> items) => Items = items.ToList();

            public List<Node> Items { get; }
        }

        private sealed class Str : Node
        {
            public Str(string value) => Value = value;

            public string Value { get; }
        }

        private sealed class Num : Node
        {
            public Num(long value) => Value = value;

            public long Value { get; }
        }

        private sealed class Bool : Node
        {
            public Bool(bool value) => Value = value;

            public bool Value { get; }
        }

        private sealed class Writer
        {
            private readonly JsonLayout _layout;
            private readonly Random _random;
            private int _line = 1;

            public Writer(JsonLayout layout)
            {
                _layout = layout;
                _random = new Random(layout.ShuffleSeed);
            }

            public StringBuilder Text { get; } = new StringBuilder();

            public Dictionary<string, int> KindLines { get; } = new(StringComparer.Ordinal);

            public void Write(Node node, int depth, string path)
            {
                switch (node)
                {
                    case Obj obj:
                        var members = _layout.ShuffleSeed == 0 ? obj.Members : obj.Members.OrderBy(_ => _random.Next()).ToList();
                        Text.Append('{');
                        for (int i = 0; i < members.Count; i++)
                        {
                            if (i > 0)
                            {
                                Text.Append(',');
                            }

                            NewLine(depth + 1);
                            if (path == "/kinds")
                            {
                                KindLines[members[i].Key] = _line;
                            }

                            WriteString(members[i].Key);
                            Text.Append(_layout.Indent is null ? ":" : ": ");
                            Write(members[i].Value, depth + 1, path + "/" + members[i].Key);
                        }

                        if (members.Count > 0)
                        {
                            NewLine(depth);
                        }

                        Text.Append('}');
                        break;
                    case Arr arr:
                        // Arrays keep their order: the order of parents (the first is the class base) is meaningful.
                        Text.Append('[');
                        for (int i = 0; i < arr.Items.Count; i++)
                        {
                            Text.Append(i > 0 ? (_layout.Indent is null ? "," : ", ") : string.Empty);
                            Write(arr.Items[i], depth + 1, path);
                        }

                        Text.Append(']');
                        break;
                    case Str s:
                        WriteString(s.Value);
                        break;
                    case Num n:
                        Text.Append(n.Value.ToString(CultureInfo.InvariantCulture));
                        break;
                    case Bool b:
                        Text.Append(b.Value ? "true" : "false");
                        break;
                }
            }

            private void NewLine(int depth)
            {
                if (_layout.Indent is null)
                {
                    return;
                }

                Text.Append('\n');
                _line++;
                for (int i = 0; i < depth; i++)
                {
                    Text.Append(_layout.Indent);
                }
            }

            private void WriteString(string value)
            {
                Text.Append('"');
                foreach (char c in value)
                {
                    switch (c)
                    {
                        case '"':
                            Text.Append("\\\"");
                            break;
                        case '\\':
                            Text.Append("\\\\");
                            break;
                        case '\n':
                            Text.Append("\\n");
                            break;
                        case '\r':
                            Text.Append("\\r");
                            break;
                        case '\t':
                            Text.Append("\\t");
                            break;
                        case '/' when _layout.EscapeNonAscii:
                            Text.Append("\\/");
                            break;
                        default:
                            if (c < 0x20 || (c > 0x7E && _layout.EscapeNonAscii))
                            {
                                Text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                            }
                            else
                            {
                                Text.Append(c);
                            }

                            break;
                    }
                }

                Text.Append('"');
            }
        }
    }
}
