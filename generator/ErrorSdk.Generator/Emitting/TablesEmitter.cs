using System;
using System.Collections.Generic;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>
    /// Emits the <c>{Name}Taxonomy</c> class: the domain, the reason → kind / code / HTTP / retry tables, reason
    /// parsing and the <c>IErrorTaxonomy</c> implementation. The tables read the kinds' <c>KindInfo</c> (one source
    /// of truth) found by a binary search over constant arrays: no allocation, no reflection, and compile time linear
    /// in the number of kinds. Routing (Promote, Create) comes from <see cref="RoutingEmitter"/>.
    /// </summary>
    internal static class TablesEmitter
    {

        public static string Emit(EmitContext context)
        {
            var spec = context.Spec;
            var writer = new SourceWriter(8192 + (spec.Kinds.Count * 768));
            context.WriteFileStart(writer);
            writer.WriteSummary(
                "The " + CSharpText.Xml(spec.Name) + " error taxonomy (domain <c>" + CSharpText.Xml(spec.Domain) + "</c>, version " +
                CSharpText.Xml(spec.Version) + "): its tables and the routing from a received status to a typed exception.");
            writer.WriteLine(context.GeneratedCodeAttribute);
            writer.OpenBlock("public sealed partial class " + spec.TaxonomyClassName + " : " + RuntimeTypes.IErrorTaxonomy);

            writer.WriteSummary("The <c>google.rpc.ErrorInfo.domain</c> of every kind.");
            writer.WriteLine("public const string DomainName = " + CSharpText.Literal(spec.Domain) + ";");
            writer.WriteLine();
            writer.WriteSummary("The semantic version of the taxonomy the code was generated from.");
            writer.WriteLine("public const string TaxonomyVersion = " + CSharpText.Literal(spec.Version) + ";");
            writer.WriteLine();
            WriteLookupArrays(writer, context);
            RoutingEmitter.WriteAliasArrays(writer, context);
            writer.WriteLine("private " + spec.TaxonomyClassName + "()");
            writer.WriteLine("{");
            writer.WriteLine("}");
            writer.WriteLine();
            writer.WriteSummary("The taxonomy as an <see cref=\"" + RuntimeTypes.IErrorTaxonomy + "\"/>.");
            writer.WriteLine("public static " + context.TaxonomyType + " Instance { get; } = new " + context.TaxonomyType + "();");
            writer.WriteLine();
            writer.WriteLine("string " + RuntimeTypes.IErrorTaxonomy + ".Domain => DomainName;");
            writer.WriteLine();
            writer.WriteLine("global::System.Collections.Generic.IReadOnlyList<" + RuntimeTypes.KindInfo + "> " + RuntimeTypes.IErrorTaxonomy + ".Kinds => " + context.KindsType + ".All;");
            writer.WriteLine();
            writer.WriteLine(RuntimeTypes.TaxonomyException + " " + RuntimeTypes.IErrorTaxonomy + ".Promote(global::Google.Rpc.Status status) => Promote(status);");
            writer.WriteLine();
            writer.WriteLine(RuntimeTypes.TaxonomyException + " " + RuntimeTypes.IErrorTaxonomy + ".Promote(global::Google.Rpc.Status status, " + RuntimeTypes.WireLimits + " limits) => Promote(status, limits);");
            writer.WriteLine();
            writer.WriteLine(
                RuntimeTypes.TaxonomyException + "? " + RuntimeTypes.IErrorTaxonomy + ".Create(string reason, " +
                "global::System.Collections.Generic.IReadOnlyDictionary<string, string>? fields, " + RuntimeTypes.TaxonomyExceptionOptions + " options) => " +
                "Create(reason, fields, options);");
            writer.WriteLine();

            WriteTable(writer, context, "global::Google.Rpc.Code", "CodeOf", "The gRPC code of a kind.", "Code");
            WriteTable(writer, context, "int", "HttpStatusOf", "The HTTP status of a kind.", "HttpStatus");
            WriteTable(writer, context, RuntimeTypes.RetryPolicy, "RetryOf", "How a caller may retry a kind.", "Retry");
            WriteTable(writer, context, "string", "ReasonOf", "The wire reason (ErrorInfo reason) of a kind.", "Reason");
            WriteKindOf(writer, context);
            writer.WriteLine();
            WriteTryParseReason(writer, context);
            writer.WriteLine();
            RoutingEmitter.WritePromote(writer, context);
            writer.WriteLine();
            RoutingEmitter.WriteReasonRouting(writer, context);
            writer.WriteLine();
            RoutingEmitter.WriteCreate(writer, context);
            writer.WriteLine();
            WriteIndexOfReason(writer);
            writer.WriteLine();
            RoutingEmitter.WriteKindSwitches(writer, context);
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

        private static void WriteLookupArrays(SourceWriter writer, EmitContext context)
        {
            var kinds = context.Spec.Kinds;
            var numbers = new string[kinds.Count];
            var order = new int[kinds.Count];
            for (int i = 0; i < kinds.Count; i++)
            {
                numbers[i] = CSharpText.Number(kinds[i].Number);
                order[i] = i;
            }

            Array.Sort(order, (a, b) => string.CompareOrdinal(kinds[a].Reason, kinds[b].Reason));
            var reasons = new string[kinds.Count];
            var indexes = new string[kinds.Count];
            for (int i = 0; i < order.Length; i++)
            {
                reasons[i] = CSharpText.Literal(kinds[order[i]].Reason);
                indexes[i] = CSharpText.Number(order[i]);
            }

            writer.WriteArrayField("The kinds' numbers, ascending: a kind's index here is its index in " + context.KindsClassName + ".All.", "int", "KindNumbers", numbers);
            if (UsesDenseNumberIndex(kinds))
            {
                var byNumber = new string[kinds[kinds.Count - 1].Number + 1];
                for (int n = 0; n < byNumber.Length; n++)
                {
                    byNumber[n] = "-1";
                }

                for (int i = 0; i < kinds.Count; i++)
                {
                    byNumber[kinds[i].Number] = CSharpText.Number(i);
                }

                writer.WriteArrayField("The index in " + context.KindsClassName + ".All of the kind of each number (-1 for none): KindOf in one load.", "int", "KindIndexByNumber", byNumber);
            }

            writer.WriteArrayField("The reasons in ordinal order (for a binary search), and the index of each one's kind.", "string", "SortedReasons", reasons);
            writer.WriteArrayField("The index in " + context.KindsClassName + ".All of the kind of each of SortedReasons.", "int", "SortedReasonKinds", indexes);
        }

        private static void WriteTable(SourceWriter writer, EmitContext context, string returnType, string name, string summary, string property)
        {
            writer.WriteSummary(summary);
            writer.WriteLine("/// <param name=\"reason\">A reason of the taxonomy.</param>");
            writer.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"reason\"/> is Unspecified or not a kind of the taxonomy.</exception>");
            writer.WriteLine("public static " + returnType + " " + name + "(" + context.ReasonType + " reason) => KindOf(reason)." + property + ";");
            writer.WriteLine();
        }

        private static void WriteKindOf(SourceWriter writer, EmitContext context)
        {
            writer.WriteSummary("The description of a kind: its code, HTTP status, retry policy, fields and the rest.");
            writer.WriteLine("/// <param name=\"reason\">A reason of the taxonomy.</param>");
            writer.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"reason\"/> is Unspecified or not a kind of the taxonomy.</exception>");
            writer.OpenBlock("public static " + RuntimeTypes.KindInfo + " KindOf(" + context.ReasonType + " reason)");
            if (UsesDenseNumberIndex(context.Spec.Kinds))
            {
                writer.WriteLine("int number = (int)reason;");
                writer.WriteLine("int index = (uint)number < (uint)KindIndexByNumber.Length ? KindIndexByNumber[number] : -1;");
            }
            else
            {
                writer.WriteLine("int index = global::System.Array.BinarySearch(KindNumbers, (int)reason);");
            }

            writer.WriteLine("return index >= 0 ? " + context.KindsType + ".All[index] : throw UnknownReason(reason);");
            writer.CloseBlock();
        }

        /// <summary>
        /// Whether the numbers are dense enough for a table indexed by number (at most 4 slots per kind, plus 64):
        /// then the tables (<c>CodeOf</c>, <c>RetryOf</c>, …) are one array load; sparse numbers keep the binary search
        /// over <c>KindNumbers</c>, so a taxonomy numbered in the millions emits no huge array.
        /// </summary>
        private static bool UsesDenseNumberIndex(IReadOnlyList<KindSpec> kinds) =>
            kinds.Count > 0 && kinds[kinds.Count - 1].Number <= (4L * kinds.Count) + 64;

        private static void WriteTryParseReason(SourceWriter writer, EmitContext context)
        {
            writer.WriteSummary("Parses a wire reason (abstract kinds included); false for an unknown one.");
            writer.WriteLine("/// <param name=\"reason\">The reason text, e.g. from an ErrorInfo.</param>");
            writer.WriteLine("/// <param name=\"value\">The reason's enum value, or Unspecified.</param>");
            writer.WriteLine("/// <returns>Whether <paramref name=\"reason\"/> is a reason of the taxonomy.</returns>");
            writer.OpenBlock("public static bool TryParseReason(string? reason, out " + context.ReasonType + " value)");
            writer.WriteLine("int index = IndexOfReason(reason);");
            writer.WriteLine("value = index >= 0 ? (" + context.ReasonType + ")KindNumbers[index] : " + context.ReasonType + ".Unspecified;");
            writer.WriteLine("return index >= 0;");
            writer.CloseBlock();
        }

        private static void WriteIndexOfReason(SourceWriter writer)
        {
            writer.WriteLine("private static int IndexOfReason(string? reason)");
            writer.OpenBlock();
            writer.OpenBlock("if (reason is null)");
            writer.WriteLine("return -1;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("int position = global::System.Array.BinarySearch(SortedReasons, reason, global::System.StringComparer.Ordinal);");
            writer.WriteLine("return position >= 0 ? SortedReasonKinds[position] : -1;");
            writer.CloseBlock();
        }
    }
}
