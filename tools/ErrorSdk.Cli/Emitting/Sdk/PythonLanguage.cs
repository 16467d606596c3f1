using System.Collections.Generic;
using System.Text.RegularExpressions;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Emitting.Sdk
{
    /// <summary>Python names: snake_case attributes and keywords, <c>grpc.StatusCode</c> members, a package directory.</summary>
    internal sealed class PythonLanguage : SdkLanguage
    {
        /// <summary>The one instance.</summary>
        public static readonly PythonLanguage Instance = new PythonLanguage();

        // Keywords, soft keywords and builtins a parameter would shadow, and every member the generated base class
        // and Exception already have: a field with one of these names gets a trailing underscore.
        private static readonly HashSet<string> Taken = new HashSet<string>
        {
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
            "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type", "self", "cls",
            "args", "with_traceback", "add_note", "reason", "domain", "code", "code_value", "http_status", "retry",
            "is_retryable", "retry_after", "metadata", "developer_message", "received_status", "message", "to_status",
            "abort", "fields", "values", "object", "str", "int", "bool", "float", "dict", "list", "grpc", "datetime",
        };

        /// <inheritdoc />
        public override string Name => "python";

        /// <inheritdoc />
        public override IReadOnlyList<string> Templates { get; } = new[] { "python/__init__.py.scriban", "python/py.typed.scriban" };

        /// <inheritdoc />
        public override string DefaultPackage(TaxonomySpec spec) => ToSnake(spec.Name) + "_errors";

        /// <inheritdoc />
        public override bool IsValidPackage(string name) => Regex.IsMatch(name, "^[a-z_][a-z0-9_]*$") && !Taken.Contains(name);

        /// <inheritdoc />
        public override string Member(FieldSpec field) => Escape(ToSnake(field.Name), Taken, "_");

        /// <inheritdoc />
        public override string Parameter(FieldSpec field) => Member(field);

        /// <inheritdoc />
        public override string TypeName(FieldKind type, bool optional)
        {
            var name = type switch
            {
                FieldKind.Int => "int",
                FieldKind.Bool => "bool",
                FieldKind.Duration => "datetime.timedelta",
                _ => "str",
            };
            return optional ? "Optional[" + name + "]" : name;
        }

        /// <inheritdoc />
        public override string CodeIdentifier(string codeName) => codeName;

        /// <inheritdoc />
        public override string RetryIdentifier(RetryKind retry) => Vocabulary.NameOf(retry).ToUpperInvariant();

        /// <inheritdoc />
        public override string OutputPath(string package, string template) =>
            System.IO.Path.Combine(package, System.IO.Path.GetFileName(template).Replace(".scriban", string.Empty));
    }
}
