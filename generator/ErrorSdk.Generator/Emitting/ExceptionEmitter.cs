using System;
using System.Collections.Generic;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>
    /// Emits one exception class per kind: it derives from its first parent's class (roots from TaxonomyException),
    /// implements the kind's interface, and carries the constructors that raise it locally, promote it from a
    /// received status, and chain field values down the class hierarchy.
    /// </summary>
    internal static class ExceptionEmitter
    {
        private const string OptionsType = RuntimeTypes.TaxonomyExceptionOptions;
        private const string InitType = RuntimeTypes.TaxonomyExceptionInit;

        public static string Emit(EmitContext context)
        {
            var spec = context.Spec;
            var writer = new SourceWriter(1024 + (spec.Kinds.Count * 4096));
            context.WriteFileStart(writer);
            for (int i = 0; i < spec.Kinds.Count; i++)
            {
                if (i > 0)
                {
                    writer.WriteLine();
                }

                WriteClass(writer, context, spec.Kinds[i]);
            }

            context.WriteFileEnd(writer);
            return writer.ToString();
        }

        private static void WriteClass(SourceWriter writer, EmitContext context, KindSpec kind)
        {
            var baseKind = context.BaseKind(kind);
            bool isSealed = kind.IsSealed;
            writer.WriteSummary(CSharpText.XmlOr(kind.Description, "The " + kind.Reason + " error."));
            writer.WriteLine(
                "/// <remarks>Reason <c>" + kind.Reason + "</c>; code <c>" + CSharpText.CodeName(kind.CodeValue) + "</c> (HTTP " +
                CSharpText.Number(kind.HttpStatus) + "); retry: " + Vocabulary.NameOf(kind.Retry) +
                (kind.IsAbstract ? "; abstract: a category, never raised or promoted itself" : string.Empty) + ".</remarks>");
            writer.WriteLine(context.GeneratedCodeAttribute);
            EmitContext.WriteObsolete(writer, kind);
            var modifier = kind.IsAbstract ? "abstract " : isSealed ? "sealed " : string.Empty;
            var baseType = baseKind is null ? RuntimeTypes.TaxonomyException : context.ClassType(baseKind);
            writer.OpenBlock("public " + modifier + "partial class " + kind.ClassName + " : " + baseType + ", " + context.InterfaceType(kind));

            bool first = true;
            foreach (var field in kind.OwnFields)
            {
                Separate(writer, ref first);
                WriteProperty(writer, field);
            }

            if (!kind.IsAbstract)
            {
                Separate(writer, ref first);
                WritePublicConstructor(writer, context, kind);
                writer.WriteLine();
                WriteOptionsConstructor(writer, context, kind);
                writer.WriteLine();
                WritePromotedConstructor(writer, context, kind);
            }

            Separate(writer, ref first);
            WriteChainConstructor(writer, kind, baseKind, isSealed);

            if (kind.HasOwnMetadata)
            {
                writer.WriteLine();
                WriteMetadataOverride(writer, kind);
            }

            if (!kind.IsAbstract && kind.Message.HasPlaceholders)
            {
                writer.WriteLine();
                WriteRenderMessage(writer, kind);
            }

            writer.CloseBlock();
        }

        private static void WriteProperty(SourceWriter writer, FieldSpec field)
        {
            var doc = CSharpText.XmlOr(field.Description, "The " + field.Name + " field.");
            if (field.Type == FieldKind.Uri)
            {
                doc += " Sanitized to scheme://host/path; null when a promoted error lacked it.";
            }

            if (field.Sensitive)
            {
                doc += " Sensitive: never in the message or on the wire, so empty on a promoted error.";
            }

            writer.WriteSummary(doc);
            writer.WriteLine("public " + FieldCode.PropertyType(field) + " " + field.PropertyName + " { get; }");
        }

        /// <summary>(a) Fields as named parameters, required ones first, then the options.</summary>
        private static void WritePublicConstructor(SourceWriter writer, EmitContext context, KindSpec kind)
        {
            var taken = FieldNames(kind);
            var retryAfter = CSharpText.UniqueName("retryAfter", taken);
            var developerMessage = CSharpText.UniqueName("developerMessage", taken);
            var innerException = CSharpText.UniqueName("innerException", taken);

            var ordered = kind.ConstructorFields;

            writer.WriteSummary("Raises the <c>" + kind.Reason + "</c> error; its message is rendered from the kind's template.");
            foreach (var field in ordered)
            {
                writer.WriteLine("/// <param name=\"" + field.Name + "\">" + CSharpText.XmlOr(field.Description, "The " + field.Name + " field.") + "</param>");
            }

            writer.WriteLine("/// <param name=\"" + retryAfter + "\">The delay the caller should wait before retrying, when known.</param>");
            writer.WriteLine("/// <param name=\"" + developerMessage + "\">Developer detail: sanitized, local only unless the sender opts in.</param>");
            writer.WriteLine("/// <param name=\"" + innerException + "\">The exception that caused this one.</param>");
            bool hasNullChecks = false;
            foreach (var field in ordered)
            {
                hasNullChecks |= FieldCode.IsNullCheckedReference(field);
            }

            if (hasNullChecks)
            {
                writer.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\">A required string or uri is null.</exception>");
            }

            writer.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"" + retryAfter + "\"/> is negative or longer than a google.protobuf.Duration carries (315,576,000,000 s).</exception>");

            var parameters = new List<string>(ordered.Count + 3);
            foreach (var field in ordered)
            {
                parameters.Add(FieldCode.ParameterType(field) + " " + CSharpText.Identifier(field.Name) + (field.Optional ? " = null" : string.Empty));
            }

            parameters.Add("global::System.TimeSpan? " + retryAfter + " = null");
            parameters.Add("string? " + developerMessage + " = null");
            parameters.Add("global::System.Exception? " + innerException + " = null");
            writer.WriteLine("public " + kind.ClassName + "(" + string.Join(", ", parameters) + ")");

            var arguments = new List<string>(kind.AllFields.Count + 1)
            {
                "new " + OptionsType + "(" + retryAfter + ", " + developerMessage + ", " + innerException + ")",
            };
            foreach (var field in kind.AllFields)
            {
                var name = CSharpText.Identifier(field.Name);
                arguments.Add(FieldCode.IsNullCheckedReference(field)
                    ? name + " ?? throw new global::System.ArgumentNullException(nameof(" + name + "))"
                    : name);
            }

            WriteInitializer(writer, "this", arguments);
            WriteEmptyBody(writer);
        }

        /// <summary>(a') Renders the message; the public constructor and <c>Create</c> both come through here.</summary>
        private static void WriteOptionsConstructor(SourceWriter writer, EmitContext context, KindSpec kind)
        {
            var options = CSharpText.UniqueName("options", FieldNames(kind));
            writer.WriteSummary("Raises the error from field values already typed as the properties (a uri may be null).");
            var parameters = new List<string>(kind.AllFields.Count + 1) { OptionsType + " " + options };
            AddTypedFieldParameters(parameters, kind.AllFields);
            writer.WriteLine("internal " + kind.ClassName + "(" + string.Join(", ", parameters) + ")");

            var message = RenderCall(kind);
            var arguments = new List<string>(kind.AllFields.Count + 2)
            {
                context.KindInfoField(kind),
                InitType + ".Local(" + message + ", " + options + ".RetryAfter, " + options + ".DeveloperMessage, " + options + ".InnerException)",
            };
            AddFieldArguments(arguments, kind.AllFields);
            WriteInitializer(writer, "this", arguments);
            WriteEmptyBody(writer);
        }

        /// <summary>(b) Promotion: every field read from the received metadata, never throwing.</summary>
        private static void WritePromotedConstructor(SourceWriter writer, EmitContext context, KindSpec kind)
        {
            writer.WriteSummary("Promotes a received status: fields are read from its metadata; sensitive ones never travel, so they are empty.");
            writer.WriteLine("internal " + kind.ClassName + "(" + RuntimeTypes.ReceivedError + " received)");
            var arguments = new List<string>(kind.AllFields.Count + 2)
            {
                context.KindInfoField(kind),
                InitType + ".Promoted(received)",
            };
            foreach (var field in kind.AllFields)
            {
                arguments.Add(field.Sensitive ? FieldCode.Missing(field) : FieldCode.Read(field, "received.Metadata"));
            }

            WriteInitializer(writer, "this", arguments);
            WriteEmptyBody(writer);
        }

        /// <summary>(c) Passes the ancestors' fields to the base class and assigns the own ones.</summary>
        private static void WriteChainConstructor(SourceWriter writer, KindSpec kind, KindSpec? baseKind, bool isSealed)
        {
            var taken = FieldNames(kind);
            var kindParameter = CSharpText.UniqueName("kind", taken);
            var initParameter = CSharpText.UniqueName("init", taken);
            // Parameters are described in the summary: per-field param tags would repeat every ancestor's fields per kind.
            writer.WriteSummary(
                "Creates the error from its kind (this one or a derived one), how it came to be (local or promoted) and " +
                "every field value, ancestors' first; the constructors of this kind and of derived kinds chain to it.");
            // A sealed class may not declare protected members (CS0628).
            var access = isSealed ? "private" : "protected";
            var parameters = new List<string>(kind.AllFields.Count + 2)
            {
                RuntimeTypes.KindInfo + " " + kindParameter,
                "in " + InitType + " " + initParameter,
            };
            AddTypedFieldParameters(parameters, kind.AllFields);
            writer.WriteLine(access + " " + kind.ClassName + "(" + string.Join(", ", parameters) + ")");

            var arguments = new List<string> { kindParameter, initParameter };
            if (baseKind is not null)
            {
                AddFieldArguments(arguments, baseKind.AllFields);
            }

            WriteInitializer(writer, "base", arguments);
            writer.OpenBlock();
            foreach (var field in kind.OwnFields)
            {
                var name = CSharpText.Identifier(field.Name);
                var value = field.Type == FieldKind.Uri ? name + " is null ? null : " + RuntimeTypes.UriSanitizer + ".Sanitize(" + name + ")" : name;
                writer.WriteLine(field.PropertyName + " = " + value + ";");
            }

            writer.CloseBlock();
        }

        /// <summary>(e) The non-sensitive fields: inherited ones by the base, own ones here; null values are left out.</summary>
        private static void WriteMetadataOverride(SourceWriter writer, KindSpec kind)
        {
            writer.WriteLine("/// <inheritdoc />");
            writer.OpenBlock("protected override void WriteMetadata(global::System.Collections.Generic.IDictionary<string, string> metadata)");
            // The base writes the inherited fields (the first-parent chain), so each class adds only its own.
            writer.WriteLine("base.WriteMetadata(metadata);");
            foreach (var field in kind.OwnFields)
            {
                if (!field.Sensitive)
                {
                    writer.WriteLine(FieldCode.WriteMetadata(field, "metadata", field.PropertyName));
                }
            }

            writer.CloseBlock();
        }

        /// <summary>(d) The template compiled to a concatenation; values are inserted as they are.</summary>
        private static void WriteRenderMessage(SourceWriter writer, KindSpec kind)
        {
            var used = kind.PlaceholderFields;
            var parameters = new List<string>(used.Count);
            AddTypedFieldParameters(parameters, used);
            var pieces = new List<string>(kind.Message.Parts.Count);
            foreach (var part in kind.Message.Parts)
            {
                if (!part.IsField)
                {
                    if (part.Value.Length > 0)
                    {
                        pieces.Add(CSharpText.Literal(part.Value));
                    }

                    continue;
                }

                pieces.Add(FieldCode.Format(FindField(kind, part.Value), CSharpText.Identifier(part.Value)));
            }

            writer.WriteLine("private static string RenderMessage(" + string.Join(", ", parameters) + ") =>");
            writer.Indent();
            writer.WriteLine(string.Join(" + ", pieces) + ";");
            writer.Dedent();
        }

        /// <summary>The message argument of the options constructor: a call to RenderMessage, or the literal text.</summary>
        private static string RenderCall(KindSpec kind)
        {
            if (!kind.Message.HasPlaceholders)
            {
                var text = string.Empty;
                foreach (var part in kind.Message.Parts)
                {
                    text += part.Value;
                }

                return CSharpText.Literal(text);
            }

            var arguments = new List<string>();
            AddFieldArguments(arguments, kind.PlaceholderFields);
            return "RenderMessage(" + string.Join(", ", arguments) + ")";
        }

        private static FieldSpec FindField(KindSpec kind, string name)
        {
            foreach (var field in kind.AllFields)
            {
                if (field.Name == name)
                {
                    return field;
                }
            }

            throw new InvalidOperationException("The message of " + kind.Reason + " names unknown field '" + name + "'.");
        }

        private static HashSet<string> FieldNames(KindSpec kind)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in kind.AllFields)
            {
                names.Add(field.Name);
            }

            return names;
        }

        private static void AddTypedFieldParameters(List<string> parameters, IEnumerable<FieldSpec> fields)
        {
            foreach (var field in fields)
            {
                parameters.Add(FieldCode.PropertyType(field) + " " + CSharpText.Identifier(field.Name));
            }
        }

        private static void AddFieldArguments(List<string> arguments, IEnumerable<FieldSpec> fields)
        {
            foreach (var field in fields)
            {
                arguments.Add(CSharpText.Identifier(field.Name));
            }
        }

        private static void WriteInitializer(SourceWriter writer, string target, List<string> arguments)
        {
            writer.Indent();
            var singleLine = ": " + target + "(" + string.Join(", ", arguments) + ")";
            if (singleLine.Length <= 100)
            {
                writer.WriteLine(singleLine);
            }
            else
            {
                writer.WriteLine(": " + target + "(");
                writer.Indent();
                for (int i = 0; i < arguments.Count; i++)
                {
                    writer.WriteLine(arguments[i] + (i == arguments.Count - 1 ? ")" : ","));
                }

                writer.Dedent();
            }

            writer.Dedent();
        }

        private static void WriteEmptyBody(SourceWriter writer)
        {
            writer.WriteLine("{");
            writer.WriteLine("}");
        }

        private static void Separate(SourceWriter writer, ref bool first)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
        }
    }
}
