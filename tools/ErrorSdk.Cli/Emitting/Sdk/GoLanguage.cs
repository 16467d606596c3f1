using System.Collections.Generic;
using System.Text.RegularExpressions;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Emitting.Sdk
{
    /// <summary>Go names: exported PascalCase struct fields, lowerCamel parameters, <c>codes.Code</c> constants, files in the package directory.</summary>
    internal sealed class GoLanguage : SdkLanguage
    {
        /// <summary>The one instance.</summary>
        public static readonly GoLanguage Instance = new GoLanguage();

        // Methods every generated error type has: a struct field may not share a method's name.
        private static readonly HashSet<string> TakenMembers = new HashSet<string>
        {
            "Error", "Is", "As", "Unwrap", "GRPCStatus", "Reason", "Domain", "Code", "HTTPStatus", "Retry", "RetryAfter",
            "Metadata", "DeveloperMessage", "ReceivedStatus", "Message", "Kind",
        };

        // Keywords, predeclared identifiers and the packages the generated code imports: a parameter gets a trailing underscore.
        private static readonly HashSet<string> TakenParameters = new HashSet<string>
        {
            "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
            "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type",
            "var", "bool", "string", "int", "int32", "error", "true", "false", "nil", "len", "cap", "new", "make", "append",
            "copy", "delete", "panic", "recover", "print", "println", "close", "complex", "real", "imag", "any", "byte",
            "rune", "uint", "float64", "errors", "fmt", "strconv", "strings", "time", "url", "codes", "status", "proto",
            "ptypes", "errdetails", "spb", "any1", "options", "option", "e", "err",
        };

        /// <inheritdoc />
        public override string Name => "go";

        /// <inheritdoc />
        public override IReadOnlyList<string> Templates { get; } = new[] { "go/errors.go.scriban", "go/kinds.go.scriban", "go/wire.go.scriban" };

        /// <inheritdoc />
        public override string DefaultPackage(TaxonomySpec spec) => Regex.Replace(spec.Name.ToLowerInvariant(), "[^a-z0-9]", string.Empty) + "errors";

        /// <inheritdoc />
        public override bool IsValidPackage(string name) => Regex.IsMatch(name, "^[a-z][a-z0-9_]*$") && !TakenParameters.Contains(name);

        /// <inheritdoc />
        public override string Member(FieldSpec field) => Escape(ToPascal(field.Name), TakenMembers, "Value");

        /// <inheritdoc />
        public override string Parameter(FieldSpec field) => Escape(field.Name, TakenParameters, "_");

        /// <inheritdoc />
        public override string TypeName(FieldKind type, bool optional)
        {
            var name = type switch
            {
                FieldKind.Int => "int32",
                FieldKind.Bool => "bool",
                FieldKind.Duration => "time.Duration",
                FieldKind.Uri => "*url.URL",
                _ => "string",
            };
            return optional && type != FieldKind.Uri ? "*" + name : name;
        }

        /// <inheritdoc />
        public override string CodeIdentifier(string codeName) => codeName switch
        {
            "OK" => "OK",
            "CANCELLED" => "Canceled", // grpc-go spells it the American way
            _ => UpperSnakeToPascal(codeName),
        };

        /// <inheritdoc />
        public override string RetryIdentifier(RetryKind retry) => "Retry" + ToPascal(Vocabulary.NameOf(retry));

        /// <inheritdoc />
        public override string OutputPath(string package, string template) =>
            System.IO.Path.GetFileName(template).Replace(".scriban", string.Empty);
    }
}
