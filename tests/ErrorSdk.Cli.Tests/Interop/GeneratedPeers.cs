using System;
using System.Collections.Generic;
using System.IO;
using ErrorSdk.Cli.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>
    /// Builds the Python and Go peers of tests/interop for one taxonomy: the SDK `errorsdk emit python|go` generates
    /// from it (the peers raise and read errors only through it), the Go binary built offline against Debian's packages.
    /// </summary>
    internal static class GeneratedPeers
    {
        /// <summary>The import path the Go peer reads the generated package from (package name <c>taxonomy</c>).</summary>
        public const string GoImportPath = "errorsdk.dev/interop/taxonomy";

        /// <summary>Emits the Python package of <paramref name="taxonomy"/> under <paramref name="directory"/>; returns the package directory for <c>--sdk</c>.</summary>
        public static string EmitPythonSdk(string taxonomy, string directory)
        {
            var result = CliRunner.Run("emit", "python", taxonomy, "-o", directory, "--package", "taxonomy_errors");
            Assert.True(result.ExitCode == ExitCodes.Success, "emit python failed: " + result);
            return Path.Combine(directory, "taxonomy_errors");
        }

        /// <summary>Emits the Go package of <paramref name="taxonomy"/> into a GOPATH under <paramref name="directory"/> and builds the Go peer against it.</summary>
        public static string BuildGoPeer(string taxonomy, string directory)
        {
            var go = Prerequisites.RequireGo();
            var gopath = Path.Combine(directory, "gopath");
            var package = Path.Combine(gopath, "src", GoImportPath.Replace('/', Path.DirectorySeparatorChar));
            var emit = CliRunner.Run("emit", "go", taxonomy, "-o", package, "--package", "taxonomy");
            Assert.True(emit.ExitCode == ExitCodes.Success, "emit go failed: " + emit);

            var output = Path.Combine(directory, "interop-go");
            var result = ExternalProcess.Run(
                go,
                new[] { "build", "-o", output, Repo.Path("tests", "interop", "go", "interop", "main.go") },
                Repo.Path("tests", "interop", "go"),
                GoEnvironment(gopath),
                TimeSpan.FromMinutes(8));
            Assert.True(result.ExitCode == 0, "go build failed: " + result);
            return output;
        }

        /// <summary>GOPATH mode, offline: <paramref name="gopath"/> first, then Debian's /usr/share/gocode.</summary>
        public static Dictionary<string, string> GoEnvironment(string gopath) => new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = gopath + Path.PathSeparator + Prerequisites.GoCode,
            ["GOFLAGS"] = string.Empty,
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "errorsdk-go-build-cache"),
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? Path.GetTempPath(),
        };
    }
}
