using System.ComponentModel;

namespace ErrorSdk
{
    /// <summary>Describes one typed field of an error kind.</summary>
    public sealed class FieldInfo
    {
        /// <summary>Creates a field description. Generated code calls this; users rarely need to.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public FieldInfo(string name, FieldType type, bool isOptional, bool isSensitive, string description)
        {
            Name = name;
            Type = type;
            IsOptional = isOptional;
            IsSensitive = isSensitive;
            Description = description;
        }

        /// <summary>The lowerCamelCase name; also the ErrorInfo metadata key.</summary>
        public string Name { get; }

        /// <summary>The field's type.</summary>
        public FieldType Type { get; }

        /// <summary>Whether the field may be absent.</summary>
        public bool IsOptional { get; }

        /// <summary>A sensitive field never reaches the message or the wire.</summary>
        public bool IsSensitive { get; }

        /// <summary>The taxonomy's description of the field.</summary>
        public string Description { get; }

        /// <inheritdoc />
        public override string ToString() => Name + ": " + Type + (IsOptional ? "?" : string.Empty);
    }
}
