using System;
using System.Collections.Generic;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>
    /// Emits one marker interface per kind. It extends its declared parents' interfaces, so a class implementing it
    /// implements every ancestor's interface, and exposes only the kind's own fields.
    /// </summary>
    internal static class InterfaceEmitter
    {
        public static string Emit(EmitContext context)
        {
            var spec = context.Spec;
            var writer = new SourceWriter(1024 + (spec.Kinds.Count * 512));
            context.WriteFileStart(writer);
            for (int i = 0; i < spec.Kinds.Count; i++)
            {
                if (i > 0)
                {
                    writer.WriteLine();
                }

                WriteInterface(writer, context, spec.Kinds[i]);
            }

            context.WriteFileEnd(writer);
            return writer.ToString();
        }

        private static void WriteInterface(SourceWriter writer, EmitContext context, KindSpec kind)
        {
            writer.WriteSummary(
                "Implemented by the <c>" + kind.Reason + "</c> kind and every kind derived from it: " +
                CSharpText.XmlOr(kind.Description, "no description."));
            writer.WriteLine(context.GeneratedCodeAttribute);
            EmitContext.WriteObsolete(writer, kind);
            var declaration = "public partial interface " + kind.InterfaceName;
            if (kind.Parents.Count > 0)
            {
                var parents = new string[kind.Parents.Count];
                for (int i = 0; i < parents.Length; i++)
                {
                    parents[i] = context.InterfaceType(context.Kind(kind.Parents[i]));
                }

                declaration += " : " + string.Join(", ", parents);
            }

            writer.OpenBlock(declaration);
            var inherited = InheritedPropertyNames(context, kind);
            for (int i = 0; i < kind.OwnFields.Count; i++)
            {
                var field = kind.OwnFields[i];
                if (i > 0)
                {
                    writer.WriteLine();
                }

                writer.WriteSummary(CSharpText.XmlOr(field.Description, "The " + field.Name + " field."));
                // A field also declared by an ancestor reached through a secondary parent (same field, by the
                // diamond rule) would otherwise warn CS0108.
                var modifier = inherited.Contains(field.PropertyName) ? "new " : string.Empty;
                writer.WriteLine(modifier + FieldCode.PropertyType(field) + " " + field.PropertyName + " { get; }");
            }

            writer.CloseBlock();
        }

        /// <summary>The property names the interface inherits: the own fields of every ancestor, by any path.</summary>
        private static HashSet<string> InheritedPropertyNames(EmitContext context, KindSpec kind)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ancestor in kind.Ancestors)
            {
                foreach (var field in context.Kind(ancestor).OwnFields)
                {
                    names.Add(field.PropertyName);
                }
            }

            return names;
        }
    }
}
