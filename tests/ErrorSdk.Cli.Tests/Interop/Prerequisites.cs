using System.IO;
using ErrorSdk.Cli.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>
    /// The Debian packages the live interop tests run on. A missing one fails the test with the package to install
    /// (never a skip): .ci/install-deps installs them all.
    /// </summary>
    internal static class Prerequisites
    {
        /// <summary>Debian's python3: a pyenv python earlier on PATH does not see Debian's python3-grpcio.</summary>
        public const string Python = "/usr/bin/python3";

        /// <summary>Debian's Go packages live here; GOPATH mode (GO111MODULE=off) builds offline against them.</summary>
        public const string GoCode = "/usr/share/gocode";

        public static void RequirePython()
        {
            Require(File.Exists(Python), "python3", Python + " is missing");
            var grpc = ExternalProcess.Run(Python, new[] { "-c", "import grpc" });
            Require(grpc.ExitCode == 0, "python3-grpcio", "Debian's python3 cannot import grpc: " + grpc.Error.Trim());
            var protobuf = ExternalProcess.Run(Python, new[] { "-c", "import google.protobuf" });
            Require(protobuf.ExitCode == 0, "python3-protobuf", "Debian's python3 cannot import google.protobuf: " + protobuf.Error.Trim());
        }

        public static string RequireProtoc()
        {
            var protoc = ExternalProcess.FindOnPath("protoc");
            Require(protoc is not null, "protobuf-compiler", "protoc is not on PATH");
            Require(File.Exists("/usr/include/google/protobuf/any.proto"), "libprotobuf-dev", "the well-known .proto files (/usr/include/google/protobuf) are missing");
            return protoc!;
        }

        public static string RequireGo()
        {
            var go = ExternalProcess.FindOnPath("go") ?? (File.Exists("/usr/bin/go") ? "/usr/bin/go" : null);
            Require(go is not null, "golang-go", "go is not on PATH");
            Require(Directory.Exists(Path.Combine(GoCode, "src", "google.golang.org", "grpc")), "golang-google-grpc-dev", "grpc-go is not in " + GoCode);
            Require(Directory.Exists(Path.Combine(GoCode, "src", "google.golang.org", "genproto", "googleapis", "rpc")), "golang-google-genproto-dev", "genproto's google.rpc packages are not in " + GoCode);
            return go!;
        }

        private static void Require(bool condition, string package, string problem) =>
            Assert.True(condition, problem + ". Install the Debian package '" + package + "': apt-get install -y " + package + " (.ci/install-deps installs every interop dependency).");
    }
}
