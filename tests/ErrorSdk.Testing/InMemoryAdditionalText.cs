using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorSdk.Testing
{
    /// <summary>An additional file that lives in memory, as the IDE hands an open document to a generator.</summary>
    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText? _text;
        private readonly byte[]? _bytes;

        /// <summary>A file with <paramref name="text"/> as its content (UTF-8).</summary>
        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        private InMemoryAdditionalText(string path, byte[] bytes)
        {
            Path = path;
            _bytes = bytes;
        }

        /// <inheritdoc />
        public override string Path { get; }

        /// <summary>
        /// A file given as bytes, decoded the way the compiler decodes a file on disk (BOM detection, UTF-8 by default),
        /// so BOMs and invalid UTF-8 behave as in a build.
        /// </summary>
        public static InMemoryAdditionalText FromBytes(string path, byte[] bytes) => new InMemoryAdditionalText(path, bytes);

        /// <inheritdoc />
        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            _text ?? SourceText.From(new MemoryStream(_bytes!, writable: false), encoding: null, throwIfBinaryDetected: false);
    }
}
