using System.Collections.Generic;
using System.Text;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>A <c>{field}</c> placeholder: the field name and where the placeholder (braces included) sits in the template.</summary>
    internal sealed class TemplatePlaceholder
    {
        public TemplatePlaceholder(string name, int index, int length)
        {
            Name = name;
            Index = index;
            Length = length;
        }

        public string Name { get; }

        public int Index { get; }

        public int Length { get; }
    }

    /// <summary>A brace problem at [Index, Index + Length) of the template; Problem completes "The message ... has ...".</summary>
    internal sealed class TemplateError
    {
        public TemplateError(int index, int length, string problem)
        {
            Index = index;
            Length = length;
            Problem = problem;
        }

        public int Index { get; }

        public int Length { get; }

        public string Problem { get; }
    }

    internal sealed class ParsedTemplate
    {
        public ParsedTemplate(MessageTemplateSpec spec, List<TemplatePlaceholder> placeholders, List<TemplateError> errors)
        {
            Spec = spec;
            Placeholders = placeholders;
            Errors = errors;
        }

        public MessageTemplateSpec Spec { get; }

        public List<TemplatePlaceholder> Placeholders { get; }

        public List<TemplateError> Errors { get; }
    }

    /// <summary>
    /// Splits a message template into literal and field parts: <c>{name}</c> inserts a field, <c>{{</c> and <c>}}</c>
    /// are literal braces (the .NET composite-format convention). Indices refer to the decoded string value.
    /// </summary>
    internal static class MessageTemplateParser
    {
        public static ParsedTemplate Parse(string template)
        {
            var parts = new List<TemplatePart>();
            var placeholders = new List<TemplatePlaceholder>();
            var errors = new List<TemplateError>();
            var literal = new StringBuilder();
            int i = 0;
            while (i < template.Length)
            {
                char c = template[i];
                if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
                {
                    literal.Append('{');
                    i += 2;
                }
                else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
                {
                    literal.Append('}');
                    i += 2;
                }
                else if (c == '}')
                {
                    errors.Add(new TemplateError(i, 1, "a lone '}' with no placeholder to close"));
                    i++;
                }
                else if (c == '{')
                {
                    i = ReadPlaceholder(template, i, parts, placeholders, errors, literal);
                }
                else
                {
                    literal.Append(c);
                    i++;
                }
            }

            Flush(parts, literal);
            return new ParsedTemplate(new MessageTemplateSpec(template, parts.ToEquatableArray()), placeholders, errors);
        }

        private static int ReadPlaceholder(string template, int open, List<TemplatePart> parts, List<TemplatePlaceholder> placeholders, List<TemplateError> errors, StringBuilder literal)
        {
            // Scan only to the next brace, so a long run of '{' stays linear.
            int close = open + 1;
            while (close < template.Length && template[close] != '}' && template[close] != '{')
            {
                close++;
            }

            if (close >= template.Length || template[close] == '{')
            {
                errors.Add(new TemplateError(open, 1, "a '{' that starts a placeholder with no closing '}'"));
                return open + 1;
            }

            string name = template.Substring(open + 1, close - open - 1);
            if (name.Length == 0)
            {
                errors.Add(new TemplateError(open, 2, "an empty placeholder '{}'"));
                return close + 1;
            }

            Flush(parts, literal);
            parts.Add(new TemplatePart(true, name));
            placeholders.Add(new TemplatePlaceholder(name, open, close - open + 1));
            return close + 1;
        }

        private static void Flush(List<TemplatePart> parts, StringBuilder literal)
        {
            if (literal.Length > 0)
            {
                parts.Add(new TemplatePart(false, literal.ToString()));
                literal.Clear();
            }
        }
    }
}
