using System;
using System.Collections.Generic;
using System.Text;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Emitting.Sdk
{
    /// <summary>How one target language names things: the only language-specific part of the template model.</summary>
    internal abstract class SdkLanguage
    {
        /// <summary>The target's command name and template folder: <c>python</c>, <c>go</c>.</summary>
        public abstract string Name { get; }

        /// <summary>The default package name for a taxonomy.</summary>
        public abstract string DefaultPackage(TaxonomySpec spec);

        /// <summary>Whether <paramref name="name"/> is a valid package name in the language.</summary>
        public abstract bool IsValidPackage(string name);

        /// <summary>A field's attribute or struct-field name.</summary>
        public abstract string Member(FieldSpec field);

        /// <summary>A field's constructor parameter name.</summary>
        public abstract string Parameter(FieldSpec field);

        /// <summary>The field's type; <paramref name="optional"/> adds the language's optionality.</summary>
        public abstract string TypeName(FieldKind type, bool optional);

        /// <summary>A gRPC code name (<c>RESOURCE_EXHAUSTED</c>) in the language's spelling.</summary>
        public abstract string CodeIdentifier(string codeName);

        /// <summary>A retry policy in the language's spelling.</summary>
        public abstract string RetryIdentifier(RetryKind retry);

        /// <summary>The templates of the target, as paths under Templates/ (their output name is the path without <c>.scriban</c>).</summary>
        public abstract IReadOnlyList<string> Templates { get; }

        /// <summary>Where the output of one template goes under the output directory.</summary>
        public abstract string OutputPath(string package, string template);

        /// <summary><c>statusCode</c> → <c>status_code</c>; <c>HTTPError</c> → <c>http_error</c>.</summary>
        public static string ToSnake(string camel) => NameCase.PascalToUpperSnake(camel).ToLowerInvariant();

        /// <summary><c>statusCode</c> → <c>StatusCode</c>.</summary>
        public static string ToPascal(string camel) => camel.Length == 0 ? camel : char.ToUpperInvariant(camel[0]) + camel.Substring(1);

        /// <summary><c>UPPER_SNAKE</c> → <c>UpperSnake</c>.</summary>
        public static string UpperSnakeToPascal(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var word in name.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(word[0]).Append(word.Substring(1).ToLowerInvariant());
            }

            return builder.ToString();
        }

        /// <summary>Appends <paramref name="suffix"/> while <paramref name="name"/> is taken.</summary>
        protected static string Escape(string name, ICollection<string> taken, string suffix)
        {
            while (taken.Contains(name))
            {
                name += suffix;
            }

            return name;
        }
    }
}
