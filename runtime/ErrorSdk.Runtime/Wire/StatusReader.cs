using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Wire
{
    /// <summary>
    /// Parses <c>google.rpc.Status</c> bytes (code = 1, message = 2, details = 3 of <c>google.protobuf.Any</c> with
    /// type_url = 1 and value = 2) without the generic message parser, which CommonProtos' generated code drives
    /// through a slow compatibility path (the <c>Promote.FromTrailers</c> benchmark). It builds exactly what
    /// <c>Status.Parser</c> builds (a repeated scalar keeps its last value, each details entry is a new Any) and
    /// answers false for anything that would differ: unknown fields (the parser keeps them), anything
    /// <see cref="ProtoReader"/> does not read exactly as the parser does. The caller then runs the parser, whose
    /// result stands. Invalid UTF-8 in <c>message</c> or a <c>type_url</c> is the exception: the parser of
    /// Google.Protobuf 3.36 throws on it and every detail would be lost, so this reader replaces it with U+FFFD and
    /// reports it (the caller records a problem); when the parser throws, the caller reads again with
    /// <c>skipUnknownFields</c>, which drops only the unknown fields (the caller records that too).
    /// </summary>
    internal static class StatusReader
    {
        private const uint CodeTag = (1 << 3) | 0;
        private const uint MessageTag = (2 << 3) | 2;
        private const uint DetailsTag = (3 << 3) | 2;
        private const uint TypeUrlTag = (1 << 3) | 2;
        private const uint ValueTag = (2 << 3) | 2;

        public static bool TryRead(byte[] buffer, int offset, int length, bool skipUnknownFields, out Google.Rpc.Status status, out bool invalidUtf8)
        {
            invalidUtf8 = false;
            status = new Google.Rpc.Status();
            var input = ProtoReader.Create(buffer, offset, length);
            while (!input.IsAtEnd)
            {
                if (!input.TryReadTag(out uint tag))
                {
                    return false;
                }

                switch (tag)
                {
                    case CodeTag:
                        // int32: the low 32 bits of the varint, as the parser reads it.
                        if (!input.TryReadVarint64(out ulong code))
                        {
                            return false;
                        }

                        status.Code = unchecked((int)code);
                        break;
                    case MessageTag:
                        if (!input.TryReadString(out var message, ref invalidUtf8))
                        {
                            return false;
                        }

                        status.Message = message;
                        break;
                    case DetailsTag:
                        if (!input.TryReadMessage(out var any) || !TryReadAny(any, skipUnknownFields, out var detail, ref invalidUtf8))
                        {
                            return false;
                        }

                        status.Details.Add(detail);
                        break;
                    default:
                        if (!skipUnknownFields || !input.TrySkip(tag))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }

        private static bool TryReadAny(ProtoReader input, bool skipUnknownFields, out Any any, ref bool invalidUtf8)
        {
            any = new Any();
            while (!input.IsAtEnd)
            {
                if (!input.TryReadTag(out uint tag))
                {
                    return false;
                }

                switch (tag)
                {
                    case TypeUrlTag:
                        if (!input.TryReadString(out var typeUrl, ref invalidUtf8))
                        {
                            return false;
                        }

                        any.TypeUrl = typeUrl;
                        break;
                    case ValueTag:
                        if (!input.TryReadBytes(out var value))
                        {
                            return false;
                        }

                        any.Value = value;
                        break;
                    default:
                        if (!skipUnknownFields || !input.TrySkip(tag))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }
    }
}
