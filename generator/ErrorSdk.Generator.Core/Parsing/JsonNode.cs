using System.Collections.Generic;

namespace ErrorSdk.Generator.Parsing
{
    /// <summary>The JSON value kinds of RFC 8259.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A JSON value with its character span in the taxonomy text (Start, Length; see SourceLocator).</summary>
    internal abstract class JsonNode
    {
        protected JsonNode(JsonKind kind, int start, int length)
        {
            Kind = kind;
            Start = start;
            Length = length;
        }

        public JsonKind Kind { get; }

        public int Start { get; }

        public int Length { get; internal set; }

        /// <summary>How a diagnostic names this value's type ("a string", "null"...).</summary>
        public string Describe() => Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.True => "true",
            JsonKind.False => "false",
            _ => "null",
        };
    }

    /// <summary>An object; properties keep file order, and a duplicate key keeps its first occurrence.</summary>
    internal sealed class JsonObject : JsonNode
    {
        private readonly Dictionary<string, JsonProperty> _byName = new Dictionary<string, JsonProperty>(System.StringComparer.Ordinal);

        public JsonObject(int start)
            : base(JsonKind.Object, start, 1)
        {
        }

        public List<JsonProperty> Properties { get; } = new List<JsonProperty>();

        public JsonProperty? Find(string name) => _byName.TryGetValue(name, out var property) ? property : null;

        /// <summary>Adds the property; returns the earlier one with the same name (then this one is dropped).</summary>
        internal JsonProperty? Add(JsonProperty property)
        {
            if (_byName.TryGetValue(property.Name, out var existing))
            {
                return existing;
            }

            _byName.Add(property.Name, property);
            Properties.Add(property);
            return null;
        }
    }

    /// <summary>A name/value pair; the name's span covers its quotes.</summary>
    internal sealed class JsonProperty
    {
        public JsonProperty(string name, int nameStart, int nameLength, JsonNode value)
        {
            Name = name;
            NameStart = nameStart;
            NameLength = nameLength;
            Value = value;
        }

        public string Name { get; }

        public int NameStart { get; }

        public int NameLength { get; }

        public JsonNode Value { get; }
    }

    internal sealed class JsonArray : JsonNode
    {
        public JsonArray(int start)
            : base(JsonKind.Array, start, 1)
        {
        }

        public List<JsonNode> Items { get; } = new List<JsonNode>();
    }

    /// <summary>A string; the span covers the quotes. <see cref="HasEscapes"/> tells SourceLocator to map through escapes.</summary>
    internal sealed class JsonString : JsonNode
    {
        public JsonString(string value, bool hasEscapes, int start, int length)
            : base(JsonKind.String, start, length)
        {
            Value = value;
            HasEscapes = hasEscapes;
        }

        public string Value { get; }

        public bool HasEscapes { get; }
    }

    /// <summary>A number as written; <see cref="Int32Value"/> is set only for an integer literal that fits in 32 bits.</summary>
    internal sealed class JsonNumber : JsonNode
    {
        public JsonNumber(string text, bool isIntegerLiteral, int? int32Value, int start, int length)
            : base(JsonKind.Number, start, length)
        {
            Text = text;
            IsIntegerLiteral = isIntegerLiteral;
            Int32Value = int32Value;
        }

        public string Text { get; }

        /// <summary>No fraction and no exponent: 3 is, 3.0 and 3e0 are not.</summary>
        public bool IsIntegerLiteral { get; }

        public int? Int32Value { get; }
    }

    /// <summary>true, false or null.</summary>
    internal sealed class JsonLiteral : JsonNode
    {
        public JsonLiteral(JsonKind kind, int start, int length)
            : base(kind, start, length)
        {
        }
    }
}
