using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Parsing;
using Scriban.Syntax;

namespace ErrorSdk.Cli.Emitting.Sdk
{
    /// <summary>A template problem at a place in a template file, reported like a taxonomy diagnostic.</summary>
    internal sealed class TemplateException : Exception
    {
        public TemplateException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Loads the Scriban templates of a target (embedded in the tool, or the same path under <c>--templates DIR</c>,
    /// which wins) and renders them over the model. Errors name the template file, line and column.
    /// </summary>
    internal static class SdkTemplates
    {
        private const string ResourcePrefix = "ErrorSdk.Cli.Templates.";

        /// <summary>The text of an embedded default template (<c>python/__init__.py.scriban</c>).</summary>
        public static string Default(string template)
        {
            var assembly = typeof(SdkTemplates).Assembly;
            var name = assembly.GetManifestResourceNames()
                .FirstOrDefault(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) &&
                                     n.Substring(ResourcePrefix.Length).Replace('\\', '/') == template)
                ?? throw new InvalidOperationException("No embedded template '" + template + "'.");
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        /// <summary>Where a template comes from: the override directory when it has the file, else the tool.</summary>
        public static (string Path, string Text) Load(string template, string? overrideDirectory)
        {
            if (overrideDirectory is not null)
            {
                var path = Path.Combine(overrideDirectory, template.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(path))
                {
                    return (path, File.ReadAllText(path));
                }
            }

            return ("(built-in) " + template, Default(template));
        }

        /// <summary>Renders one template over <paramref name="model"/>; a <see cref="TemplateException"/> says where it failed.</summary>
        public static string Render(string path, string text, TaxonomyModel model)
        {
            var template = Template.Parse(text, path);
            if (template.HasErrors)
            {
                throw new TemplateException(string.Join(Environment.NewLine, template.Messages.Select(m => Format(m.Span, m.Message))));
            }

            var globals = new ScriptObject();
            globals["taxonomy"] = model;
            globals.Import("py_str", new Func<string?, string>(StringLiteral));
            globals.Import("go_str", new Func<string?, string>(StringLiteral));
            globals.Import("one_line", new Func<string?, string>(OneLine));
            var context = new TemplateContext
            {
                StrictVariables = true,
                LoopLimit = int.MaxValue,
                EnableRelaxedMemberAccess = false,
                NewLine = "\n",
            };
            context.PushGlobal(globals);
            try
            {
                return template.Render(context);
            }
            catch (ScriptRuntimeException e)
            {
                throw new TemplateException(Format(e.Span, e.OriginalMessage));
            }
        }

        private static string Format(SourceSpan span, string message) =>
            span.FileName + "(" + (span.Start.Line + 1).ToString(CultureInfo.InvariantCulture) + "," +
            (span.Start.Column + 1).ToString(CultureInfo.InvariantCulture) + "): error: " + message;


        /// <summary>Text for a one-line comment: line breaks and control characters become spaces.</summary>
        public static string OneLine(string? value)
        {
            var builder = new StringBuilder();
            foreach (var c in Clean(value ?? string.Empty))
            {
                builder.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
            }

            return builder.ToString().Trim();
        }

        /// <summary>
        /// A double-quoted literal valid in Python and Go alike: backslash, quote and control characters escaped
        /// (<c>\n</c>, <c>\x01</c>), everything else as UTF-8; a lone surrogate becomes U+FFFD.
        /// </summary>
        public static string StringLiteral(string? value)
        {
            var builder = new StringBuilder("\"");
            foreach (var c in Clean(value ?? string.Empty))
            {
                switch (c)
                {
                    case '\\': builder.Append("\\\\"); break;
                    case '"': builder.Append("\\\""); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        builder.Append(c < 0x20 || c == 0x7F ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : c.ToString());
                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>Lone surrogates have no UTF-8 encoding: they become U+FFFD, as every UTF-8 writer does.</summary>
        private static string Clean(string value)
        {
            var builder = new StringBuilder(value.Length);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    builder.Append(c).Append(value[++i]);
                }
                else
                {
                    builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>Writes the files of one target for a taxonomy.</summary>
    internal static class SdkEmitter
    {
        /// <summary>Every output file (relative path → text) of <paramref name="language"/> for <paramref name="model"/>.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Emit(SdkLanguage language, TaxonomyModel model, string? templateDirectory)
        {
            var files = new List<KeyValuePair<string, string>>();
            foreach (var template in language.Templates)
            {
                var (path, text) = SdkTemplates.Load(template, templateDirectory);
                files.Add(new KeyValuePair<string, string>(language.OutputPath(model.Package, template), SdkTemplates.Render(path, text, model)));
            }

            return files;
        }
    }
}
