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
        /// Decodes an ErrorInfo within <paramref name="limits"/>: reason, domain, keys and values are cut and marked,
        /// keys past the entry limit are counted; throws <see cref="InvalidProtocolBufferException"/> on malformed bytes.
        /// A domain equal to <paramref name="knownDomain"/> comes back as that instance.
        /// </summary>
        public static DecodedErrorInfo Decode(ByteString bytes, WireLimits limits, string? knownDomain = null)
        {
            // Well-formed bytes are read in place; anything else is read again by CodedInputStream, as it always was.
            if (ProtoReader.TryCreate(bytes, out var reader))
            {
                var result = default(DecodedErrorInfo);
                if (TryDecode(reader, limits, knownDomain, ref result))
                {
                    return result;
                }
            }

            return DecodeWithCodedInputStream(bytes, limits);
        }

        private static bool TryDecode(ProtoReader input, WireLimits limits, string? knownDomain, ref DecodedErrorInfo result)
        {
            while (!input.IsAtEnd)
            {
                if (!input.TryReadTag(out uint tag))
                {
                    return false;
                }

                switch (tag)
                {
                    case ReasonTag:
                        if (!input.TryReadString(out var reason))
                        {
                            return false;
                        }

                        SetReason(ref result, reason, limits);
                        break;
                    case DomainTag:
                        if (!input.TryReadString(knownDomain, out var domain))
                        {
                            return false;
                        }

                        SetDomain(ref result, domain, limits);
                        break;
                    case MetadataTag:
                        if (!input.TryReadMessage(out var entry) || !TryReadEntry(entry, out var key, out var value))
                        {
                            return false;
                        }

                        AddEntry(ref result, key, value, limits);
                        break;
                    default:
                        if (!input.TrySkip(tag))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }

        private static bool TryReadEntry(ProtoReader entry, out string key, out string value)
        {
            key = string.Empty;
            value = string.Empty;
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

            return true;
        }

        private static DecodedErrorInfo DecodeWithCodedInputStream(ByteString bytes, WireLimits limits)
        {
            var result = default(DecodedErrorInfo);
            var input = bytes.CreateCodedInput();
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case ReasonTag:
                        SetReason(ref result, input.ReadString(), limits);
                        break;
                    case DomainTag:
                        SetDomain(ref result, input.ReadString(), limits);
                        break;
                    case MetadataTag:
                        ReadEntry(input.ReadBytes(), limits, ref result);
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            return result;
        }

        private static void ReadEntry(ByteString entryBytes, WireLimits limits, ref DecodedErrorInfo result)
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

            AddEntry(ref result, key, value, limits);
        }

        private static void SetReason(ref DecodedErrorInfo result, string reason, WireLimits limits)
        {
            result.Reason = LimitedText.Cut(reason, limits.MaxIdentifierLength, out bool cut);
            result.ReasonCut |= cut;
        }

        private static void SetDomain(ref DecodedErrorInfo result, string domain, WireLimits limits)
        {
            result.Domain = LimitedText.Cut(domain, limits.MaxIdentifierLength, out bool cut);
            result.DomainCut |= cut;
        }

        private static void AddEntry(ref DecodedErrorInfo result, string key, string value, WireLimits limits)
        {
            key = LimitedText.Cut(key, limits.MaxIdentifierLength, out bool keyCut);
            if (!result.Metadata.ContainsKey(key) && result.Metadata.Count >= limits.MaxMetadataEntries)
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
            result.Metadata.Set(key, value);
        }

        private static int EntrySize(KeyValuePair<string, string> entry) =>
            1 + CodedOutputStream.ComputeStringSize(entry.Key) + 1 + CodedOutputStream.ComputeStringSize(entry.Value);
    }

    /// <summary>An ErrorInfo as read within the limits, with what was cut (a struct: read once, never kept).</summary>
    internal struct DecodedErrorInfo
    {
        private string? _reason;
        private string? _domain;

        public string Reason
        {
            readonly get => _reason ?? string.Empty;
            set => _reason = value;
        }

        public string Domain
        {
            readonly get => _domain ?? string.Empty;
            set => _domain = value;
        }

        /// <summary>The entries read (a mutable struct: a field, not a property).</summary>
        public MetadataMap.Builder Metadata;

        public bool ReasonCut { get; set; }

        public bool DomainCut { get; set; }

        public int KeysCut { get; set; }

        public int ValuesCut { get; set; }

        public int EntriesNotRead { get; set; }
    }
}
