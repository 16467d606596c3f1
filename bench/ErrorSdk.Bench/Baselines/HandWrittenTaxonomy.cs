using System;
using System.Collections.Generic;
using System.Globalization;
using ErrorSdk.Taxonomy;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

#pragma warning disable CS0618 // QUOTA_EXCEEDED is deprecated but must still promote.

namespace ErrorSdk.Bench.Baselines
{
    /// <summary>
    /// The hand-written baseline: what a person who knows the default taxonomy would code by hand, as fast as they
    /// reasonably could, producing the very same generated exception types.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><see cref="Promote"/> reads the status with the runtime's <see cref="ReceivedError.Read"/> (as the
    /// generated code does), then a C# <c>switch</c> over the reason strings (aliases as a nested switch on the code
    /// inside the TOOL_ERROR case), then a switch over the code for fallbacks, and calls the same internal promoted
    /// constructor <c>new XException(received)</c> the generated Promote calls. So the exceptions are identical:
    /// same type, message, metadata view, retry delay and raw status.</item>
    /// <item><see cref="FromTrailers"/> skips the runtime's bookkeeping: it parses the details trailer straight into
    /// a Status (padding the base64 itself), else builds one from grpc-status and grpc-message.</item>
    /// <item><see cref="RetryOf"/>, <see cref="CodeOf"/>, <see cref="IsRetryable"/>: switches over reason strings.</item>
    /// <item><see cref="ToStatus"/>: a type switch that copies the typed fields into a CommonProtos ErrorInfo, packed
    /// with <see cref="Any.Pack(Google.Protobuf.IMessage)"/>, plus RetryInfo.</item>
    /// <item><see cref="ToTrailers"/>: a three-entry array, a cached code string, base64 with the padding cut before
    /// the string is made, and percent-encoding only when a byte needs it.</item>
    /// <item><see cref="Find{T}"/>: a loop down <c>InnerException</c>, recursing into an AggregateException's inner
    /// exceptions, bounded in depth.</item>
    /// </list>
    /// </remarks>
    internal static class HandWrittenTaxonomy
    {
        private const string Domain = "errorsdk.dev";

        private static readonly string[] CodeStrings = CreateCodeStrings();

        /// <summary>Routes a received status: reason (aliases first), then the code's fallback, else unclassified.</summary>
        public static TaxonomyException Promote(Google.Rpc.Status? status)
        {
            var received = ReceivedError.Read(status, Domain);
            if (received.IsTaxonomyDomain)
            {
                switch (received.Reason)
                {
                    case "TOOL_ERROR":
                        switch ((int)received.Code)
                        {
                            case 8: return new ToolRateLimitException(received);
                            case 16: return new ToolUnauthorizedException(received);
                            case 7: return new ToolForbiddenException(received);
                            case 14: return new ToolUnavailableException(received);
                        }

                        return new ToolErrorException(received);
                    case "INVALID_ARGUMENT": return new InvalidArgumentException(received);
                    case "FAILED_PRECONDITION": return new FailedPreconditionException(received);
                    case "OUT_OF_RANGE": return new OutOfRangeException(received);
                    case "NOT_FOUND": return new NotFoundException(received);
                    case "ALREADY_EXISTS": return new AlreadyExistsException(received);
                    case "CONFLICT": return new ConflictException(received);
                    case "UNAUTHENTICATED": return new UnauthenticatedException(received);
                    case "PERMISSION_DENIED": return new PermissionDeniedException(received);
                    case "TOO_MANY_REQUESTS": return new TooManyRequestsException(received);
                    case "SERVICE_UNAVAILABLE": return new ServiceUnavailableException(received);
                    case "DEADLINE_EXCEEDED": return new DeadlineExceededException(received);
                    case "CANCELLED": return new CancelledException(received);
                    case "UNIMPLEMENTED": return new UnimplementedException(received);
                    case "INTERNAL": return new InternalException(received);
                    case "DATA_LOSS": return new DataLossException(received);
                    case "UNKNOWN": return new UnknownException(received);
                    case "QUOTA_EXCEEDED": return new QuotaExceededException(received);
                    case "TOOL_RATE_LIMIT": return new ToolRateLimitException(received);
                    case "TOOL_UNAUTHORIZED": return new ToolUnauthorizedException(received);
                    case "TOOL_FORBIDDEN": return new ToolForbiddenException(received);
                    case "TOOL_UNAVAILABLE": return new ToolUnavailableException(received);
                    case "UPSTREAM_ERROR": return new UpstreamErrorException(received);
                    case "UPSTREAM_BAD_REQUEST": return new UpstreamBadRequestException(received);
                    case "UPSTREAM_AUTH": return new UpstreamAuthException(received);
                    case "UPSTREAM_NOT_FOUND": return new UpstreamNotFoundException(received);
                    case "UPSTREAM_REQUEST_TIMEOUT": return new UpstreamRequestTimeoutException(received);
                    case "UPSTREAM_RATE_LIMIT": return new UpstreamRateLimitException(received);
                    case "UPSTREAM_SERVER_ERROR": return new UpstreamServerErrorException(received);
                    case "NETWORK_TRANSPORT_ERROR": return new NetworkTransportErrorException(received);
                    case "NETWORK_TRANSPORT_TIMEOUT": return new NetworkTransportTimeoutException(received);
                    case "NETWORK_TRANSPORT_UNREACHABLE": return new NetworkTransportUnreachableException(received);
                    case "NETWORK_TRANSPORT_UNDECODABLE": return new NetworkTransportUndecodableException(received);
                    case "NETWORK_TRANSPORT_REDIRECT_LIMIT": return new NetworkTransportRedirectLimitException(received);
                    case "NETWORK_TRANSPORT_LIMIT_EXCEEDED": return new NetworkTransportLimitExceededException(received);
                    case "TOOL_RUNTIME_FATAL": return new ToolRuntimeFatalException(received);
                    case "INVALID_REQUEST_CONSTRUCTION": return new InvalidRequestConstructionException(received);
                    case "TLS_CONFIGURATION": return new TlsConfigurationException(received);
                    case "USER_NOT_PROVISIONABLE": return new UserNotProvisionableException(received);
                    case "TARGET_MANAGED_EXTERNALLY": return new TargetManagedExternallyException(received);
                    case "LICENSE_EXHAUSTED": return new LicenseExhaustedException(received);
                    case "VALIDATION_FAILURE": return new ValidationFailureException(received);
                    case "OPERATION_NOT_PERMITTED": return new OperationNotPermittedException(received);
                }
            }

            switch ((int)received.Code)
            {
                case 1: return new CancelledException(received);
                case 2: return new UnknownException(received);
                case 3: return new InvalidArgumentException(received);
                case 4: return new DeadlineExceededException(received);
                case 5: return new NotFoundException(received);
                case 6: return new AlreadyExistsException(received);
                case 7: return new PermissionDeniedException(received);
                case 8: return new TooManyRequestsException(received);
                case 9: return new FailedPreconditionException(received);
                case 10: return new ConflictException(received);
                case 11: return new OutOfRangeException(received);
                case 12: return new UnimplementedException(received);
                case 13: return new InternalException(received);
                case 14: return new ServiceUnavailableException(received);
                case 15: return new DataLossException(received);
                case 16: return new UnauthenticatedException(received);
                default: return new UnclassifiedException(received);
            }
        }

        /// <summary>The status in gRPC trailers, read the short way: the details trailer when there is one.</summary>
        public static Google.Rpc.Status? FromTrailers(IReadOnlyList<KeyValuePair<string, string>> trailers)
        {
            string? code = null;
            string? message = null;
            for (int i = 0; i < trailers.Count; i++)
            {
                var trailer = trailers[i];
                switch (trailer.Key)
                {
                    case GrpcWire.DetailsHeader:
                        try
                        {
                            return Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(Pad(trailer.Value)));
                        }
                        catch (Exception e) when (e is FormatException || e is Google.Protobuf.InvalidProtocolBufferException)
                        {
                            break;
                        }

                    case GrpcWire.StatusHeader:
                        code = trailer.Value;
                        break;
                    case GrpcWire.MessageHeader:
                        message = trailer.Value;
                        break;
                }
            }

            if (code is null)
            {
                return null;
            }

            return new Google.Rpc.Status
            {
                Code = int.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 2,
                Message = message is null ? string.Empty : Uri.UnescapeDataString(message),
            };
        }

        /// <summary>Retry policy by reason string.</summary>
        public static RetryPolicy RetryOf(string reason) => reason switch
        {
            "UNAUTHENTICATED" => RetryPolicy.Reauthenticate,
            "TOO_MANY_REQUESTS" or "QUOTA_EXCEEDED" or "TOOL_RATE_LIMIT" or "UPSTREAM_RATE_LIMIT" => RetryPolicy.Throttled,
            "SERVICE_UNAVAILABLE" or "TOOL_UNAVAILABLE" or "UPSTREAM_ERROR" or "UPSTREAM_REQUEST_TIMEOUT" or "UPSTREAM_SERVER_ERROR"
                or "NETWORK_TRANSPORT_ERROR" or "NETWORK_TRANSPORT_TIMEOUT" or "NETWORK_TRANSPORT_UNREACHABLE" => RetryPolicy.Transient,
            _ => RetryPolicy.Never,
        };

        /// <summary>Whether an error may be retried, by its reason.</summary>
        public static bool IsRetryable(TaxonomyException exception) => RetryOf(exception.Reason) != RetryPolicy.Never;

        /// <summary>gRPC code by reason string.</summary>
        public static Google.Rpc.Code CodeOf(string reason) => reason switch
        {
            "INVALID_ARGUMENT" => Google.Rpc.Code.InvalidArgument,
            "FAILED_PRECONDITION" or "UPSTREAM_BAD_REQUEST" or "NETWORK_TRANSPORT_REDIRECT_LIMIT" or "NETWORK_TRANSPORT_LIMIT_EXCEEDED" or "PROVISION_TERMINAL"
                or "USER_NOT_PROVISIONABLE" or "TARGET_MANAGED_EXTERNALLY" or "LICENSE_EXHAUSTED" or "VALIDATION_FAILURE"
                => Google.Rpc.Code.FailedPrecondition,
            "OUT_OF_RANGE" => Google.Rpc.Code.OutOfRange,
            "NOT_FOUND" or "UPSTREAM_NOT_FOUND" => Google.Rpc.Code.NotFound,
            "ALREADY_EXISTS" => Google.Rpc.Code.AlreadyExists,
            "CONFLICT" => Google.Rpc.Code.Aborted,
            "UNAUTHENTICATED" or "TOOL_UNAUTHORIZED" => Google.Rpc.Code.Unauthenticated,
            "PERMISSION_DENIED" or "TOOL_FORBIDDEN" or "UPSTREAM_AUTH" or "OPERATION_NOT_PERMITTED" => Google.Rpc.Code.PermissionDenied,
            "TOO_MANY_REQUESTS" or "QUOTA_EXCEEDED" or "TOOL_RATE_LIMIT" or "UPSTREAM_RATE_LIMIT" => Google.Rpc.Code.ResourceExhausted,
            "SERVICE_UNAVAILABLE" or "TOOL_UNAVAILABLE" or "UPSTREAM_ERROR" or "UPSTREAM_REQUEST_TIMEOUT" or "UPSTREAM_SERVER_ERROR"
                or "NETWORK_TRANSPORT_ERROR" or "NETWORK_TRANSPORT_TIMEOUT" or "NETWORK_TRANSPORT_UNREACHABLE" => Google.Rpc.Code.Unavailable,
            "DEADLINE_EXCEEDED" => Google.Rpc.Code.DeadlineExceeded,
            "CANCELLED" => Google.Rpc.Code.Cancelled,
            "UNIMPLEMENTED" => Google.Rpc.Code.Unimplemented,
            "INTERNAL" or "TOOL_RUNTIME_FATAL" or "INVALID_REQUEST_CONSTRUCTION" or "TLS_CONFIGURATION" or "NETWORK_TRANSPORT_UNDECODABLE" => Google.Rpc.Code.Internal,
            "DATA_LOSS" => Google.Rpc.Code.DataLoss,
            "UNKNOWN" or "TOOL_ERROR" => Google.Rpc.Code.Unknown,
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a reason of the taxonomy."),
        };

        /// <summary>The wire form, field by field: code, message, ErrorInfo, RetryInfo.</summary>
        public static Google.Rpc.Status ToStatus(TaxonomyException exception)
        {
            var info = new Google.Rpc.ErrorInfo { Reason = exception.Reason, Domain = exception.Domain };
            var metadata = info.Metadata;
            switch (exception)
            {
                case ToolErrorException e:
                    metadata.Add("provider", e.Provider);
                    if (e.ToolErrorCode is not null)
                    {
                        metadata.Add("toolErrorCode", e.ToolErrorCode);
                    }

                    break;
                case UpstreamErrorException e:
                    metadata.Add("statusCode", e.StatusCode.ToString(CultureInfo.InvariantCulture));
                    metadata.Add("statusPhrase", e.StatusPhrase);
                    metadata.Add("statusClass", e.StatusClass);
                    if (e.Endpoint is not null)
                    {
                        metadata.Add("endpoint", e.Endpoint.ToString());
                    }

                    break;
                case NetworkTransportErrorException e:
                    if (e.Endpoint is not null)
                    {
                        metadata.Add("endpoint", e.Endpoint.ToString());
                    }

                    break;
                case NotFoundException e:
                    metadata.Add("resourceType", e.ResourceType);
                    metadata.Add("resourceName", e.ResourceName);
                    break;
                case AlreadyExistsException e:
                    metadata.Add("resourceType", e.ResourceType);
                    metadata.Add("resourceName", e.ResourceName);
                    break;
                case InvalidArgumentException e:
                    metadata.Add("field", e.Field);
                    metadata.Add("violation", e.Violation);
                    break;
            }

            var status = new Google.Rpc.Status { Code = (int)exception.Code, Message = exception.Message };
            status.Details.Add(Any.Pack(info));
            if (exception.RetryAfter is { } delay)
            {
                status.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
            }

            return status;
        }

        /// <summary>The gRPC status trailers: grpc-status, grpc-message when there is one, grpc-status-details-bin when there are details.</summary>
        public static KeyValuePair<string, string>[] ToTrailers(Google.Rpc.Status status)
        {
            bool hasMessage = !string.IsNullOrEmpty(status.Message);
            bool hasDetails = status.Details.Count > 0;
            var trailers = new KeyValuePair<string, string>[1 + (hasMessage ? 1 : 0) + (hasDetails ? 1 : 0)];
            var code = (uint)status.Code < (uint)CodeStrings.Length ? CodeStrings[status.Code] : status.Code.ToString(CultureInfo.InvariantCulture);
            int index = 0;
            trailers[index++] = new KeyValuePair<string, string>(GrpcWire.StatusHeader, code);
            if (hasMessage)
            {
                var message = NeedsEncoding(status.Message) ? GrpcWire.PercentEncode(status.Message) : status.Message;
                trailers[index++] = new KeyValuePair<string, string>(GrpcWire.MessageHeader, message);
            }

            if (hasDetails)
            {
                trailers[index] = new KeyValuePair<string, string>(GrpcWire.DetailsHeader, UnpaddedBase64(status.ToByteArray()));
            }

            return trailers;
        }

        /// <summary>The first <typeparamref name="T"/> down the inner-exception chain, aggregates included.</summary>
        public static T? Find<T>(Exception? exception, int depth = 0)
            where T : class
        {
            for (; exception is not null && depth < 64; depth++)
            {
                if (exception is T found)
                {
                    return found;
                }

                if (exception is AggregateException aggregate)
                {
                    var inners = aggregate.InnerExceptions;
                    for (int i = 0; i < inners.Count; i++)
                    {
                        if (Find<T>(inners[i], depth + 1) is { } nested)
                        {
                            return nested;
                        }
                    }

                    return null;
                }

                exception = exception.InnerException;
            }

            return null;
        }

        private static bool NeedsEncoding(string message)
        {
            foreach (char c in message)
            {
                if (c < 0x20 || c > 0x7E || c == '%')
                {
                    return true;
                }
            }

            return false;
        }

        private static string UnpaddedBase64(byte[] bytes)
        {
            int length = (bytes.Length + 2) / 3 * 4;
            Span<char> chars = length <= 1024 ? stackalloc char[length] : new char[length];
            Convert.TryToBase64Chars(bytes, chars, out int written);
            while (written > 0 && chars[written - 1] == '=')
            {
                written--;
            }

            return new string(chars.Slice(0, written));
        }

        private static string Pad(string base64) => (base64.Length % 4) switch
        {
            2 => base64 + "==",
            3 => base64 + "=",
            _ => base64,
        };

        private static string[] CreateCodeStrings()
        {
            var strings = new string[17];
            for (int i = 0; i < strings.Length; i++)
            {
                strings[i] = i.ToString(CultureInfo.InvariantCulture);
            }

            return strings;
        }
    }
}
