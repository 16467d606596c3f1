using System.Collections.Generic;
using ErrorSdk.Generator.Model;
using ErrorSdk.Internal;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>
    /// Emits <c>Promote</c> (received status → typed exception: alias, then exact reason, then the code's fallback,
    /// else UnclassifiedException) and <c>Create</c> (reason + metadata strings → local exception).
    /// Abstract kinds are never a route: their reason on the wire is unknown.
    /// </summary>
    internal static class RoutingEmitter
    {
        public static void WritePromote(SourceWriter writer, EmitContext context)
        {
            writer.WriteSummary(
                "Turns a received status into the right typed exception: by alias (reason and code), then by reason, " +
                "then by the code's fallback kind, else an <see cref=\"global::ErrorSdk.UnclassifiedException\"/>. " +
                "Never throws; the raw status and every metadata entry are kept.");
            writer.WriteLine("/// <param name=\"status\">The received status; null reads as an empty UNKNOWN status.</param>");
            writer.WriteLine("/// <returns>The typed exception; never null.</returns>");
            writer.OpenBlock("public static global::ErrorSdk.TaxonomyException Promote(global::Google.Rpc.Status? status)");
            writer.WriteLine("var received = global::ErrorSdk.ReceivedError.Read(status, DomainName);");

            var reasonCases = new List<string>();
            foreach (var kind in context.Spec.Kinds)
            {
                if (kind.IsAbstract)
                {
                    continue;
                }

                foreach (var alias in kind.Aliases)
                {
                    reasonCases.Add(
                        "case " + CSharpText.Literal(alias.Reason) + " when received.CodeValue == " + CSharpText.Number(alias.CodeValue) +
                        ": return new " + context.ClassType(kind) + "(received);");
                }
            }

            foreach (var kind in context.Spec.Kinds)
            {
                if (!kind.IsAbstract)
                {
                    reasonCases.Add("case " + CSharpText.Literal(kind.Reason) + ": return new " + context.ClassType(kind) + "(received);");
                }
            }

            if (reasonCases.Count > 0)
            {
                writer.OpenBlock("if (received.IsTaxonomyDomain && received.Reason is { } reason)");
                // Aliases come first: an alias may reuse a known reason with another code.
                writer.OpenBlock("switch (reason)");
                foreach (var line in reasonCases)
                {
                    writer.WriteLine(line);
                }

                writer.CloseBlock();
                writer.CloseBlock();
                writer.WriteLine();
            }

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
                        throw new System.InvalidOperationException("Kind " + kind.Reason + " is fallback for unknown code '" + codeName + "'.");
                    }

                    fallbacks.Add("case " + CSharpText.Number(code) + ": return new " + context.ClassType(kind) + "(received);");
                }
            }

            if (fallbacks.Count > 0)
            {
                writer.OpenBlock("switch (received.CodeValue)");
                foreach (var line in fallbacks)
                {
                    writer.WriteLine(line);
                }

                writer.CloseBlock();
                writer.WriteLine();
            }

            writer.WriteLine("return new global::ErrorSdk.UnclassifiedException(received);");
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
            writer.WriteLine(
                "public static global::ErrorSdk.TaxonomyException? Create(string reason, global::System.Collections.Generic.IReadOnlyDictionary<string, string>? fields, " +
                "global::ErrorSdk.TaxonomyExceptionOptions options = default)");
            writer.OpenBlock();
            bool any = false;
            foreach (var kind in context.Spec.Kinds)
            {
                any |= !kind.IsAbstract;
            }

            if (any)
            {
                writer.OpenBlock("switch (reason)");
                foreach (var kind in context.Spec.Kinds)
                {
                    if (kind.IsAbstract)
                    {
                        continue;
                    }

                    writer.WriteLine("case " + CSharpText.Literal(kind.Reason) + ":");
                    writer.Indent();
                    if (kind.AllFields.Count == 0)
                    {
                        writer.WriteLine("return new " + context.ClassType(kind) + "(options);");
                    }
                    else
                    {
                        writer.WriteLine("return new " + context.ClassType(kind) + "(");
                        writer.Indent();
                        writer.WriteLine("options,");
                        for (int i = 0; i < kind.AllFields.Count; i++)
                        {
                            writer.WriteLine(FieldCode.Read(kind.AllFields[i], "fields") + (i == kind.AllFields.Count - 1 ? ");" : ","));
                        }

                        writer.Dedent();
                    }

                    writer.Dedent();
                }

                writer.WriteLine("default:");
                writer.Indent();
                writer.WriteLine("return null;");
                writer.Dedent();
                writer.CloseBlock();
            }
            else
            {
                writer.WriteLine("return null;");
            }

            writer.CloseBlock();
        }
    }
}
