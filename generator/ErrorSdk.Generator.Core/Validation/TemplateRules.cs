using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>Placeholders of a kind's own message must name a non-sensitive field of the kind (inherited ones included).</summary>
    internal static class TemplateRules
    {
        public static void Check(ValidationContext context)
        {
            foreach (var kind in context.Kinds)
            {
                if (!kind.Resolved || kind.OwnMessage == null || kind.FieldsIncomplete)
                {
                    continue;
                }

                foreach (var placeholder in kind.OwnMessage.Placeholders)
                {
                    var span = SpanOf(context, kind, placeholder.Index, placeholder.Length);
                    var field = kind.FindField(placeholder.Name);
                    if (field == null)
                    {
                        context.Diagnostics.Report(DiagnosticIds.UnknownPlaceholder, span, NameRules.Shorten(placeholder.Name), NameRules.Shorten(kind.Reason), FieldRules.FieldList(kind.AllFields));
                    }
                    else if (field.Sensitive)
                    {
                        context.Diagnostics.Report(DiagnosticIds.SensitivePlaceholder, span, field.Name, NameRules.Shorten(kind.Reason));
                    }
                }
            }
        }

        /// <summary>The exact characters of the JSON literal that hold [index, index + length) of the decoded message.</summary>
        public static SourceSpan SpanOf(ValidationContext context, KindState kind, int index, int length)
        {
            var literal = kind.Raw.MessageLiteral;
            return literal == null
                ? kind.Raw.Message!.Span
                : context.Raw.Locator.SpanInString(literal, index, length);
        }
    }
}
