using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>
    /// A server of another language, started by the test: bound to 127.0.0.1 port 0, it prints "PORT n" once it
    /// listens. Its PID is recorded and it is killed (with its children) on dispose.
    /// </summary>
    internal sealed class PeerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();
        private readonly StringBuilder _error = new StringBuilder();
        private readonly TaskCompletionSource<int> _port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        public PeerProcess(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var entry in environment ?? new Dictionary<string, string>())
            {
                start.Environment[entry.Key] = entry.Value;
            }

            Command = fileName + " " + string.Join(" ", start.ArgumentList);
            _process = new Process { StartInfo = start, EnableRaisingEvents = true };
            _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (_error)
                    {
                        _error.AppendLine(e.Data);
                    }
                }
            };
            _process.Exited += (_, _) => _port.TrySetException(new InvalidOperationException("exited before it listened"));
            _process.Start();
            Pid = _process.Id;
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Command { get; }

        public int Pid { get; }

        /// <summary>Waits for the "PORT n" line.</summary>
        public int WaitForPort(TimeSpan timeout)
        {
            try
            {
                if (_port.Task.Wait(timeout))
                {
                    return _port.Task.Result;
                }
            }
            catch (AggregateException)
            {
                // Reported below with the process output.
            }

            Assert.Fail(Command + " (pid " + Pid + ") did not print its port within " + timeout + ": " + Describe());
            return 0;
        }

        public string Describe()
        {
            lock (_error)
            {
                return "\n--- stdout\n" + _output + "\n--- stderr\n" + _error;
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }

        private void OnOutput(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_error)
            {
                _output.AppendLine(line);
            }

            if (line.StartsWith("PORT ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(5), out int port))
            {
                _port.TrySetResult(port);
            }
        }
    }
}
