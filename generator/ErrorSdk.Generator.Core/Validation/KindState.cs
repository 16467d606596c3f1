using System.Collections.Generic;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Parsing;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>The validator's working state for one kind: its checked own values, its links and, once resolved, its inherited values.</summary>
    internal sealed class KindState
    {
        public KindState(RawKind raw, int index)
        {
            Raw = raw;
            Index = index;
        }

        public RawKind Raw { get; }

        /// <summary>Declaration order, for deterministic diagnostics.</summary>
        public int Index { get; }

        public string Reason => Raw.Reason;

        public bool ReasonValid { get; set; }

        public string PascalName { get; set; } = string.Empty;

        public string ClassName => PascalName + "Exception";

        public string InterfaceName => "I" + PascalName;

        /// <summary>An own value is invalid (already reported): do not resolve, so nothing piles on.</summary>
        public bool Broken { get; set; }

        /// <summary>A field's type is missing or invalid (already reported): AllFields of this kind and its children is partial.</summary>
        public bool FieldsIncomplete { get; set; }

        public int? OwnCode { get; set; }

        public RetryKind? OwnRetry { get; set; }

        public int? OwnHttp { get; set; }

        public ParsedTemplate? OwnMessage { get; set; }

        /// <summary>Own fields, sorted by name so the key order of the file never matters.</summary>
        public List<FieldSpec> OwnFields { get; } = new List<FieldSpec>();

        public Dictionary<string, SourceSpan> OwnFieldSpans { get; } = new Dictionary<string, SourceSpan>(System.StringComparer.Ordinal);

        /// <summary>Known, distinct parents other than itself, in declared order.</summary>
        public List<KindState> Parents { get; } = new List<KindState>();

        /// <summary>The first declared parent is unknown or the kind itself (already reported).</summary>
        public bool FirstParentInvalid { get; set; }

        /// <summary>Not in or below an inheritance cycle: Ancestors is meaningful.</summary>
        public bool Acyclic { get; set; }

        public bool Resolved { get; set; }

        public int Code { get; set; }

        public RetryKind Retry { get; set; }

        public MessageTemplateSpec? Message { get; set; }

        public int Http { get; set; }

        /// <summary>Every ancestor by any path, breadth-first in declared parent order, each once.</summary>
        public List<KindState> Ancestors { get; } = new List<KindState>();

        public List<FieldSpec> AllFields { get; } = new List<FieldSpec>();

        public List<AliasSpec> Aliases { get; } = new List<AliasSpec>();

        public List<string> FallbackFor { get; } = new List<string>();

        public List<string> MatchHttpStatus { get; } = new List<string>();

        public List<string> MatchTransport { get; } = new List<string>();

        public FieldSpec? FindField(string name) => AllFields.Find(f => f.Name == name);
    }
}
