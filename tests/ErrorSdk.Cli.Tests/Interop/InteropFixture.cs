using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ErrorSdk.Cli.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>One conformance vector, as the C# side reads it.</summary>
    internal sealed record Vector(
        string Reason,
        string Domain,
        int Code,
        string CodeName,
        int HttpStatus,
        string Retry,
        TimeSpan? RetryAfter,
        string Message,
        IReadOnlyDictionary<string, string> Metadata);

    /// <summary>
    /// What the interop tests share: the vectors of the default taxonomy (emitted by the CLI), and, built once on
    /// first use, the Python google.rpc modules (Debian's protoc), the generated Python SDK and the Go peer binary
    /// (Debian's Go packages, the generated Go SDK).
    /// </summary>
    public sealed class InteropFixture : IDisposable
    {
        public const string MethodPrefix = "/errorsdk.interop.v1.Conformance/";

        private readonly TempDirectory _temp = new TempDirectory("errorsdk-interop-");
        private readonly Lazy<string> _pythonModules;
        private readonly Lazy<string> _goBinary;
        private readonly Lazy<string> _pythonSdk;

        public InteropFixture()
        {
            VectorsPath = _temp.Path("vectors.json");
            var result = CliRunner.Run("emit", "vectors", Repo.DefaultTaxonomy, "-o", VectorsPath);
            if (result.ExitCode != ExitCodes.Success)
            {
                throw new InvalidOperationException("emit vectors failed: " + result);
            }

            using var document = JsonDocument.Parse(File.ReadAllText(VectorsPath));
            Domain = document.RootElement.GetProperty("taxonomy").GetProperty("domain").GetString()!;
            Vectors = document.RootElement.GetProperty("vectors").EnumerateArray().Select(Read).ToList();
            _pythonModules = new Lazy<string>(BuildPythonModules);
            _goBinary = new Lazy<string>(BuildGo);
            _pythonSdk = new Lazy<string>(() => GeneratedPeers.EmitPythonSdk(Repo.DefaultTaxonomy, _temp.Path("python-sdk")));
        }

        public string VectorsPath { get; }

        public string Domain { get; }

        internal IReadOnlyList<Vector> Vectors { get; }

        public string TempPath(string name) => _temp.Path(name);

        /// <summary>A directory with google/rpc/status_pb2.py and error_details_pb2.py.</summary>
        public string PythonModules => _pythonModules.Value;

        /// <summary>The Python package `errorsdk emit python` generates from the default taxonomy (the peer's <c>--sdk</c>).</summary>
        public string PythonSdk => _pythonSdk.Value;

        /// <summary>The built tests/interop/go program, on the Go package `errorsdk emit go` generates from the default taxonomy.</summary>
        public string GoBinary => _goBinary.Value;

        public static string PythonScript => Repo.Path("tests", "interop", "python", "interop.py");

        public void Dispose() => _temp.Dispose();

        private static Vector Read(JsonElement v) => new Vector(
            v.GetProperty("reason").GetString()!,
            v.GetProperty("domain").GetString()!,
            v.GetProperty("code").GetProperty("value").GetInt32(),
            v.GetProperty("code").GetProperty("name").GetString()!,
            v.GetProperty("httpStatus").GetInt32(),
            v.GetProperty("retry").GetString()!,
            v.GetProperty("retryAfter").ValueKind == JsonValueKind.Null ? null : FieldCodec.ParseDuration(v.GetProperty("retryAfter").GetString()),
            v.GetProperty("message").GetString()!,
            v.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));

        private string BuildPythonModules()
        {
            Prerequisites.RequirePython();
            var protoc = Prerequisites.RequireProtoc();
            var output = _temp.Path("pb2");
            Directory.CreateDirectory(output);
            var protos = Repo.Path("tests", "interop", "python", "protos");
            var result = ExternalProcess.Run(protoc, new[]
            {
                "-I" + protos, "-I/usr/include", "--python_out=" + output,
                Path.Combine(protos, "google", "rpc", "status.proto"),
                Path.Combine(protos, "google", "rpc", "error_details.proto"),
            });
            Assert.True(result.ExitCode == 0, "protoc failed: " + result);
            return output;
        }

        private string BuildGo() => GeneratedPeers.BuildGoPeer(Repo.DefaultTaxonomy, _temp.Path("go"));
    }

    /// <summary>The interop tests run one at a time: each starts servers, and the machine has two cores.</summary>
    [CollectionDefinition(Name)]
    public sealed class InteropCollection : ICollectionFixture<InteropFixture>
    {
        public const string Name = "Interop";
    }
}
