using System.Collections.Generic;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>Emits the reason enum and the <c>{Name}Kinds</c> class of <c>KindInfo</c> descriptions.</summary>
    internal static class KindsEmitter
    {
        public static string Emit(EmitContext context)
        {
            var spec = context.Spec;
            var writer = new SourceWriter(1024 + (spec.Kinds.Count * 1024));
            context.WriteFileStart(writer);
            WriteReasonEnum(writer, context);
            writer.WriteLine();
            WriteKindsClass(writer, context);
            context.WriteFileEnd(writer);
            return writer.ToString();
        }

        private static void WriteReasonEnum(SourceWriter writer, EmitContext context)
        {
            var spec = context.Spec;
            writer.WriteSummary("The reasons of the " + CSharpText.Xml(spec.Name) + " taxonomy (domain <c>" + CSharpText.Xml(spec.Domain) + "</c>); each value is the kind's number.");
            writer.WriteLine(context.GeneratedCodeAttribute);
            writer.OpenBlock("public enum " + spec.ReasonEnumName);
            writer.WriteSummary("No reason: the default value, never a kind.");
            writer.WriteLine("Unspecified = 0,");
            foreach (var kind in spec.Kinds)
            {
                writer.WriteLine();
                writer.WriteSummary(CSharpText.XmlOr(kind.Description, "The " + kind.Reason + " kind.") + " (<c>" + kind.Reason + "</c>)");
                EmitContext.WriteObsolete(writer, kind);
                writer.WriteLine(kind.PascalName + " = " + CSharpText.Number(kind.Number) + ",");
            }

            writer.CloseBlock();
        }

        private static void WriteKindsClass(SourceWriter writer, EmitContext context)
        {
            var spec = context.Spec;
            writer.WriteSummary("The description of every kind of the " + CSharpText.Xml(spec.Name) + " taxonomy, as data.");
            writer.WriteLine(context.GeneratedCodeAttribute);
            writer.OpenBlock("public static partial class " + context.KindsClassName);
            foreach (var kind in spec.Kinds)
            {
                WriteKindInfo(writer, context, kind);
                writer.WriteLine();
            }

            // Declared after the kinds: static field initializers run in textual order.
            writer.WriteSummary("Every kind, ordered by number.");
            writer.WriteLine("public static readonly global::System.Collections.Generic.IReadOnlyList<" + RuntimeTypes.KindInfo + "> All = global::System.Array.AsReadOnly(new " + RuntimeTypes.KindInfo + "[]");
            writer.OpenBlock();
            foreach (var kind in spec.Kinds)
            {
                writer.WriteLine(kind.PascalName + ",");
            }

            writer.CloseBlock(");");
            writer.CloseBlock();
        }

        private static void WriteKindInfo(SourceWriter writer, EmitContext context, KindSpec kind)
        {
            writer.WriteSummary("The <c>" + kind.Reason + "</c> kind: " + CSharpText.XmlOr(kind.Description, "no description."));
            EmitContext.WriteObsolete(writer, kind);
            writer.WriteLine("public static readonly " + RuntimeTypes.KindInfo + " " + kind.PascalName + " = new " + RuntimeTypes.KindInfo + "(");
            writer.Indent();
            writer.WriteLine(CSharpText.Literal(kind.Reason) + ",");
            writer.WriteLine(context.TaxonomyType + ".DomainName,");
            writer.WriteLine(CSharpText.Number(kind.Number) + ",");
            writer.WriteLine(CSharpText.CodeMember(kind.CodeValue) + ",");
            writer.WriteLine(CSharpText.Number(kind.HttpStatus) + ",");
            writer.WriteLine(RetryMember(kind.Retry) + ",");
            writer.WriteLine(StringList(kind.Parents) + ",");
            writer.WriteLine(StringList(kind.Ancestors) + ",");
            writer.WriteLine(CSharpText.Bool(kind.IsAbstract) + ",");
            writer.WriteLine(CSharpText.Literal(kind.Message.Text) + ",");
            WriteFieldInfos(writer, kind.AllFields);
            writer.WriteLine(CSharpText.Literal(kind.Description) + ",");
            writer.WriteLine(StringList(kind.MatchHttpStatus) + ",");
            writer.WriteLine(StringList(kind.MatchTransport) + ",");
            writer.WriteLine(CSharpText.LiteralOrNull(kind.Deprecated) + ");");
            writer.Dedent();
        }

        private static void WriteFieldInfos(SourceWriter writer, EquatableArray<FieldSpec> fields)
        {
            if (fields.Count == 0)
            {
                writer.WriteLine("global::System.Array.Empty<" + RuntimeTypes.FieldInfo + ">(),");
                return;
            }

            writer.WriteLine("global::System.Array.AsReadOnly(new " + RuntimeTypes.FieldInfo + "[]");
            writer.OpenBlock();
            foreach (var field in fields)
            {
                writer.WriteLine(
                    "new " + RuntimeTypes.FieldInfo + "(" + CSharpText.Literal(field.Name) + ", " + FieldCode.FieldTypeMember(field.Type) + ", " +
                    CSharpText.Bool(field.Optional) + ", " + CSharpText.Bool(field.Sensitive) + ", " + CSharpText.Literal(field.Description) + "),");
            }

            writer.CloseBlock("),");
        }

        /// <summary>A read-only list expression (an array could be cast back and written to).</summary>
        private static string StringList(IReadOnlyList<string> items)
        {
            if (items.Count == 0)
            {
                return "global::System.Array.Empty<string>()";
            }

            var parts = new string[items.Count];
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = CSharpText.Literal(items[i]);
            }

            return "global::System.Array.AsReadOnly(new string[] { " + string.Join(", ", parts) + " })";
        }

        public static string RetryMember(RetryKind retry) => RuntimeTypes.RetryPolicy + "." + retry switch
        {
            RetryKind.Never => "Never",
            RetryKind.Transient => "Transient",
            RetryKind.Throttled => "Throttled",
            RetryKind.Reauthenticate => "Reauthenticate",
            _ => throw new System.ArgumentOutOfRangeException(nameof(retry), retry, "Unknown retry policy."),
        };
    }
}
