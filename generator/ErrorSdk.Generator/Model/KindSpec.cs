namespace ErrorSdk.Generator.Model
{
    /// <summary>
    /// One kind with every inherited property already resolved (code, retry, http, message, fields), so the
    /// emitter never walks the inheritance graph itself. Kinds are ordered by <see cref="Number"/>.
    /// </summary>
    internal sealed record KindSpec(
        string Reason,
        int Number,
        string Description,
        string CodeName,
        int CodeValue,
        int HttpStatus,
        RetryKind Retry,
        MessageTemplateSpec Message,
        EquatableArray<string> Parents,
        EquatableArray<string> Ancestors,
        EquatableArray<FieldSpec> OwnFields,
        EquatableArray<FieldSpec> AllFields,
        EquatableArray<AliasSpec> Aliases,
        EquatableArray<string> FallbackFor,
        EquatableArray<string> MatchHttpStatus,
        EquatableArray<string> MatchTransport,
        string? Deprecated,
        bool IsAbstract,
        string PascalName)
    {
        /// <summary><c>ToolRateLimit</c> → <c>ToolRateLimitException</c>.</summary>
        public string ClassName => PascalName + "Exception";

        /// <summary><c>ToolRateLimit</c> → <c>IToolRateLimit</c>.</summary>
        public string InterfaceName => "I" + PascalName;

        /// <summary>The first parent is the class base; null for a root (derives from TaxonomyException).</summary>
        public string? BaseReason => Parents.Count > 0 ? Parents[0] : null;
    }

    /// <summary>The retry policies of the format.</summary>
    internal enum RetryKind
    {
        Never = 0,
        Transient = 1,
        Throttled = 2,
        Reauthenticate = 3,
    }

    /// <summary>The field types of the format; values match ErrorSdk.FieldType.</summary>
    internal enum FieldKind
    {
        String = 0,
        Int = 1,
        Bool = 2,
        Duration = 3,
        Uri = 4,
    }

    /// <summary>A typed field. <see cref="DeclaringReason"/> is the kind that declared it.</summary>
    internal sealed record FieldSpec(
        string Name,
        string PropertyName,
        FieldKind Type,
        bool Optional,
        bool Sensitive,
        string Description,
        string DeclaringReason);

    /// <summary>A message template split into literal text and field placeholders.</summary>
    internal sealed record MessageTemplateSpec(string Text, EquatableArray<TemplatePart> Parts);

    /// <summary>One piece of a template: literal text (braces already unescaped) or a field name.</summary>
    internal sealed record TemplatePart(bool IsField, string Value);

    /// <summary>A (reason, code) pair that also promotes to the declaring kind.</summary>
    internal sealed record AliasSpec(string Reason, string CodeName, int CodeValue);
}
