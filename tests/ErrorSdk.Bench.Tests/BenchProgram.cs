using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace ErrorSdk.Bench.Tests
{
    /// <summary>Runs the benchmark program, built beside this test assembly's configuration, as a separate process.</summary>
    internal static class BenchProgram
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

        public static string ProjectDirectory { get; } = Path.Combine(RepositoryRoot(), "bench", "ErrorSdk.Bench");

        public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunProjectAsync("ErrorSdk.Bench", arguments);

        /// <summary>Runs the program of bench/<paramref name="project"/> (built by a project reference of this test project).</summary>
        public static async Task<(int ExitCode, string Output)> RunProjectAsync(string project, params string[] arguments)
        {
            // The program as the bench project built it (its own runtimeconfig and deps), not the copy referenced here.
            var configuration = typeof(BenchProgram).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var projectDirectory = Path.Combine(RepositoryRoot(), "bench", project);
            var program = Path.Combine(projectDirectory, "bin", configuration, "net10.0", project + ".dll");
            Assert.True(File.Exists(program), "The benchmark program was not built: " + program);

            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = projectDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(program);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
            var output = new StringBuilder();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The benchmark program did not finish within " + Timeout + ".");
            }

            output.Append(await stdout).Append(await stderr);
            return (process.ExitCode, output.ToString());
        }

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ErrorSdk.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("ErrorSdk.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
