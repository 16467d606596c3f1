using System;
using Microsoft.AspNetCore.Http;

namespace ErrorSdk.AspNetCore
{
    /// <summary>
    /// Writes a typed error as a gRPC trailers-only response: HTTP 200, <c>content-type: application/grpc</c> and
    /// <c>grpc-status</c>/<c>grpc-message</c>/<c>grpc-status-details-bin</c> in the one HEADERS frame, no body.
    /// </summary>
    internal static class GrpcErrorWriter
    {
        public const string ContentType = "application/grpc";

        /// <summary>Whether the request is a gRPC call (<c>application/grpc</c>, <c>application/grpc+proto</c>, …).</summary>
        public static bool IsGrpc(HttpRequest request) =>
            request.ContentType is { } type && type.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase) &&
            (type.Length == ContentType.Length || type[ContentType.Length] == '+' || type[ContentType.Length] == ';');

        public static void Write(HttpResponse response, TaxonomyException error, bool includeDeveloperMessage)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            foreach (var trailer in GrpcWire.ToTrailers(error.ToStatus(includeDeveloperMessage)))
            {
                response.Headers[trailer.Key] = trailer.Value;
            }
        }
    }
}
