using ErrorSdk.Generator.Conventions;
namespace ErrorSdk.Generator.Model
{
    /// <summary>
    /// One kind with every inherited property already resolved (code, retry, http, message, fields) and every fact the
    /// emitted code depends on decided (sealed-ness, constructor parameter order, the fields the template inserts), so
    /// the emitter only prints. Kinds are ordered by <see cref="Number"/>.
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
        string PascalName,
        bool IsSealed,
        EquatableArray<FieldSpec> ConstructorFields,
        EquatableArray<FieldSpec> PlaceholderFields)
    {
        // IsSealed: no other kind derives from this one (as first parent), and it is not abstract.
        // ConstructorFields: AllFields as the public constructor takes them, required ones first (ancestors' first).
        // PlaceholderFields: the fields the message template inserts, each once, in AllFields order.

        /// <summary>Whether the class writes metadata of its own: only own non-sensitive fields add to the inherited set.</summary>
        public bool HasOwnMetadata
        {
            get
            {
                foreach (var own in OwnFields)
                {
                    if (!own.Sensitive)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary><c>ToolRateLimit</c> → <c>ToolRateLimitException</c>.</summary>
        public string ClassName => GeneratedNames.ExceptionClass(PascalName);

        /// <summary><c>ToolRateLimit</c> → <c>IToolRateLimit</c>.</summary>
        public string InterfaceName => GeneratedNames.Interface(PascalName);

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
    internal sealed record MessageTemplateSpec(string Text, EquatableArray<TemplatePart> Parts)
    {
        /// <summary>Whether the template inserts any field (else the message is its literal text).</summary>
        public bool HasPlaceholders
        {
            get
            {
                foreach (var part in Parts)
                {
                    if (part.IsField)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>One piece of a template: literal text (braces already unescaped) or a field name.</summary>
    internal sealed record TemplatePart(bool IsField, string Value);

    /// <summary>A (reason, code) pair that also promotes to the declaring kind.</summary>
    internal sealed record AliasSpec(string Reason, string CodeName, int CodeValue);
}
