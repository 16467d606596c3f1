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
            // The buffer is this method's own and never written again: wrap it rather than copy it.
            return UnsafeByteOperations.UnsafeWrap(buffer);
        }

        /// <summary>
        /// Decodes an ErrorInfo; throws <see cref="InvalidProtocolBufferException"/> on malformed bytes. A domain equal to
        /// <paramref name="knownDomain"/> comes back as that instance.
        /// </summary>
        public static void Decode(ByteString bytes, string? knownDomain, out string reason, out string domain, out MetadataMap metadata)
        {
            // Well-formed bytes are read in place; anything else is read again by CodedInputStream, as it always was.
            if (!ProtoReader.TryCreate(bytes, out var reader) || !TryDecode(reader, knownDomain, out reason, out domain, out metadata))
            {
                DecodeWithCodedInputStream(bytes, out reason, out domain, out metadata);
            }
        }

        private static bool TryDecode(ProtoReader input, string? knownDomain, out string reason, out string domain, out MetadataMap metadata)
        {
            reason = string.Empty;
            domain = string.Empty;
            metadata = MetadataMap.Empty;
            var entries = default(MetadataMap.Builder);
            while (!input.IsAtEnd)
            {
                if (!input.TryReadTag(out uint tag))
                {
                    return false;
                }

                bool read = tag switch
                {
                    ReasonTag => input.TryReadString(out reason),
                    DomainTag => input.TryReadString(knownDomain, out domain),
                    MetadataTag => input.TryReadMessage(out var entry) && TryReadEntry(entry, ref entries),
                    _ => input.TrySkip(tag),
                };
                if (!read)
                {
                    return false;
                }
            }

            metadata = entries.ToMap();
            return true;
        }

        private static bool TryReadEntry(ProtoReader entry, ref MetadataMap.Builder entries)
        {
            string key = string.Empty;
            string value = string.Empty;
            while (!entry.IsAtEnd)
            {
                if (!entry.TryReadTag(out uint tag))
                {
                    return false;
                }

                bool read = tag switch
                {
                    KeyTag => entry.TryReadString(out key),
                    ValueTag => entry.TryReadString(out value),
                    _ => entry.TrySkip(tag),
                };
                if (!read)
                {
                    return false;
                }
            }

            // Proto map semantics: the last entry for a key wins.
            entries.Set(key, value);
            return true;
        }

        private static void DecodeWithCodedInputStream(ByteString bytes, out string reason, out string domain, out MetadataMap metadata)
        {
            reason = string.Empty;
            domain = string.Empty;
            var entries = default(MetadataMap.Builder);
            var input = new CodedInputStream(bytes.ToByteArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case ReasonTag:
                        reason = input.ReadString();
                        break;
                    case DomainTag:
                        domain = input.ReadString();
                        break;
                    case MetadataTag:
                        ReadEntry(input.ReadBytes(), ref entries);
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            metadata = entries.ToMap();
        }

        private static void ReadEntry(ByteString entryBytes, ref MetadataMap.Builder entries)
        {
            var entry = new CodedInputStream(entryBytes.ToByteArray());
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

            // Proto map semantics: the last entry for a key wins.
            entries.Set(key, value);
        }

        private static int EntrySize(KeyValuePair<string, string> entry) =>
            1 + CodedOutputStream.ComputeStringSize(entry.Key) + 1 + CodedOutputStream.ComputeStringSize(entry.Value);
    }
}
