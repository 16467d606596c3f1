using System.Collections.Generic;

namespace ErrorSdk.Cli.Emitting.Sdk
{
    // The model the Python and Go templates read. Scriban exposes members in snake_case (TaxonomyModel.ClassName is
    // `class_name` in a template); docs/templates.md lists every variable. Every decision (names, order, escaping
    // rules) is made by SdkModelBuilder: the templates only print.

    /// <summary>The whole taxonomy, as the templates see it (the template variable <c>taxonomy</c>).</summary>
    internal sealed class TaxonomyModel
    {
        /// <summary>The taxonomy's <c>name</c> (PascalCase).</summary>
        public string Name { get; init; } = "";

        /// <summary>The <c>domain</c> of every ErrorInfo.</summary>
        public string Domain { get; init; } = "";

        /// <summary>The taxonomy's semver <c>version</c>.</summary>
        public string Version { get; init; } = "";

        /// <summary>The <c>proto_package</c>.</summary>
        public string ProtoPackage { get; init; } = "";

        /// <summary>The taxonomy file's name (no directory), for the generated header.</summary>
        public string Source { get; init; } = "";

        /// <summary>The Python package or Go package name the output uses (from the taxonomy or <c>--package</c>).</summary>
        public string Package { get; init; } = "";

        /// <summary>Every kind, parents before children (then by number), abstract ones included.</summary>
        public IReadOnlyList<KindModel> Kinds { get; init; } = new List<KindModel>();

        /// <summary>The non-abstract kinds, by number: what can be raised and what promotion can produce.</summary>
        public IReadOnlyList<KindModel> ConcreteKinds { get; init; } = new List<KindModel>();

        /// <summary>Every alias of every kind, by (reason, code).</summary>
        public IReadOnlyList<AliasModel> Aliases { get; init; } = new List<AliasModel>();

        /// <summary>The gRPC codes some kind is <c>fallback_for</c>, by code value.</summary>
        public IReadOnlyList<FallbackModel> Fallbacks { get; init; } = new List<FallbackModel>();
    }

    /// <summary>One kind (the loop variable <c>kind</c> over <c>taxonomy.kinds</c>).</summary>
    internal sealed class KindModel
    {
        /// <summary>The wire reason: <c>TOOL_RATE_LIMIT</c>.</summary>
        public string Reason { get; init; } = "";

        /// <summary>The proto enum number.</summary>
        public int Number { get; init; }

        /// <summary>The kind's description.</summary>
        public string Description { get; init; } = "";

        /// <summary><c>ToolRateLimit</c>.</summary>
        public string PascalName { get; init; } = "";

        /// <summary>The class (Python) or struct type (Go): <c>ToolRateLimitError</c>; <c>TOOL_ERROR</c> gives <c>ToolError</c>.</summary>
        public string ClassName { get; init; } = "";

        /// <summary>Go: the sentinel every error of this kind or a descendant <c>Is</c>: <c>ErrToolRateLimit</c>.</summary>
        public string SentinelName { get; init; } = "";

        /// <summary>Go: the Reason constant, <c>ReasonToolRateLimit</c>.</summary>
        public string ConstantName { get; init; } = "";

        /// <summary>Go: the constructor, <c>NewToolRateLimitError</c>.</summary>
        public string ConstructorName { get; init; } = "";

        /// <summary>The gRPC code name: <c>RESOURCE_EXHAUSTED</c>.</summary>
        public string CodeName { get; init; } = "";

        /// <summary>The gRPC code in the language's spelling: Python <c>RESOURCE_EXHAUSTED</c>, Go <c>ResourceExhausted</c>.</summary>
        public string CodeIdentifier { get; init; } = "";

        /// <summary>The gRPC code number.</summary>
        public int CodeValue { get; init; }

        /// <summary>The HTTP status.</summary>
        public int HttpStatus { get; init; }

        /// <summary>The retry policy as the taxonomy spells it: never, transient, throttled, reauthenticate.</summary>
        public string Retry { get; init; } = "";

        /// <summary>The retry policy in the language's spelling: Python <c>THROTTLED</c>, Go <c>RetryThrottled</c>.</summary>
        public string RetryIdentifier { get; init; } = "";

        /// <summary>True for a category that is never raised itself.</summary>
        public bool IsAbstract { get; init; }

        /// <summary>The deprecation text, or null.</summary>
        public string? Deprecated { get; init; }

        /// <summary>The parents' reasons as written (the first is the class base).</summary>
        public IReadOnlyList<string> Parents { get; init; } = new List<string>();

        /// <summary>The Python base classes: the parents' classes without those another parent already derives from; the root class for a root.</summary>
        public IReadOnlyList<string> BaseClasses { get; init; } = new List<string>();

        /// <summary>Every ancestor by any path (reasons), nearest first.</summary>
        public IReadOnlyList<KindModel> Ancestors { get; init; } = new List<KindModel>();

        /// <summary>The kind and every ancestor: what <c>errors.Is</c> / <c>isinstance</c> answers true for.</summary>
        public IReadOnlyList<KindModel> SelfAndAncestors { get; init; } = new List<KindModel>();

        /// <summary>The fields the kind declares itself.</summary>
        public IReadOnlyList<FieldModel> OwnFields { get; init; } = new List<FieldModel>();

        /// <summary>Every field, inherited (first-parent chain) first: the constructor's parameters.</summary>
        public IReadOnlyList<FieldModel> Fields { get; init; } = new List<FieldModel>();

        /// <summary>The required fields, then the optional ones (Go constructor and Python keyword order).</summary>
        public IReadOnlyList<FieldModel> RequiredFields { get; init; } = new List<FieldModel>();

        /// <summary>The optional fields.</summary>
        public IReadOnlyList<FieldModel> OptionalFields { get; init; } = new List<FieldModel>();

        /// <summary>The message template as written (<c>{{</c> and <c>}}</c> still escaped).</summary>
        public string MessageTemplate { get; init; } = "";

        /// <summary>The template in pieces: literal text and field placeholders.</summary>
        public IReadOnlyList<MessagePartModel> MessageParts { get; init; } = new List<MessagePartModel>();

        /// <summary>Whether the message inserts any field.</summary>
        public bool HasPlaceholders { get; init; }
    }

    /// <summary>One typed field (the loop variable <c>field</c>).</summary>
    internal sealed class FieldModel
    {
        /// <summary>The wire name: the ErrorInfo metadata key, <c>statusCode</c>.</summary>
        public string Name { get; init; } = "";

        /// <summary>The attribute (Python <c>status_code</c>) or struct field (Go <c>StatusCode</c>), escaped when it would collide.</summary>
        public string Member { get; init; } = "";

        /// <summary>The constructor parameter: Python keyword <c>status_code</c>, Go parameter <c>statusCode</c>.</summary>
        public string Parameter { get; init; } = "";

        /// <summary>The field type as the taxonomy spells it: string, int, bool, duration, uri.</summary>
        public string Type { get; init; } = "";

        /// <summary>The type in the language: Python <c>int</c> / <c>datetime.timedelta</c>, Go <c>int32</c> / <c>time.Duration</c> (optional ones <c>*T</c>).</summary>
        public string TypeName { get; init; } = "";

        /// <summary>The language type without optionality: Go <c>int32</c> for an optional int too.</summary>
        public string BaseTypeName { get; init; } = "";

        /// <summary>Absent unless set; Python default None, Go a pointer.</summary>
        public bool Optional { get; init; }

        /// <summary>Never in the message, never on the wire.</summary>
        public bool Sensitive { get; init; }

        /// <summary>The field's description.</summary>
        public string Description { get; init; } = "";

        /// <summary>The reason of the kind that declares the field.</summary>
        public string DeclaringReason { get; init; } = "";
    }

    /// <summary>A piece of a message template: literal text (braces unescaped) or a field.</summary>
    internal sealed class MessagePartModel
    {
        /// <summary>True for a placeholder.</summary>
        public bool IsField { get; init; }

        /// <summary>The literal text (empty for a placeholder).</summary>
        public string Text { get; init; } = "";

        /// <summary>The inserted field (null for literal text).</summary>
        public FieldModel? Field { get; init; }
    }

    /// <summary>A (reason, code) pair that promotes to a kind.</summary>
    internal sealed class AliasModel
    {
        /// <summary>The received reason.</summary>
        public string Reason { get; init; } = "";

        /// <summary>The received code number.</summary>
        public int CodeValue { get; init; }

        /// <summary>The received code name.</summary>
        public string CodeName { get; init; } = "";

        /// <summary>The kind it promotes to.</summary>
        public KindModel Kind { get; init; } = new KindModel();
    }

    /// <summary>The kind promotion picks for a code when no reason is known.</summary>
    internal sealed class FallbackModel
    {
        /// <summary>The code number.</summary>
        public int CodeValue { get; init; }

        /// <summary>The code name.</summary>
        public string CodeName { get; init; } = "";

        /// <summary>The fallback kind.</summary>
        public KindModel Kind { get; init; } = new KindModel();
    }
}
