using System.Collections.Generic;
using Google.Protobuf;

namespace ErrorSdk.Wire
{
    /// <summary>
    /// Encodes and decodes <c>google.rpc.ErrorInfo</c> by field number (reason=1, domain=2, metadata=3). Decoding is
    /// hand-written for two reasons (docs/benchmarks.md, "Hand-written protobuf readers"): it reads in place within
    /// <see cref="WireLimits"/> (the exact-reason <c>Promote</c> benchmark), and it keeps an ErrorInfo whose strings
    /// hold invalid UTF-8 (replaced with U+FFFD and marked) where <c>ErrorInfo.Parser</c> 3.36 throws it away.
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

        private static readonly System.Text.Encoding StrictUtf8 = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);

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
            bool invalidUtf8 = false;
            while (!input.IsAtEnd)
            {
                if (!input.TryReadTag(out uint tag))
                {
                    return false;
                }

                switch (tag)
                {
                    case ReasonTag:
                        if (!input.TryReadString(out var reason, ref invalidUtf8))
                        {
                            return false;
                        }

                        SetReason(ref result, reason, limits);
                        break;
                    case DomainTag:
                        if (!input.TryReadString(knownDomain, out var domain, ref invalidUtf8))
                        {
                            return false;
                        }

                        SetDomain(ref result, domain, limits);
                        break;
                    case MetadataTag:
                        if (!input.TryReadMessage(out var entry) || !TryReadEntry(entry, out var key, out var value, ref invalidUtf8))
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

            result.InvalidUtf8 = invalidUtf8;
            return true;
        }

        private static bool TryReadEntry(ProtoReader entry, out string key, out string value, ref bool invalidUtf8)
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
                    KeyTag => entry.TryReadString(out key, ref invalidUtf8),
                    ValueTag => entry.TryReadString(out value, ref invalidUtf8),
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
            bool invalidUtf8 = false;
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case ReasonTag:
                        SetReason(ref result, ReadString(input, ref invalidUtf8), limits);
                        break;
                    case DomainTag:
                        SetDomain(ref result, ReadString(input, ref invalidUtf8), limits);
                        break;
                    case MetadataTag:
                        ReadEntry(input.ReadBytes(), limits, ref result, ref invalidUtf8);
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            result.InvalidUtf8 = invalidUtf8;
            return result;
        }

        /// <summary>A string field read as bytes, so invalid UTF-8 is replaced (as on the fast path) instead of thrown.</summary>
        private static string ReadString(CodedInputStream input, ref bool invalidUtf8)
        {
            var bytes = input.ReadBytes();
            try
            {
                return StrictUtf8.GetString(bytes.ToByteArray());
            }
            catch (System.Text.DecoderFallbackException)
            {
                invalidUtf8 = true;
                return System.Text.Encoding.UTF8.GetString(bytes.ToByteArray());
            }
        }

        private static void ReadEntry(ByteString entryBytes, WireLimits limits, ref DecodedErrorInfo result, ref bool invalidUtf8)
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
                        key = ReadString(entry, ref invalidUtf8);
                        break;
                    case ValueTag:
                        value = ReadString(entry, ref invalidUtf8);
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

        /// <summary>Whether a string held invalid UTF-8, read with U+FFFD in its place.</summary>
        public bool InvalidUtf8 { get; set; }
    }
}
