using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace ErrorSdk.Cli.Tests.Infrastructure
{
    /// <summary>What a finished process printed.</summary>
    internal sealed record ProcessResult(string Command, int ExitCode, string Output, string Error)
    {
        public override string ToString() => Command + " exited " + ExitCode + "\n--- stdout\n" + Output + "\n--- stderr\n" + Error;
    }

    /// <summary>Runs a program to completion with a time limit; a program still running then is killed.</summary>
    internal static class ExternalProcess
    {
        public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var entry in environment ?? new Dictionary<string, string>())
            {
                start.Environment[entry.Key] = entry.Value;
            }

            var command = fileName + " " + string.Join(" ", start.ArgumentList);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + command);
            process.StandardInput.Close();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)(timeout ?? TimeSpan.FromMinutes(3)).TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new ProcessResult(command + " (killed after the time limit)", -1, output.Result, error.Result);
            }

            process.WaitForExit();
            return new ProcessResult(command, process.ExitCode, output.Result, error.Result);
        }

        /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
        public static string? FindOnPath(string program)
        {
            if (Path.IsPathRooted(program))
            {
                return File.Exists(program) ? program : null;
            }

            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                if (directory.Length > 0 && File.Exists(Path.Combine(directory, program)))
                {
                    return Path.Combine(directory, program);
                }
            }

            return null;
        }
    }
}
