using System.CommandLine;
using System.IO;
using ErrorSdk.Cli.Emitting;
using ErrorSdk.Cli.Loading;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Commands
{
    /// <summary><c>errorsdk emit proto|catalog|vectors|grpc-service-config TAXONOMY [-o FILE]</c> and <c>emit python|go TAXONOMY -o DIR</c>.</summary>
    internal static class EmitCommand
    {
        public static Command Create()
        {
            var emit = new Command("emit", "Emit an artifact generated from a valid taxonomy. Output is deterministic: the same taxonomy gives the same bytes.");
            emit.Subcommands.Add(Artifact(
                "proto",
                "A proto3 file in proto_package with the reason enum (values prefixed with the enum name, e.g. ERROR_SDK_REASON_NOT_FOUND), reserved numbers and names.",
                (spec, path) => ProtoEmitter.Emit(spec, Path.GetFileName(path))));
            emit.Subcommands.Add(Artifact(
                "catalog",
                "A Markdown error catalog: one anchor per reason with code, HTTP status, retry, message, fields, parents and children, and a Mermaid inheritance diagram.",
                (spec, path) => CatalogEmitter.Emit(spec, Path.GetFileName(path))));
            emit.Subcommands.Add(Artifact(
                "vectors",
                "JSON conformance vectors: per non-abstract kind a sample google.rpc.Status (base64), its gRPC trailers, its RFC 9457 body and the values to read back.",
                (spec, _) => VectorEmitter.Emit(spec)));
            emit.Subcommands.Add(ServiceConfig());
            emit.Subcommands.Add(EmitSdkCommand.Python());
            emit.Subcommands.Add(EmitSdkCommand.Go());
            return emit;
        }

        private static Command Artifact(string name, string description, System.Func<TaxonomySpec, string, string> emitter)
        {
            var taxonomy = CommonOptions.TaxonomyArgument();
            var output = CommonOptions.OutputOption();
            var command = new Command(name, description) { taxonomy, output };
            command.SetAction(parseResult =>
            {
                var path = parseResult.GetValue(taxonomy)!;
                var spec = TaxonomyLoader.LoadValid(path, parseResult.InvocationConfiguration.Error, out int exitCode);
                return spec is null ? exitCode : CommonOptions.WriteArtifact(parseResult, parseResult.GetValue(output), emitter(spec, path));
            });
            return command;
        }

        private static Command ServiceConfig()
        {
            var taxonomy = CommonOptions.TaxonomyArgument();
            var output = CommonOptions.OutputOption();
            var services = new Option<string[]>("--service")
            {
                Description = "Fully qualified gRPC service the policy applies to (repeatable). Default: every service of the channel.",
                AllowMultipleArgumentsPerToken = false,
            };
            var maxAttempts = new Option<int>("--max-attempts")
            {
                Description = "retryPolicy.maxAttempts, the original call included (2 to 5; gRPC caps it at 5).",
                DefaultValueFactory = _ => RetryPolicySettings.Default.MaxAttempts,
            };
            maxAttempts.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<int>();
                if (value < 2 || value > 5)
                {
                    result.AddError("--max-attempts must be between 2 and 5.");
                }
            });
            var command = new Command(
                "grpc-service-config",
                "A gRPC service config whose retryPolicy.retryableStatusCodes holds the codes that only transient kinds carry.")
            {
                taxonomy,
                output,
                services,
                maxAttempts,
            };
            command.SetAction(parseResult =>
            {
                var path = parseResult.GetValue(taxonomy)!;
                var spec = TaxonomyLoader.LoadValid(path, parseResult.InvocationConfiguration.Error, out int exitCode);
                if (spec is null)
                {
                    return exitCode;
                }

                var settings = RetryPolicySettings.Default with { MaxAttempts = parseResult.GetValue(maxAttempts) };
                var content = ServiceConfigEmitter.Emit(spec, parseResult.GetValue(services) ?? System.Array.Empty<string>(), settings);
                return CommonOptions.WriteArtifact(parseResult, parseResult.GetValue(output), content);
            });
            return command;
        }
    }
}
