using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Wire
{
    /// <summary>
    /// Parses <c>google.rpc.Status</c> bytes (code = 1, message = 2, details = 3 of <c>google.protobuf.Any</c> with
    /// type_url = 1 and value = 2) without the generic message parser, which CommonProtos' generated code drives
    /// through a slow compatibility path. It builds exactly what <c>Status.Parser</c> builds (a repeated scalar keeps
    /// its last value, each details entry is a new Any) and answers false for anything that would differ: unknown
    /// fields (the parser keeps them), anything <see cref="ProtoReader"/> does not read exactly as the parser does.
    /// The caller then runs the parser, whose result or exception stands.
    /// </summary>
    internal static class StatusReader
    {
        private const uint CodeTag = (1 << 3) | 0;
        private const uint MessageTag = (2 << 3) | 2;
        private const uint DetailsTag = (3 << 3) | 2;
        private const uint TypeUrlTag = (1 << 3) | 2;
        private const uint ValueTag = (2 << 3) | 2;

        public static bool TryRead(byte[] buffer, int offset, int length, out Google.Rpc.Status status)
        {
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
                        if (!input.TryReadString(out var message))
                        {
                            return false;
                        }

                        status.Message = message;
                        break;
                    case DetailsTag:
                        if (!input.TryReadMessage(out var any) || !TryReadAny(any, out var detail))
                        {
                            return false;
                        }

                        status.Details.Add(detail);
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static bool TryReadAny(ProtoReader input, out Any any)
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
                        if (!input.TryReadString(out var typeUrl))
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
                        return false;
                }
            }

            return true;
        }
    }
}
