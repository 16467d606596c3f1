using System;
using System.IO;

namespace ErrorSdk.Cli.Tests.Infrastructure
{
    /// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
    internal sealed class TempDirectory : IDisposable
    {
        public TempDirectory(string prefix = "errorsdk-")
        {
            FullPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(FullPath);
        }

        public string FullPath { get; }

        public string Path(string name) => System.IO.Path.Combine(FullPath, name);

        public string Write(string name, string content)
        {
            var path = Path(name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(FullPath, recursive: true);
            }
            catch (IOException)
            {
                // A process we started may still hold a file for a moment; the OS cleans temp later.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
