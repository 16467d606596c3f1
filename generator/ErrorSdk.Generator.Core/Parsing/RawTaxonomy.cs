using System.Collections.Generic;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Parsing
{
    // The parser's output: what the file says, with positions, before any resolution. Mutable and short-lived:
    // it never leaves TaxonomyReader, so it need not be equatable.

    /// <summary>A value and where it is written.</summary>
    internal sealed class Located<T>
    {
        public Located(T value, SourceSpan span)
        {
            Value = value;
            Span = span;
        }

        public T Value { get; }

        public SourceSpan Span { get; }
    }

    internal sealed class RawTaxonomy
    {
        public RawTaxonomy(SourceLocator locator, SourceSpan rootSpan)
        {
            Locator = locator;
            RootSpan = rootSpan;
        }

        public SourceLocator Locator { get; }

        /// <summary>The root's opening brace: where "missing property" diagnostics of the root point.</summary>
        public SourceSpan RootSpan { get; }

        public Located<string>? Name { get; set; }

        public Located<string>? Namespace { get; set; }

        public Located<string>? Domain { get; set; }

        public Located<string>? Version { get; set; }

        public Located<string>? ProtoPackage { get; set; }

        public List<Located<int>> ReservedNumbers { get; } = new List<Located<int>>();

        public List<Located<string>> ReservedReasons { get; } = new List<Located<string>>();

        public List<RawKind> Kinds { get; } = new List<RawKind>();
    }

    internal sealed class RawKind
    {
        public RawKind(string reason, SourceSpan reasonSpan)
        {
            Reason = reason;
            ReasonSpan = reasonSpan;
        }

        /// <summary>The kind's key; its span is where kind-level diagnostics point (the kind's line).</summary>
        public string Reason { get; }

        public SourceSpan ReasonSpan { get; }

        /// <summary>The value was not an object or a property had an error: later checks must not pile on.</summary>
        public bool IsMalformed { get; set; }

        /// <summary>Spans of the property names present (valid or not), so presence checks do not cascade.</summary>
        /// <summary>'parents' was not an array of strings (already reported): the kind cannot be resolved.</summary>
        public bool ParentsInvalid { get; set; }

        /// <summary>'fields' or one of its entries had an error (already reported): the field set may be partial.</summary>
        public bool FieldsInvalid { get; set; }

        public Dictionary<string, SourceSpan> PropertyNames { get; } = new Dictionary<string, SourceSpan>(System.StringComparer.Ordinal);

        public Located<int>? Number { get; set; }

        public Located<string>? Description { get; set; }

        public Located<string>? Code { get; set; }

        public Located<string>? Retry { get; set; }

        public Located<string>? Message { get; set; }

        /// <summary>The message's literal, to point inside it at a bad placeholder.</summary>
        public JsonString? MessageLiteral { get; set; }

        public Located<int>? Http { get; set; }

        public List<Located<string>> Parents { get; } = new List<Located<string>>();

        public List<RawField> Fields { get; } = new List<RawField>();

        public List<RawAlias> Aliases { get; } = new List<RawAlias>();

        public List<Located<string>> FallbackFor { get; } = new List<Located<string>>();

        public List<RawHttpMatch> MatchHttpStatus { get; } = new List<RawHttpMatch>();

        public List<Located<string>> MatchTransport { get; } = new List<Located<string>>();

        public Located<string>? Deprecated { get; set; }

        public bool IsAbstract { get; set; }

        public bool Has(string property) => PropertyNames.ContainsKey(property);
    }

    internal sealed class RawField
    {
        public RawField(string name, SourceSpan nameSpan)
        {
            Name = name;
            NameSpan = nameSpan;
        }

        public string Name { get; }

        public SourceSpan NameSpan { get; }

        public Located<string>? Type { get; set; }

        public bool Optional { get; set; }

        public bool Sensitive { get; set; }

        public string Description { get; set; } = string.Empty;
    }

    internal sealed class RawAlias
    {
        public RawAlias(SourceSpan span)
        {
            Span = span;
        }

        /// <summary>The alias object's opening brace.</summary>
        public SourceSpan Span { get; }

        public Located<string>? Reason { get; set; }

        public Located<string>? Code { get; set; }
    }

    /// <summary>An entry of match.http_status: a number (Number set) or a class string such as "5xx".</summary>
    internal sealed class RawHttpMatch
    {
        public RawHttpMatch(string text, int? number, SourceSpan span)
        {
            Text = text;
            Number = number;
            Span = span;
        }

        public string Text { get; }

        public int? Number { get; }

        public SourceSpan Span { get; }
    }
}
