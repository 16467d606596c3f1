using System;
using System.Collections.Generic;
using ErrorSdk.Properties.Tests.Generation;

namespace ErrorSdk.Taxonomy.Tests
{
    /// <summary>
    /// The generated SDK of taxonomy.json used the way an application uses it: constructors with named arguments,
    /// fields read through the kinds' interfaces. No reflection: a kind or field added to the taxonomy without a line
    /// here fails <see cref="TablesTests.Every_concrete_kind_has_a_typed_constructor_here"/>.
    /// </summary>
    internal static class GeneratedSdk
    {
        /// <summary>Every kind's class and interface, by reason.</summary>
        public static readonly IReadOnlyDictionary<string, (Type Class, Type Interface)> Types = new Dictionary<string, (Type, Type)>(StringComparer.Ordinal)
        {
            ["INVALID_ARGUMENT"] = (typeof(InvalidArgumentException), typeof(IInvalidArgument)),
            ["FAILED_PRECONDITION"] = (typeof(FailedPreconditionException), typeof(IFailedPrecondition)),
            ["OUT_OF_RANGE"] = (typeof(OutOfRangeException), typeof(IOutOfRange)),
            ["NOT_FOUND"] = (typeof(NotFoundException), typeof(INotFound)),
            ["ALREADY_EXISTS"] = (typeof(AlreadyExistsException), typeof(IAlreadyExists)),
            ["CONFLICT"] = (typeof(ConflictException), typeof(IConflict)),
            ["UNAUTHENTICATED"] = (typeof(UnauthenticatedException), typeof(IUnauthenticated)),
            ["PERMISSION_DENIED"] = (typeof(PermissionDeniedException), typeof(IPermissionDenied)),
            ["TOO_MANY_REQUESTS"] = (typeof(TooManyRequestsException), typeof(ITooManyRequests)),
            ["SERVICE_UNAVAILABLE"] = (typeof(ServiceUnavailableException), typeof(IServiceUnavailable)),
            ["DEADLINE_EXCEEDED"] = (typeof(DeadlineExceededException), typeof(IDeadlineExceeded)),
            ["CANCELLED"] = (typeof(CancelledException), typeof(ICancelled)),
            ["UNIMPLEMENTED"] = (typeof(UnimplementedException), typeof(IUnimplemented)),
            ["INTERNAL"] = (typeof(InternalException), typeof(IInternal)),
            ["DATA_LOSS"] = (typeof(DataLossException), typeof(IDataLoss)),
            ["UNKNOWN"] = (typeof(UnknownException), typeof(IUnknown)),
#pragma warning disable CS0618 // Deprecated, still part of the taxonomy.
            ["QUOTA_EXCEEDED"] = (typeof(QuotaExceededException), typeof(IQuotaExceeded)),
#pragma warning restore CS0618
            ["TOOL_ERROR"] = (typeof(ToolErrorException), typeof(IToolError)),
            ["TOOL_RATE_LIMIT"] = (typeof(ToolRateLimitException), typeof(IToolRateLimit)),
            ["TOOL_UNAUTHORIZED"] = (typeof(ToolUnauthorizedException), typeof(IToolUnauthorized)),
            ["TOOL_FORBIDDEN"] = (typeof(ToolForbiddenException), typeof(IToolForbidden)),
            ["TOOL_UNAVAILABLE"] = (typeof(ToolUnavailableException), typeof(IToolUnavailable)),
            ["UPSTREAM_ERROR"] = (typeof(UpstreamErrorException), typeof(IUpstreamError)),
            ["UPSTREAM_BAD_REQUEST"] = (typeof(UpstreamBadRequestException), typeof(IUpstreamBadRequest)),
            ["UPSTREAM_AUTH"] = (typeof(UpstreamAuthException), typeof(IUpstreamAuth)),
            ["UPSTREAM_NOT_FOUND"] = (typeof(UpstreamNotFoundException), typeof(IUpstreamNotFound)),
            ["UPSTREAM_REQUEST_TIMEOUT"] = (typeof(UpstreamRequestTimeoutException), typeof(IUpstreamRequestTimeout)),
            ["UPSTREAM_RATE_LIMIT"] = (typeof(UpstreamRateLimitException), typeof(IUpstreamRateLimit)),
            ["UPSTREAM_SERVER_ERROR"] = (typeof(UpstreamServerErrorException), typeof(IUpstreamServerError)),
            ["NETWORK_TRANSPORT_ERROR"] = (typeof(NetworkTransportErrorException), typeof(INetworkTransportError)),
            ["NETWORK_TRANSPORT_TIMEOUT"] = (typeof(NetworkTransportTimeoutException), typeof(INetworkTransportTimeout)),
            ["NETWORK_TRANSPORT_UNREACHABLE"] = (typeof(NetworkTransportUnreachableException), typeof(INetworkTransportUnreachable)),
            ["NETWORK_TRANSPORT_UNDECODABLE"] = (typeof(NetworkTransportUndecodableException), typeof(INetworkTransportUndecodable)),
            ["NETWORK_TRANSPORT_REDIRECT_LIMIT"] = (typeof(NetworkTransportRedirectLimitException), typeof(INetworkTransportRedirectLimit)),
            ["NETWORK_TRANSPORT_LIMIT_EXCEEDED"] = (typeof(NetworkTransportLimitExceededException), typeof(INetworkTransportLimitExceeded)),
            ["TOOL_RUNTIME_FATAL"] = (typeof(ToolRuntimeFatalException), typeof(IToolRuntimeFatal)),
            ["INVALID_REQUEST_CONSTRUCTION"] = (typeof(InvalidRequestConstructionException), typeof(IInvalidRequestConstruction)),
            ["TLS_CONFIGURATION"] = (typeof(TlsConfigurationException), typeof(ITlsConfiguration)),
            ["PROVISION_TERMINAL"] = (typeof(ProvisionTerminalException), typeof(IProvisionTerminal)),
            ["USER_NOT_PROVISIONABLE"] = (typeof(UserNotProvisionableException), typeof(IUserNotProvisionable)),
            ["TARGET_MANAGED_EXTERNALLY"] = (typeof(TargetManagedExternallyException), typeof(ITargetManagedExternally)),
            ["LICENSE_EXHAUSTED"] = (typeof(LicenseExhaustedException), typeof(ILicenseExhausted)),
            ["VALIDATION_FAILURE"] = (typeof(ValidationFailureException), typeof(IValidationFailure)),
            ["OPERATION_NOT_PERMITTED"] = (typeof(OperationNotPermittedException), typeof(IOperationNotPermitted)),
        };

        /// <summary>Raises <paramref name="v"/>'s kind through its public constructor, fields as named arguments.</summary>
        public static TaxonomyException Construct(KindValues v, Exception? inner = null)
        {
            var retryAfter = v.RetryAfter;
            var developerMessage = v.DeveloperMessage;
            switch (v.Kind.Reason)
            {
                case "INVALID_ARGUMENT": return new InvalidArgumentException(field: S(v, "field")!, violation: S(v, "violation")!, retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "FAILED_PRECONDITION": return new FailedPreconditionException(retryAfter, developerMessage, inner);
                case "OUT_OF_RANGE": return new OutOfRangeException(retryAfter, developerMessage, inner);
                case "NOT_FOUND": return new NotFoundException(resourceType: S(v, "resourceType")!, resourceName: S(v, "resourceName")!, retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "ALREADY_EXISTS": return new AlreadyExistsException(resourceType: S(v, "resourceType")!, resourceName: S(v, "resourceName")!, retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "CONFLICT": return new ConflictException(retryAfter, developerMessage, inner);
                case "UNAUTHENTICATED": return new UnauthenticatedException(retryAfter, developerMessage, inner);
                case "PERMISSION_DENIED": return new PermissionDeniedException(retryAfter, developerMessage, inner);
                case "TOO_MANY_REQUESTS": return new TooManyRequestsException(retryAfter, developerMessage, inner);
                case "SERVICE_UNAVAILABLE": return new ServiceUnavailableException(retryAfter, developerMessage, inner);
                case "DEADLINE_EXCEEDED": return new DeadlineExceededException(retryAfter, developerMessage, inner);
                case "CANCELLED": return new CancelledException(retryAfter, developerMessage, inner);
                case "UNIMPLEMENTED": return new UnimplementedException(retryAfter, developerMessage, inner);
                case "INTERNAL": return new InternalException(retryAfter, developerMessage, inner);
                case "DATA_LOSS": return new DataLossException(retryAfter, developerMessage, inner);
                case "UNKNOWN": return new UnknownException(retryAfter, developerMessage, inner);
#pragma warning disable CS0618 // Deprecated on purpose: older servers still send it, and it must still round-trip.
                case "QUOTA_EXCEEDED": return new QuotaExceededException(retryAfter, developerMessage, inner);
#pragma warning restore CS0618
                case "TOOL_ERROR": return new ToolErrorException(provider: S(v, "provider")!, toolErrorCode: S(v, "toolErrorCode"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "TOOL_RATE_LIMIT": return new ToolRateLimitException(provider: S(v, "provider")!, toolErrorCode: S(v, "toolErrorCode"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "TOOL_UNAUTHORIZED": return new ToolUnauthorizedException(provider: S(v, "provider")!, toolErrorCode: S(v, "toolErrorCode"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "TOOL_FORBIDDEN": return new ToolForbiddenException(provider: S(v, "provider")!, toolErrorCode: S(v, "toolErrorCode"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "TOOL_UNAVAILABLE": return new ToolUnavailableException(provider: S(v, "provider")!, toolErrorCode: S(v, "toolErrorCode"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "UPSTREAM_ERROR": return new UpstreamErrorException(statusCode: I(v), statusPhrase: S(v, "statusPhrase")!, statusClass: S(v, "statusClass")!, endpoint: U(v), rawBody: S(v, "rawBody"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "UPSTREAM_BAD_REQUEST": return new UpstreamBadRequestException(statusCode: I(v), statusPhrase: S(v, "statusPhrase")!, statusClass: S(v, "statusClass")!, endpoint: U(v), rawBody: S(v, "rawBody"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "UPSTREAM_AUTH": return new UpstreamAuthException(statusCode: I(v), statusPhrase: S(v, "statusPhrase")!, statusClass: S(v, "statusClass")!, endpoint: U(v), rawBody: S(v, "rawBody"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "UPSTREAM_NOT_FOUND": return new UpstreamNotFoundException(statusCode: I(v), statusPhrase: S(v, "statusPhrase")!, statusClass: S(v, "statusClass")!, endpoint: U(v), rawBody: S(v, "rawBody"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "UPSTREAM_REQUEST_TIMEOUT": return new UpstreamRequestTimeoutException(statusCode: I(v), statusPhrase: S(v, "statusPhrase")!, statusClass: S(v, "statusClass")!, endpoint: U(v), rawBody: S(v, "rawBody"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "UPSTREAM_RATE_LIMIT": return new UpstreamRateLimitException(statusCode: I(v), statusPhrase: S(v, "statusPhrase")!, statusClass: S(v, "statusClass")!, endpoint: U(v), rawBody: S(v, "rawBody"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "UPSTREAM_SERVER_ERROR": return new UpstreamServerErrorException(statusCode: I(v), statusPhrase: S(v, "statusPhrase")!, statusClass: S(v, "statusClass")!, endpoint: U(v), rawBody: S(v, "rawBody"), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "NETWORK_TRANSPORT_ERROR": return new NetworkTransportErrorException(endpoint: U(v), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "NETWORK_TRANSPORT_TIMEOUT": return new NetworkTransportTimeoutException(endpoint: U(v), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "NETWORK_TRANSPORT_UNREACHABLE": return new NetworkTransportUnreachableException(endpoint: U(v), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "NETWORK_TRANSPORT_UNDECODABLE": return new NetworkTransportUndecodableException(endpoint: U(v), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "NETWORK_TRANSPORT_REDIRECT_LIMIT": return new NetworkTransportRedirectLimitException(endpoint: U(v), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "NETWORK_TRANSPORT_LIMIT_EXCEEDED": return new NetworkTransportLimitExceededException(endpoint: U(v), retryAfter: retryAfter, developerMessage: developerMessage, innerException: inner);
                case "TOOL_RUNTIME_FATAL": return new ToolRuntimeFatalException(retryAfter, developerMessage, inner);
                case "INVALID_REQUEST_CONSTRUCTION": return new InvalidRequestConstructionException(retryAfter, developerMessage, inner);
                case "TLS_CONFIGURATION": return new TlsConfigurationException(retryAfter, developerMessage, inner);
                case "USER_NOT_PROVISIONABLE": return new UserNotProvisionableException(retryAfter, developerMessage, inner);
                case "TARGET_MANAGED_EXTERNALLY": return new TargetManagedExternallyException(retryAfter, developerMessage, inner);
                case "LICENSE_EXHAUSTED": return new LicenseExhaustedException(retryAfter, developerMessage, inner);
                case "VALIDATION_FAILURE": return new ValidationFailureException(retryAfter, developerMessage, inner);
                case "OPERATION_NOT_PERMITTED": return new OperationNotPermittedException(retryAfter, developerMessage, inner);
                default: throw new NotSupportedException("No typed constructor here for kind " + v.Kind.Reason + ": add one.");
            }
        }

        /// <summary>Every field value of <paramref name="error"/>, read through the interfaces that declare them.</summary>
        public static IReadOnlyDictionary<string, object?> Fields(TaxonomyException error)
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (error is IInvalidArgument invalid)
            {
                fields["field"] = invalid.Field;
                fields["violation"] = invalid.Violation;
            }

            if (error is INotFound notFound)
            {
                fields["resourceType"] = notFound.ResourceType;
                fields["resourceName"] = notFound.ResourceName;
            }

            if (error is IAlreadyExists exists)
            {
                fields["resourceType"] = exists.ResourceType;
                fields["resourceName"] = exists.ResourceName;
            }

            if (error is IToolError tool)
            {
                fields["provider"] = tool.Provider;
                fields["toolErrorCode"] = tool.ToolErrorCode;
            }

            if (error is IUpstreamError upstream)
            {
                fields["statusCode"] = upstream.StatusCode;
                fields["statusPhrase"] = upstream.StatusPhrase;
                fields["statusClass"] = upstream.StatusClass;
                fields["endpoint"] = upstream.Endpoint;
                fields["rawBody"] = upstream.RawBody;
            }

            if (error is INetworkTransportError transport)
            {
                fields["endpoint"] = transport.Endpoint;
            }

            return fields;
        }

        private static string? S(KindValues v, string name) => (string?)Value(v, name);

        private static int I(KindValues v) => (int)Value(v, "statusCode")!;

        private static Uri? U(KindValues v) => (Uri?)Value(v, "endpoint");

        private static object? Value(KindValues v, string name)
        {
            foreach (var value in v.Values)
            {
                if (value.Field.Name == name)
                {
                    return value.Typed;
                }
            }

            return null;
        }
    }
}
