using System;
using System.Collections.Generic;
using System.Text;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>
    /// Emits <c>Promote</c> (received status → typed exception: alias on (reason, code), then exact reason, then the
    /// code's fallback kind, else UnclassifiedException) and <c>Create</c> (reason + metadata strings → local
    /// exception). Abstract kinds are never a route: their reason on the wire reads as unknown.
    /// </summary>
    internal static class RoutingEmitter
    {
        private const string CreateParameters =
            "global::System.Collections.Generic.IReadOnlyDictionary<string, string>? fields, " + RuntimeTypes.TaxonomyExceptionOptions + " options";

        /// <summary>The alias table, sorted by (reason ordinal, code) for a binary search; nothing without aliases.</summary>
        public static void WriteAliasArrays(SourceWriter writer, EmitContext context)
        {
            var aliases = Aliases(context);
            if (aliases.Count == 0)
            {
                return;
            }

            var reasons = new List<string>(aliases.Count);
            var codes = new List<string>(aliases.Count);
            var kinds = new List<string>(aliases.Count);
            foreach (var (reason, code, kind) in aliases)
            {
                reasons.Add(CSharpText.Literal(reason));
                codes.Add(CSharpText.Number(code));
                kinds.Add(CSharpText.Number(kind));
            }

            writer.WriteArrayField("Alias reasons in ordinal order; with AliasCodes, the sorted (reason, code) keys.", "string", "AliasReasons", reasons);
            writer.WriteArrayField("The code of each alias.", "int", "AliasCodes", codes);
            writer.WriteArrayField("The index in " + context.KindsClassName + ".All of the kind each alias promotes to.", "int", "AliasKinds", kinds);
        }

        public static void WritePromote(SourceWriter writer, EmitContext context)
        {
            writer.WriteSummary(
                "Turns a received status into the right typed exception: by the first ErrorInfo of the taxonomy's domain " +
                "whose reason is known (an alias on reason and code, then the reason), then by the code's fallback kind, " +
                "else an <see cref=\"" + RuntimeTypes.UnclassifiedException + "\"/>. " +
                "Never throws; the raw status and every metadata entry are kept.");
            writer.WriteLine("/// <param name=\"status\">The received status; null reads as an empty UNKNOWN status.</param>");
            writer.WriteLine("/// <returns>The typed exception; never null.</returns>");
            writer.WriteLine("/// <remarks>Reads within <see cref=\"" + RuntimeTypes.WireLimits + ".Default\"/>.</remarks>");
            writer.WriteLine("public static " + RuntimeTypes.TaxonomyException + " Promote(global::Google.Rpc.Status? status) => Promote(status, " + RuntimeTypes.WireLimits + ".Default);");
            writer.WriteLine();
            writer.WriteSummary(
                "Turns a received status into the right typed exception, reading it within <paramref name=\"limits\"/>: " +
                "what goes over a limit is cut, marked and listed in <see cref=\"" + RuntimeTypes.ReceivedError + ".Problems\"/>; " +
                "the raw status stays whole. Never throws.");
            writer.WriteLine("/// <param name=\"status\">The received status; null reads as an empty UNKNOWN status.</param>");
            writer.WriteLine("/// <param name=\"limits\">The wire limits; null means <see cref=\"" + RuntimeTypes.WireLimits + ".Default\"/>.</param>");
            writer.WriteLine("/// <returns>The typed exception; never null.</returns>");
            writer.OpenBlock("public static " + RuntimeTypes.TaxonomyException + " Promote(global::Google.Rpc.Status? status, " + RuntimeTypes.WireLimits + "? limits)");
            writer.WriteLine("limits ??= " + RuntimeTypes.WireLimits + ".Default;");
            writer.WriteLine("var received = " + RuntimeTypes.ReceivedError + ".Read(status, DomainName, limits);");
            writer.OpenBlock("if (PromoteByReason(received) is { } promoted)");
            writer.WriteLine("return promoted;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("// Routing takes the first ErrorInfo of the domain whose reason is known: this one's is not, a later one's may be.");
            writer.OpenBlock("if (received.IsTaxonomyDomain && received.HasLaterErrorInfo && PromoteByReason(" + RuntimeTypes.ReceivedError + ".Read(status, DomainName, limits, new global::System.Func<string, int, bool>(IsKnownReason))) is { } later)");
            writer.WriteLine("return later;");
            writer.CloseBlock();
            writer.WriteLine();

            var fallbacks = new List<string>();
            foreach (var kind in context.Spec.Kinds)
            {
                if (kind.IsAbstract)
                {
                    continue;
                }

                foreach (var codeName in kind.FallbackFor)
                {
                    int code = GrpcCodeTable.ValueOf(codeName);
                    if (code < 0)
                    {
                        throw new InvalidOperationException("Kind " + kind.Reason + " is fallback for unknown code '" + codeName + "'.");
                    }

                    fallbacks.Add("case " + CSharpText.Number(code) + ": return new " + context.ClassType(kind) + "(received);");
                }
            }

            if (fallbacks.Count > 0)
            {
                writer.OpenBlock("switch ((int)received.Code)");
                foreach (var line in fallbacks)
                {
                    writer.WriteLine(line);
                }

                writer.CloseBlock();
                writer.WriteLine();
            }

            writer.WriteLine("return new " + RuntimeTypes.UnclassifiedException + "(received);");
            writer.CloseBlock();
        }

        /// <summary>Writes IndexOfRoute, PromoteByReason and the KnownReason predicate that Promote uses.</summary>
        public static void WriteReasonRouting(SourceWriter writer, EmitContext context)
        {
            writer.WriteLine("// The kind a received reason routes to: an alias on (reason, code) first, then the reason; -1 for none.");
            writer.OpenBlock("private static int IndexOfRoute(string reason, int code)");
            if (Aliases(context).Count > 0)
            {
                // An alias comes first: it may reuse a known reason with another code.
                writer.WriteLine("int index = IndexOfAlias(reason, code);");
                writer.WriteLine("return index >= 0 ? index : IndexOfReason(reason);");
            }
            else
            {
                writer.WriteLine("return IndexOfReason(reason);");
            }

            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("// The typed exception of the received ErrorInfo's reason, or null (no ErrorInfo of the domain, an unknown or an abstract reason).");
            writer.OpenBlock("private static " + RuntimeTypes.TaxonomyException + "? PromoteByReason(" + RuntimeTypes.ReceivedError + " received)");
            writer.OpenBlock("if (received.IsTaxonomyDomain && received.Reason is { } reason)");
            writer.WriteLine("int index = IndexOfRoute(reason, (int)received.Code);");
            writer.WriteLine();
            writer.WriteLine("// An abstract kind promotes to nothing: its reason reads as unknown.");
            writer.WriteLine("return index >= 0 ? PromoteKind(index, received) : null;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("return null;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("// Whether a reason (with the received code) routes to a concrete kind: how ReceivedError picks among several ErrorInfos.");
            writer.WriteLine("// (Promote wraps it in a new delegate on its rare path: a cached one would be static state.)");
            writer.OpenBlock("private static bool IsKnownReason(string reason, int code)");
            writer.WriteLine("int index = IndexOfRoute(reason, code);");
            writer.WriteLine("return index >= 0 && !" + context.KindsType + ".All[index].IsAbstract;");
            writer.CloseBlock();
        }

        public static void WriteCreate(SourceWriter writer, EmitContext context)
        {
            writer.WriteSummary(
                "Raises a local exception of a non-abstract kind from field values in their metadata string form. " +
                "A missing or unparsable required value becomes an empty string, 0, false, a zero duration or a null uri.");
            writer.WriteLine("/// <param name=\"reason\">The kind's wire reason.</param>");
            writer.WriteLine("/// <param name=\"fields\">Field values by field name, formatted as in ErrorInfo metadata.</param>");
            writer.WriteLine("/// <param name=\"options\">The retry delay, developer detail and cause.</param>");
            writer.WriteLine("/// <returns>The exception, or null for an unknown or abstract reason.</returns>");
            writer.OpenBlock("public static " + RuntimeTypes.TaxonomyException + "? Create(string reason, " + CreateParameters + " = default)");
            writer.WriteLine("int index = IndexOfReason(reason);");
            writer.WriteLine("return index >= 0 ? CreateKind(index, fields, options) : null;");
            writer.CloseBlock();
        }

        /// <summary>The per-kind dispatch of Promote and Create, and the alias lookup.</summary>
        public static void WriteKindSwitches(SourceWriter writer, EmitContext context)
        {
            var kinds = context.Spec.Kinds;
            ChunkedSwitchWriter.Write(
                writer,
                RuntimeTypes.TaxonomyException + "?",
                "PromoteKind",
                RuntimeTypes.ReceivedError + " received",
                "received",
                kinds.Count,
                i => kinds[i].IsAbstract ? null : "new " + context.ClassType(kinds[i]) + "(received)",
                "null");
            writer.WriteLine();
            ChunkedSwitchWriter.Write(
                writer,
                RuntimeTypes.TaxonomyException + "?",
                "CreateKind",
                CreateParameters,
                "fields, options",
                kinds.Count,
                i => kinds[i].IsAbstract ? null : CreateExpression(context, kinds[i]),
                "null");

            if (Aliases(context).Count > 0)
            {
                writer.WriteLine();
                WriteIndexOfAlias(writer);
            }
        }

        /// <summary><c>new XException(options, fields read from the dictionary...)</c>, one argument per line.</summary>
        private static string CreateExpression(EmitContext context, KindSpec kind)
        {
            var text = new StringBuilder("new " + context.ClassType(kind) + "(");
            if (kind.AllFields.Count == 0)
            {
                return text.Append("options)").ToString();
            }

            text.Append("\noptions");
            foreach (var field in kind.AllFields)
            {
                text.Append(",\n").Append(FieldCode.Read(field, "fields"));
            }

            return text.Append(')').ToString();
        }

        private static void WriteIndexOfAlias(SourceWriter writer)
        {
            writer.WriteLine("private static int IndexOfAlias(string reason, int code)");
            writer.OpenBlock();
            writer.WriteLine("int low = 0;");
            writer.WriteLine("int high = AliasReasons.Length - 1;");
            writer.OpenBlock("while (low <= high)");
            writer.WriteLine("int middle = low + ((high - low) >> 1);");
            writer.WriteLine("int order = string.CompareOrdinal(reason, AliasReasons[middle]);");
            writer.OpenBlock("if (order == 0)");
            writer.WriteLine("order = code.CompareTo(AliasCodes[middle]);");
            writer.CloseBlock();
            writer.WriteLine();
            writer.OpenBlock("if (order == 0)");
            writer.WriteLine("return AliasKinds[middle];");
            writer.CloseBlock();
            writer.WriteLine();
            writer.OpenBlock("if (order < 0)");
            writer.WriteLine("high = middle - 1;");
            writer.CloseBlock();
            writer.OpenBlock("else");
            writer.WriteLine("low = middle + 1;");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("return -1;");
            writer.CloseBlock();
        }

        /// <summary>Every (reason, code) alias of a concrete kind with its kind index, sorted as the lookup expects.</summary>
        private static List<(string Reason, int Code, int Kind)> Aliases(EmitContext context)
        {
            var aliases = new List<(string Reason, int Code, int Kind)>();
            var kinds = context.Spec.Kinds;
            for (int i = 0; i < kinds.Count; i++)
            {
                if (kinds[i].IsAbstract)
                {
                    continue;
                }

                foreach (var alias in kinds[i].Aliases)
                {
                    aliases.Add((alias.Reason, alias.CodeValue, i));
                }
            }

            aliases.Sort((a, b) =>
            {
                int order = string.CompareOrdinal(a.Reason, b.Reason);
                return order != 0 ? order : a.Code != b.Code ? a.Code.CompareTo(b.Code) : a.Kind.CompareTo(b.Kind);
            });
            return aliases;
        }
    }
}
