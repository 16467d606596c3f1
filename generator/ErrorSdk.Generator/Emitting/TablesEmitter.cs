using System;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>
    /// Emits the <c>{Name}Taxonomy</c> class: the domain, the reason → code / HTTP / retry / kind tables as switch
    /// expressions (no allocation, no reflection), reason parsing, and the <c>IErrorTaxonomy</c> implementation.
    /// Routing (Promote, Create) comes from <see cref="RoutingEmitter"/>.
    /// </summary>
    internal static class TablesEmitter
    {
        public static string Emit(EmitContext context)
        {
            var spec = context.Spec;
            var writer = new SourceWriter(4096 + (spec.Kinds.Count * 1024));
            context.WriteFileStart(writer);
            writer.WriteSummary(
                "The " + CSharpText.Xml(spec.Name) + " error taxonomy (domain <c>" + CSharpText.Xml(spec.Domain) + "</c>, version " +
                CSharpText.Xml(spec.Version) + "): its tables and the routing from a received status to a typed exception.");
            writer.WriteLine(context.GeneratedCodeAttribute);
            writer.OpenBlock("public sealed partial class " + spec.TaxonomyClassName + " : global::ErrorSdk.IErrorTaxonomy");

            writer.WriteSummary("The <c>google.rpc.ErrorInfo.domain</c> of every kind.");
            writer.WriteLine("public const string DomainName = " + CSharpText.Literal(spec.Domain) + ";");
            writer.WriteLine();
            writer.WriteSummary("The semantic version of the taxonomy the code was generated from.");
            writer.WriteLine("public const string TaxonomyVersion = " + CSharpText.Literal(spec.Version) + ";");
            writer.WriteLine();
            writer.WriteLine("private " + spec.TaxonomyClassName + "()");
            writer.WriteLine("{");
            writer.WriteLine("}");
            writer.WriteLine();
            writer.WriteSummary("The taxonomy as an <see cref=\"global::ErrorSdk.IErrorTaxonomy\"/>.");
            writer.WriteLine("public static " + context.TaxonomyType + " Instance { get; } = new " + context.TaxonomyType + "();");
            writer.WriteLine();
            writer.WriteLine("string global::ErrorSdk.IErrorTaxonomy.Domain => DomainName;");
            writer.WriteLine();
            writer.WriteLine("global::System.Collections.Generic.IReadOnlyList<global::ErrorSdk.KindInfo> global::ErrorSdk.IErrorTaxonomy.Kinds => " + context.KindsType + ".All;");
            writer.WriteLine();
            writer.WriteLine("global::ErrorSdk.TaxonomyException global::ErrorSdk.IErrorTaxonomy.Promote(global::Google.Rpc.Status status) => Promote(status);");
            writer.WriteLine();
            writer.WriteLine(
                "global::ErrorSdk.TaxonomyException? global::ErrorSdk.IErrorTaxonomy.Create(string reason, " +
                "global::System.Collections.Generic.IReadOnlyDictionary<string, string>? fields, global::ErrorSdk.TaxonomyExceptionOptions options) => " +
                "Create(reason, fields, options);");
            writer.WriteLine();

            WriteTable(writer, context, "global::Google.Rpc.Code", "CodeOf", "The gRPC code of a kind.", k => CSharpText.CodeMember(k.CodeValue));
            WriteTable(writer, context, "int", "HttpStatusOf", "The HTTP status of a kind.", k => CSharpText.Number(k.HttpStatus));
            WriteTable(writer, context, "global::ErrorSdk.RetryPolicy", "RetryOf", "How a caller may retry a kind.", k => KindsEmitter.RetryMember(k.Retry));
            WriteTable(writer, context, "global::ErrorSdk.KindInfo", "KindOf", "The description of a kind.", context.KindInfoField);
            WriteTable(writer, context, "string", "ReasonOf", "The wire reason (ErrorInfo reason) of a kind.", k => CSharpText.Literal(k.Reason));
            WriteTryParseReason(writer, context);
            writer.WriteLine();
            RoutingEmitter.WritePromote(writer, context);
            writer.WriteLine();
            RoutingEmitter.WriteCreate(writer, context);
            writer.WriteLine();
            writer.WriteLine("private static global::System.ArgumentOutOfRangeException UnknownReason(" + context.ReasonType + " reason) =>");
            writer.Indent();
            writer.WriteLine(
                "new global::System.ArgumentOutOfRangeException(nameof(reason), reason, " +
                CSharpText.Literal("Not a kind of the " + spec.Name + " taxonomy.") + ");");
            writer.Dedent();
            writer.CloseBlock();
            context.WriteFileEnd(writer);
            return writer.ToString();
        }

        private static void WriteTable(SourceWriter writer, EmitContext context, string returnType, string name, string summary, Func<KindSpec, string> value)
        {
            writer.WriteSummary(summary);
            writer.WriteLine("/// <param name=\"reason\">A reason of the taxonomy.</param>");
            writer.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"reason\"/> is Unspecified or not a kind of the taxonomy.</exception>");
            writer.WriteLine("public static " + returnType + " " + name + "(" + context.ReasonType + " reason) => reason switch");
            writer.OpenBlock();
            foreach (var kind in context.Spec.Kinds)
            {
                writer.WriteLine(context.ReasonMember(kind) + " => " + value(kind) + ",");
            }

            writer.WriteLine("_ => throw UnknownReason(reason),");
            writer.CloseBlock(";");
            writer.WriteLine();
        }

        private static void WriteTryParseReason(SourceWriter writer, EmitContext context)
        {
            writer.WriteSummary("Parses a wire reason (abstract kinds included); false for an unknown one.");
            writer.WriteLine("/// <param name=\"reason\">The reason text, e.g. from an ErrorInfo.</param>");
            writer.WriteLine("/// <param name=\"value\">The reason's enum value, or Unspecified.</param>");
            writer.WriteLine("/// <returns>Whether <paramref name=\"reason\"/> is a reason of the taxonomy.</returns>");
            writer.WriteLine("public static bool TryParseReason(string? reason, out " + context.ReasonType + " value)");
            writer.OpenBlock();
            writer.WriteLine("value = reason switch");
            writer.OpenBlock();
            foreach (var kind in context.Spec.Kinds)
            {
                writer.WriteLine(CSharpText.Literal(kind.Reason) + " => " + context.ReasonMember(kind) + ",");
            }

            writer.WriteLine("_ => " + context.ReasonType + ".Unspecified,");
            writer.CloseBlock(";");
            writer.WriteLine("return value != " + context.ReasonType + ".Unspecified;");
            writer.CloseBlock();
        }
    }
}
