using System;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>The C# a field turns into: its types, how it is read from metadata and how it is formatted.</summary>
    internal static class FieldCode
    {
        private const string Codec = RuntimeTypes.FieldCodec + ".";

        /// <summary>The property type. A uri is always nullable: a promoted error may lack it.</summary>
        public static string PropertyType(FieldSpec field)
        {
            if (field.Type == FieldKind.Uri)
            {
                return "global::System.Uri?";
            }

            return BaseType(field.Type) + (field.Optional ? "?" : string.Empty);
        }

        /// <summary>The type of the field's parameter in the public constructor (a required uri is not nullable there).</summary>
        public static string ParameterType(FieldSpec field) =>
            BaseType(field.Type) + (field.Optional ? "?" : string.Empty);

        /// <summary>The <c>ErrorSdk.FieldType</c> member of the field.</summary>
        public static string FieldTypeMember(FieldKind kind) => RuntimeTypes.FieldType + "." + kind switch
        {
            FieldKind.String => "String",
            FieldKind.Int => "Int",
            FieldKind.Bool => "Bool",
            FieldKind.Duration => "Duration",
            FieldKind.Uri => "Uri",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown field type."),
        };

        /// <summary>Whether a null argument must be rejected by the public constructor.</summary>
        public static bool IsNullCheckedReference(FieldSpec field) =>
            !field.Optional && (field.Type == FieldKind.String || field.Type == FieldKind.Uri);

        /// <summary>
        /// Reads the field from the metadata dictionary <paramref name="source"/>, never throwing: a missing or
        /// unparsable required value becomes "" / 0 / false / TimeSpan.Zero, a uri or optional value null.
        /// </summary>
        public static string Read(FieldSpec field, string source)
        {
            var call = Codec + ReadMethod(field.Type) + "(" + source + ", " + CSharpText.Literal(field.Name) + ")";
            return field.Optional ? call : call + MissingFallback(field.Type);
        }

        /// <summary>The value of a field that cannot be read (sensitive fields on promotion): empty or null.</summary>
        public static string Missing(FieldSpec field)
        {
            if (field.Optional || field.Type == FieldKind.Uri)
            {
                return "null";
            }

            return MissingFallback(field.Type).Substring(" ?? ".Length);
        }

        /// <summary>
        /// A non-null string expression of the field's metadata/message form, for a value typed as the property
        /// (<paramref name="value"/> must be a simple name: it may be evaluated twice).
        /// </summary>
        public static string Format(FieldSpec field, string value)
        {
            bool nullable = field.Optional || field.Type == FieldKind.Uri;
            switch (field.Type)
            {
                case FieldKind.String:
                    return nullable ? "(" + value + " ?? string.Empty)" : value;
                case FieldKind.Uri:
                    return "(" + value + " is null ? string.Empty : " + Codec + "FormatUri(" + value + "))";
                default:
                    var method = Codec + FormatMethod(field.Type);
                    return nullable
                        ? "(" + value + ".HasValue ? " + method + "(" + value + ".GetValueOrDefault()) : string.Empty)"
                        : method + "(" + value + ")";
            }
        }

        /// <summary>
        /// The statement that writes the field into <paramref name="dictionary"/> when it has a value.
        /// </summary>
        public static string WriteMetadata(FieldSpec field, string dictionary, string value)
        {
            var key = dictionary + "[" + CSharpText.Literal(field.Name) + "]";
            bool nullable = field.Optional || field.Type == FieldKind.Uri;
            switch (field.Type)
            {
                case FieldKind.String:
                    return nullable
                        ? "if (" + value + " != null) " + key + " = " + value + ";"
                        : key + " = " + value + ";";
                case FieldKind.Uri:
                    return "if (" + value + " != null) " + key + " = " + Codec + "FormatUri(" + value + ");";
                default:
                    var method = Codec + FormatMethod(field.Type);
                    return nullable
                        ? "if (" + value + ".HasValue) " + key + " = " + method + "(" + value + ".GetValueOrDefault());"
                        : key + " = " + method + "(" + value + ");";
            }
        }

        private static string BaseType(FieldKind kind) => kind switch
        {
            FieldKind.String => "string",
            FieldKind.Int => "int",
            FieldKind.Bool => "bool",
            FieldKind.Duration => "global::System.TimeSpan",
            FieldKind.Uri => "global::System.Uri",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown field type."),
        };

        private static string ReadMethod(FieldKind kind) => kind switch
        {
            FieldKind.String => "ReadString",
            FieldKind.Int => "ReadInt32",
            FieldKind.Bool => "ReadBool",
            FieldKind.Duration => "ReadDuration",
            FieldKind.Uri => "ReadUri",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown field type."),
        };

        private static string FormatMethod(FieldKind kind) => kind switch
        {
            FieldKind.Int => "FormatInt32",
            FieldKind.Bool => "FormatBool",
            FieldKind.Duration => "FormatDuration",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No format method."),
        };

        private static string MissingFallback(FieldKind kind) => kind switch
        {
            FieldKind.String => " ?? string.Empty",
            FieldKind.Int => " ?? 0",
            FieldKind.Bool => " ?? false",
            FieldKind.Duration => " ?? global::System.TimeSpan.Zero",
            FieldKind.Uri => string.Empty,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown field type."),
        };
    }
}
