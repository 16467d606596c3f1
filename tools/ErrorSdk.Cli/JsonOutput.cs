using System.Text.Encodings.Web;
using System.Text.Json;

namespace ErrorSdk.Cli
{
    /// <summary>The one JSON writer setup of every command: indented, LF, readable non-ASCII.</summary>
    internal static class JsonOutput
    {
        /// <summary>Writer options shared by the JSON emitters, so every JSON artifact is byte-stable.</summary>
        public static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Artifacts are files for people and other languages, not HTML: keep é, ✓ and quotes readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
