using System;

namespace ErrorSdk
{
    /// <summary>
    /// How much of a received status the SDK reads: <see cref="ReceivedError.Read(Google.Rpc.Status, string, WireLimits)"/>
    /// and <see cref="GrpcWire.FromTrailers(System.Collections.Generic.IEnumerable{System.Collections.Generic.KeyValuePair{string, string}}, WireLimits)"/>
    /// never read past these limits. Whatever goes over a limit is cut and marked (text ends with
    /// <see cref="TruncationMarker"/>, and a problem is recorded), never silently dropped; the raw status stays
    /// available. Immutable, so one instance can be shared by every thread.
    /// </summary>
    public sealed class WireLimits
    {
        /// <summary>What ends a text that was cut at a limit.</summary>
        public const string TruncationMarker = "…[truncated]";

        /// <summary>The smallest allowed text limit: a cut text always has room for the marker.</summary>
        public const int MinTextLength = 32;

        /// <summary>The defaults: generous for any honest sender, small enough that a hostile one costs little.</summary>
        public static readonly WireLimits Default = new WireLimits();

        /// <summary>Creates limits; every argument left out keeps its default.</summary>
        /// <param name="maxDetails">Details of the status that are read (default 64); later ones are only counted.</param>
        /// <param name="maxMetadataEntries">Distinct ErrorInfo metadata keys that are kept (default 1,024).</param>
        /// <param name="maxIdentifierLength">Characters of an ErrorInfo reason, domain or metadata key (default 256).</param>
        /// <param name="maxMetadataValueLength">Characters of one metadata value (default 4,096).</param>
        /// <param name="maxMessageLength">Characters of the status message (default 8,192).</param>
        /// <param name="maxDebugDetailLength">Characters of the DebugInfo detail (default 16,384).</param>
        /// <param name="maxDetailsHeaderBytes">Bytes of <c>grpc-status-details-bin</c> decoded, all values together (default 65,536).</param>
        /// <exception cref="ArgumentOutOfRangeException">A count is negative, or a text limit is below <see cref="MinTextLength"/>.</exception>
        public WireLimits(
            int maxDetails = 64,
            int maxMetadataEntries = 1024,
            int maxIdentifierLength = 256,
            int maxMetadataValueLength = 4096,
            int maxMessageLength = 8192,
            int maxDebugDetailLength = 16384,
            int maxDetailsHeaderBytes = 65536)
        {
            MaxDetails = Count(maxDetails, nameof(maxDetails));
            MaxMetadataEntries = Count(maxMetadataEntries, nameof(maxMetadataEntries));
            MaxIdentifierLength = Text(maxIdentifierLength, nameof(maxIdentifierLength));
            MaxMetadataValueLength = Text(maxMetadataValueLength, nameof(maxMetadataValueLength));
            MaxMessageLength = Text(maxMessageLength, nameof(maxMessageLength));
            MaxDebugDetailLength = Text(maxDebugDetailLength, nameof(maxDebugDetailLength));
            MaxDetailsHeaderBytes = Count(maxDetailsHeaderBytes, nameof(maxDetailsHeaderBytes));
        }

        /// <summary>How many details of a status are read; the rest are counted in the problems and kept in the raw status.</summary>
        public int MaxDetails { get; }

        /// <summary>How many distinct metadata keys of an ErrorInfo are kept; the rest are counted in the problems.</summary>
        public int MaxMetadataEntries { get; }

        /// <summary>The longest ErrorInfo reason, domain or metadata key, in characters, marker included.</summary>
        public int MaxIdentifierLength { get; }

        /// <summary>The longest metadata value, in characters, marker included.</summary>
        public int MaxMetadataValueLength { get; }

        /// <summary>The longest status message, in characters, marker included.</summary>
        public int MaxMessageLength { get; }

        /// <summary>The longest DebugInfo detail, in characters, marker included.</summary>
        public int MaxDebugDetailLength { get; }

        /// <summary>
        /// How many bytes of <c>grpc-status-details-bin</c> are decoded, all values together; a value past the budget
        /// is not decoded and is recorded as a trailer problem.
        /// </summary>
        public int MaxDetailsHeaderBytes { get; }

        /// <inheritdoc />
        public override string ToString() =>
            "details " + MaxDetails + ", metadata entries " + MaxMetadataEntries + ", identifier " + MaxIdentifierLength +
            ", metadata value " + MaxMetadataValueLength + ", message " + MaxMessageLength + ", debug detail " +
            MaxDebugDetailLength + ", details header bytes " + MaxDetailsHeaderBytes;

        private static int Count(int value, string name) =>
            value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "A limit cannot be negative.");

        private static int Text(int value, string name) =>
            value >= MinTextLength ? value : throw new ArgumentOutOfRangeException(name, value, "A text limit must leave room for the truncation marker (at least " + MinTextLength + ").");
    }
}
