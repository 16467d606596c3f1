using System.Collections.Generic;
using Google.Protobuf;

namespace ErrorSdk.Wire
{
    /// <summary>
    /// Encodes and decodes <c>google.rpc.ErrorInfo</c> by field number (reason=1, domain=2, metadata=3), so the
    /// runtime does not depend on the name CommonProtos gives field 1 (<c>Type</c> in 2.0, <c>Reason</c> later).
    /// </summary>
    internal static class ErrorInfoCodec
    {
        public const string TypeName = "google.rpc.ErrorInfo";
        public const string TypeUrl = "type.googleapis.com/" + TypeName;

        private const uint ReasonTag = (1 << 3) | 2;
        private const uint DomainTag = (2 << 3) | 2;
        private const uint MetadataTag = (3 << 3) | 2;
        private const uint KeyTag = (1 << 3) | 2;
        private const uint ValueTag = (2 << 3) | 2;

        public static ByteString Encode(string reason, string domain, IEnumerable<KeyValuePair<string, string>> metadata)
        {
            int size = 0;
            if (reason.Length > 0)
            {
                size += 1 + CodedOutputStream.ComputeStringSize(reason);
            }

            if (domain.Length > 0)
            {
                size += 1 + CodedOutputStream.ComputeStringSize(domain);
            }

            foreach (var entry in metadata)
            {
                int entrySize = EntrySize(entry);
                size += 1 + CodedOutputStream.ComputeLengthSize(entrySize) + entrySize;
            }

            var buffer = new byte[size];
            var output = new CodedOutputStream(buffer);
            if (reason.Length > 0)
            {
                output.WriteTag(ReasonTag);
                output.WriteString(reason);
            }

            if (domain.Length > 0)
            {
                output.WriteTag(DomainTag);
                output.WriteString(domain);
            }

            foreach (var entry in metadata)
            {
                output.WriteTag(MetadataTag);
                output.WriteLength(EntrySize(entry));
                output.WriteTag(KeyTag);
                output.WriteString(entry.Key);
                output.WriteTag(ValueTag);
                output.WriteString(entry.Value);
            }

            output.Flush();
            return ByteString.CopyFrom(buffer);
        }

        /// <summary>
        /// Decodes an ErrorInfo within <paramref name="limits"/>: reason, domain, keys and values are cut and marked,
        /// keys past the entry limit are counted; throws <see cref="InvalidProtocolBufferException"/> on malformed bytes.
        /// </summary>
        public static DecodedErrorInfo Decode(ByteString bytes, WireLimits limits)
        {
            var result = new DecodedErrorInfo();
            var input = bytes.CreateCodedInput();
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case ReasonTag:
                        result.Reason = LimitedText.Cut(input.ReadString(), limits.MaxIdentifierLength, out bool reasonCut);
                        result.ReasonCut |= reasonCut;
                        break;
                    case DomainTag:
                        result.Domain = LimitedText.Cut(input.ReadString(), limits.MaxIdentifierLength, out bool domainCut);
                        result.DomainCut |= domainCut;
                        break;
                    case MetadataTag:
                        ReadEntry(input.ReadBytes(), limits, result);
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            return result;
        }

        private static void ReadEntry(ByteString entryBytes, WireLimits limits, DecodedErrorInfo result)
        {
            var entry = entryBytes.CreateCodedInput();
            string key = string.Empty;
            string value = string.Empty;
            uint tag;
            while ((tag = entry.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case KeyTag:
                        key = entry.ReadString();
                        break;
                    case ValueTag:
                        value = entry.ReadString();
                        break;
                    default:
                        entry.SkipLastField();
                        break;
                }
            }

            key = LimitedText.Cut(key, limits.MaxIdentifierLength, out bool keyCut);
            var metadata = result.Metadata;
            if (!metadata.ContainsKey(key) && metadata.Count >= limits.MaxMetadataEntries)
            {
                result.EntriesNotRead++;
                return;
            }

            if (keyCut)
            {
                result.KeysCut++;
            }

            value = LimitedText.Cut(value, limits.MaxMetadataValueLength, out bool valueCut);
            if (valueCut)
            {
                result.ValuesCut++;
            }

            // Proto map semantics: the last entry for a key wins.
            metadata[key] = value;
        }

        private static int EntrySize(KeyValuePair<string, string> entry) =>
            1 + CodedOutputStream.ComputeStringSize(entry.Key) + 1 + CodedOutputStream.ComputeStringSize(entry.Value);
    }

    /// <summary>An ErrorInfo as read within the limits, with what was cut.</summary>
    internal sealed class DecodedErrorInfo
    {
        public string Reason { get; set; } = string.Empty;

        public string Domain { get; set; } = string.Empty;

        public Dictionary<string, string> Metadata { get; } = new Dictionary<string, string>(System.StringComparer.Ordinal);

        public bool ReasonCut { get; set; }

        public bool DomainCut { get; set; }

        public int KeysCut { get; set; }

        public int ValuesCut { get; set; }

        public int EntriesNotRead { get; set; }
    }
}
