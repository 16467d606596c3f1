using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ErrorSdk.Cli.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Cli.Tests.Schema
{
    /// <summary>
    /// A real JSON Schema 2020-12 validator, ajv, run by Node.js. JsonSchema.Net cannot be restored here (the NuGet
    /// source serves none of its JsonPointer.Net / Json.More.Net dependencies in any version), so the parity test
    /// installs ajv from the npm registry, pinned, into a cache folder under the temp directory on first use.
    /// </summary>
    public sealed class AjvValidator
    {
        /// <summary>The pinned ajv version.</summary>
        public const string Version = "8.17.1";

        private const string Script = @"
const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020').default;
const [schemaPath, listPath] = process.argv.slice(2);
// strictRequired off: the schema's if/then names properties declared beside it, which strict mode flags.
const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
const out = {};
for (const file of JSON.parse(fs.readFileSync(listPath, 'utf8'))) {
  let data;
  try { data = JSON.parse(fs.readFileSync(file, 'utf8')); }
  catch (e) { out[file] = { valid: false, errors: ['not JSON: ' + e.message] }; continue; }
  const valid = validate(data);
  out[file] = { valid, errors: valid ? [] : validate.errors.map(e => (e.instancePath || '/') + ' ' + e.message) };
}
process.stdout.write(JSON.stringify(out));
";

        private readonly Lazy<string> _directory = new Lazy<string>(Install);

        /// <summary>Validates every file against <paramref name="schemaPath"/>: path → (valid, errors).</summary>
        public IReadOnlyDictionary<string, (bool Valid, IReadOnlyList<string> Errors)> Validate(string schemaPath, IReadOnlyList<string> files)
        {
            var directory = _directory.Value;
            var list = Path.Combine(directory, "files-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(list, JsonSerializer.Serialize(files));
            try
            {
                var result = ExternalProcess.Run(Node()!, new[] { Path.Combine(directory, "validate.js"), schemaPath, list }, directory);
                Assert.True(result.ExitCode == 0, "ajv failed: " + result);
                using var report = JsonDocument.Parse(result.Output);
                return report.RootElement.EnumerateObject().ToDictionary(
                    p => p.Name,
                    p => (p.Value.GetProperty("valid").GetBoolean(),
                          (IReadOnlyList<string>)p.Value.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList()));
            }
            finally
            {
                File.Delete(list);
            }
        }

        private static string? Node() => ExternalProcess.FindOnPath("node") ?? ExternalProcess.FindOnPath("nodejs");

        private static string Install()
        {
            var node = Node();
            var npm = ExternalProcess.FindOnPath("npm");
            Assert.True(node is not null, "Node.js is missing: the schema parity test runs ajv with it. Install the Debian package 'nodejs' (apt-get install -y nodejs npm; .ci/install-deps does it).");
            Assert.True(npm is not null, "npm is missing: the schema parity test installs ajv with it. Install the Debian package 'npm' (apt-get install -y npm; .ci/install-deps does it).");

            var directory = Path.Combine(Path.GetTempPath(), "errorsdk-ajv-" + Version);
            var marker = Path.Combine(directory, "node_modules", "ajv", "dist", "2020.js");
            if (!File.Exists(marker))
            {
                // Install beside, then move into place, so a half-finished install is never reused.
                var staging = directory + "-" + Guid.NewGuid().ToString("N");
                Directory.CreateDirectory(staging);
                var result = ExternalProcess.Run(
                    npm!,
                    new[] { "install", "--prefix", staging, "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", "ajv@" + Version },
                    staging,
                    timeout: TimeSpan.FromMinutes(5));
                Assert.True(result.ExitCode == 0, "npm could not install ajv@" + Version + " from the npm registry: " + result);
                try
                {
                    if (Directory.Exists(directory))
                    {
                        Directory.Delete(directory, recursive: true);
                    }

                    Directory.Move(staging, directory);
                }
                catch (IOException) when (File.Exists(marker))
                {
                    // Another test run installed it at the same time: use theirs.
                    Directory.Delete(staging, recursive: true);
                }
            }

            File.WriteAllText(Path.Combine(directory, "validate.js"), Script);
            return directory;
        }
    }
}
