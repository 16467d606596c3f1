using System.Collections.Generic;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Tests.Hardening
{
    /// <summary>Edits the ErrorInfo metadata of a status (detail 0) through CommonProtos' own ErrorInfo, as a peer would send it.</summary>
    internal sealed class MetadataPatch
    {
        private readonly Google.Rpc.Status _status;

        public MetadataPatch(Google.Rpc.Status status)
        {
            _status = status;
        }

        public void Set(string key, string value)
        {
            var info = Google.Rpc.ErrorInfo.Parser.ParseFrom(_status.Details[0].Value);
            info.Metadata[key] = value;
            _status.Details[0] = new Any { TypeUrl = _status.Details[0].TypeUrl, Value = info.ToByteString() };
        }
    }
}
