using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>Field names and types, inherited-field collisions, and the diamond rule for secondary parents.</summary>
    internal static class FieldRules
    {
        public static void CheckOwnFields(ValidationContext context, KindState kind)
        {
            var diagnostics = context.Diagnostics;
            string reason = NameRules.Shorten(kind.Reason);
            kind.FieldsIncomplete = kind.Raw.FieldsInvalid;
            foreach (var raw in kind.Raw.Fields)
            {
                string? problem = NameRules.FieldNameProblem(raw.Name);
                if (problem != null)
                {
                    diagnostics.Report(DiagnosticIds.InvalidFieldName, raw.NameSpan, NameRules.Shorten(raw.Name), reason, problem);
                }

                string property = NameCase.CamelToPascal(raw.Name);
                if (problem == null)
                {
                    CheckMemberCollision(context, kind, raw.Name, property, raw.NameSpan);
                }

                if (raw.Type == null)
                {
                    // Missing or not a string: already reported; checks that need every field are skipped.
                    kind.FieldsIncomplete = true;
                    continue;
                }

                int type = Array.IndexOf(Vocabulary.FieldTypes, raw.Type.Value);
                if (type < 0)
                {
                    diagnostics.Report(DiagnosticIds.InvalidFieldType, raw.Type.Span, NameRules.Shorten(raw.Type.Value), NameRules.Shorten(raw.Name), reason);
                    kind.FieldsIncomplete = true;
                    continue;
                }

                kind.OwnFields.Add(new FieldSpec(raw.Name, property, (FieldKind)type, raw.Optional, raw.Sensitive, raw.Description, kind.Reason));
                kind.OwnFieldSpans[raw.Name] = raw.NameSpan;
            }

            kind.OwnFields.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        private static void CheckMemberCollision(ValidationContext context, KindState kind, string name, string property, SourceSpan span)
        {
            string? with = null;
            if (NameRules.BaseExceptionMembers.Contains(property))
            {
                with = "the inherited member '" + property + "' of TaxonomyException";
            }
            else if (Array.IndexOf(NameRules.GeneratedExceptionMembers, property) >= 0)
            {
                with = "the member '" + property + "' every generated exception declares";
            }
            else if (property == kind.ClassName)
            {
                with = "the name of its own class";
            }
            else if (property == kind.InterfaceName)
            {
                with = "the name of its own interface";
            }

            if (with != null)
            {
                context.Diagnostics.Report(DiagnosticIds.FieldMemberCollision, span, name, NameRules.Shorten(kind.Reason), property, with);
            }
        }

        /// <summary>AllFields = the first parent's AllFields, then own fields; an own field may not redeclare an inherited one.</summary>
        public static void ResolveAllFields(ValidationContext context, KindState kind, KindState? firstParent)
        {
            if (firstParent != null)
            {
                kind.AllFields.AddRange(firstParent.AllFields);
            }

            foreach (var field in kind.OwnFields)
            {
                var inherited = firstParent?.FindField(field.Name);
                if (inherited != null)
                {
                    context.Diagnostics.Report(DiagnosticIds.FieldHidesInherited, kind.OwnFieldSpans[field.Name], field.Name, NameRules.Shorten(kind.Reason), inherited.DeclaringReason);
                    continue;
                }

                kind.AllFields.Add(field);
            }
        }

        /// <summary>
        /// A kind that reaches an ancestor only through a secondary parent implements that ancestor's interface without
        /// inheriting its fields, so it must declare them itself, identically. Ancestors reachable through the first parent
        /// are that parent's responsibility (checked on it), which keeps one diagnostic per defect.
        /// </summary>
        public static void CheckDiamonds(ValidationContext context, KindState kind)
        {
            if (kind.Parents.Count < 2 || kind.FieldsIncomplete)
            {
                return;
            }

            var first = kind.Parents[0];
            var inheritedThroughFirst = new HashSet<KindState>(first.Ancestors) { first };
            foreach (var ancestor in kind.Ancestors)
            {
                if (inheritedThroughFirst.Contains(ancestor) || ancestor.FieldsIncomplete)
                {
                    continue;
                }

                foreach (var expected in ancestor.OwnFields)
                {
                    var actual = kind.FindField(expected.Name);
                    if (actual != null && actual.Type == expected.Type && actual.Optional == expected.Optional && actual.Sensitive == expected.Sensitive)
                    {
                        continue;
                    }

                    string problem = actual == null ? "it has no such field" : "its field '" + actual.Name + "' is " + Describe(actual);
                    var span = actual != null && kind.OwnFieldSpans.TryGetValue(actual.Name, out var own) && actual.DeclaringReason == kind.Reason
                        ? own
                        : kind.Raw.PropertyNames.TryGetValue("parents", out var parents) ? parents : kind.Raw.ReasonSpan;
                    context.Diagnostics.Report(DiagnosticIds.DiamondFieldConflict, span, NameRules.Shorten(kind.Reason), ancestor.Reason, expected.Name, Describe(expected), problem);
                }
            }
        }

        /// <summary>"int, required" or "string, optional, sensitive": how the diamond diagnostic shows a field.</summary>
        public static string Describe(FieldSpec field) =>
            Vocabulary.NameOf(field.Type) + (field.Optional ? ", optional" : ", required") + (field.Sensitive ? ", sensitive" : string.Empty);

        public static string FieldList(IEnumerable<FieldSpec> fields)
        {
            var names = fields.Select(f => f.Name).ToList();
            return names.Count == 0 ? "none" : string.Join(", ", names);
        }
    }
}
