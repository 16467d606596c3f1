using System;
using System.Collections.Generic;
using System.Globalization;
using Grpc.Core;

namespace ErrorSdk.Grpc
{
    /// <summary>Conversions between typed errors and grpc-dotnet's <see cref="RpcException"/>.</summary>
    public static class GrpcTaxonomyExtensions
    {
        /// <summary>
        /// The <see cref="RpcException"/> that carries <paramref name="error"/>: its code, its safe message and its
        /// <c>google.rpc.Status</c> (ErrorInfo, RetryInfo, the rest) in <c>grpc-status-details-bin</c>. The error is the
        /// status' <see cref="Status.DebugException"/> (local only, never sent), for the server's logs.
        /// </summary>
        /// <param name="error">The typed error.</param>
        /// <param name="includeDeveloperMessage">Whether the sanitized developer message travels as a <c>DebugInfo</c> detail.</param>
        /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
        public static RpcException ToRpcException(this TaxonomyException error, bool includeDeveloperMessage = false)
        {
            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            var status = error.ToStatus(includeDeveloperMessage);
            var trailers = new Metadata();
            trailers.SetRpcStatus(status);
            return new RpcException(new Status((StatusCode)status.Code, status.Message, error), trailers, status.Message);
        }

        /// <summary>
        /// The typed exception for a received <see cref="RpcException"/>, with it as <see cref="Exception.InnerException"/>.
        /// Never throws for any trailers: <c>grpc-status-details-bin</c> is read by the runtime's tolerant reader
        /// (<see cref="GrpcWire.FromTrailers(IEnumerable{KeyValuePair{string, string}}, WireLimits)"/>), where
        /// <c>GetRpcStatus()</c> throws on bytes it cannot parse. The code and message come from
        /// <see cref="RpcException.Status"/> (Grpc.Net.Client leaves <c>grpc-status</c> and <c>grpc-message</c> out of
        /// <see cref="RpcException.Trailers"/>); when the details' code disagrees, the code the call ended with wins and
        /// the mismatch is recorded in <see cref="ReceivedError.Problems"/>.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="taxonomy"/> or <paramref name="exception"/> is null.</exception>
        public static TaxonomyException Promote(this IErrorTaxonomy taxonomy, RpcException exception, WireLimits? limits = null)
        {
            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            if (exception is null)
            {
                throw new ArgumentNullException(nameof(exception));
            }

            limits ??= WireLimits.Default;
            var status = GrpcWire.FromTrailers(TrailersOf(exception), limits)!;
            return taxonomy.Promote(status, exception, limits);
        }

        /// <summary>The call's status as trailers: code and message from the exception's status first (the reader takes the first), then the details.</summary>
        private static List<KeyValuePair<string, string>> TrailersOf(RpcException exception)
        {
            var trailers = new List<KeyValuePair<string, string>>(3)
            {
                new KeyValuePair<string, string>(GrpcWire.StatusHeader, ((int)exception.StatusCode).ToString(CultureInfo.InvariantCulture)),
            };
            var detail = exception.Status.Detail;
            if (!string.IsNullOrEmpty(detail))
            {
                trailers.Add(new KeyValuePair<string, string>(GrpcWire.MessageHeader, GrpcWire.PercentEncode(detail)));
            }

            foreach (var entry in exception.Trailers)
            {
                if (string.Equals(entry.Key, GrpcWire.DetailsHeader, StringComparison.OrdinalIgnoreCase))
                {
                    trailers.Add(new KeyValuePair<string, string>(GrpcWire.DetailsHeader, entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value));
                }
            }

            return trailers;
        }
    }
}
