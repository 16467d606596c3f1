using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using Xunit;

namespace ErrorSdk.Tests
{
    /// <summary>
    /// The runtime's plumbing for generated code is public (generated code compiles in the user's assembly) but hidden
    /// from IntelliSense with <c>[EditorBrowsable(EditorBrowsableState.Never)]</c>, as System.Text.Json hides
    /// <c>JsonMetadataServices</c>; so is the telemetry recording API the transport packages call. The list below is the whole hidden surface: hiding or showing anything is a deliberate
    /// change to this test (docs/public-api.md).
    /// </summary>
    public class HiddenSurfaceTests
    {
        private static readonly string[] Hidden =
        {
            // The recording API the transport packages (HTTP, ASP.NET Core, gRPC, Polly) call; users add ErrorSdk.OpenTelemetry.
            "ErrorSdk.Diagnostics.ErrorTelemetry",
            "ErrorSdk.FieldCodec",
            "ErrorSdk.FieldInfo..ctor(System.String, ErrorSdk.FieldType, System.Boolean, System.Boolean, System.String)",
            "ErrorSdk.GrpcWire.PercentDecode(System.String)",
            "ErrorSdk.GrpcWire.PercentEncode(System.String)",
            "ErrorSdk.KindInfo..ctor(System.String, System.String, System.Int32, Google.Rpc.Code, System.Int32, ErrorSdk.RetryPolicy, "
                + "System.Collections.Generic.IReadOnlyList`1[System.String], System.Collections.Generic.IReadOnlyList`1[System.String], "
                + "System.Boolean, System.String, System.Collections.Generic.IReadOnlyList`1[ErrorSdk.FieldInfo], System.String, "
                + "System.Collections.Generic.IReadOnlyList`1[System.String], System.Collections.Generic.IReadOnlyList`1[System.String], System.String)",
            "ErrorSdk.ReceivedError.HasLaterErrorInfo",
            "ErrorSdk.ReceivedError.Read(Google.Rpc.Status, System.String, ErrorSdk.WireLimits, System.Func`3[System.String,System.Int32,System.Boolean])",
            "ErrorSdk.TaxonomyException..ctor(ErrorSdk.KindInfo, ErrorSdk.TaxonomyExceptionInit&)",
            "ErrorSdk.TaxonomyException.WriteMetadata(System.Collections.Generic.IDictionary`2[System.String,System.String])",
            "ErrorSdk.TaxonomyExceptionInit",
        };

        [Fact]
        public void The_hidden_surface_is_exactly_the_generated_code_plumbing()
        {
            var hidden = HiddenMembers(typeof(TaxonomyException).Assembly).ToList();

            Assert.Equal(Hidden.OrderBy(name => name, StringComparer.Ordinal), hidden);
        }

        [Fact]
        public void Every_hidden_member_is_public_or_protected()
        {
            // Hidden is not internal: a generated class in the user's assembly calls, derives from or overrides each one.
            var assembly = typeof(TaxonomyException).Assembly;
            foreach (var type in assembly.GetExportedTypes())
            {
                foreach (var member in type.GetMembers(Declared))
                {
                    if (IsHidden(member))
                    {
                        Assert.True(IsVisibleOutside(member), member.DeclaringType + "." + member.Name + " is hidden but not public or protected.");
                    }
                }
            }
        }

        private const BindingFlags Declared =
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        /// <summary>Hidden exported types, and hidden public or protected members of the exported types that are not hidden whole.</summary>
        private static IEnumerable<string> HiddenMembers(Assembly assembly)
        {
            var names = new List<string>();
            foreach (var type in assembly.GetExportedTypes())
            {
                if (IsHidden(type))
                {
                    names.Add(type.FullName!);
                    continue;
                }

                foreach (var member in type.GetMembers(Declared))
                {
                    if (IsHidden(member) && IsVisibleOutside(member))
                    {
                        names.Add(type.FullName + "." + Describe(member));
                    }
                }
            }

            return names.OrderBy(name => name, StringComparer.Ordinal);
        }

        private static bool IsHidden(MemberInfo member) =>
            member.GetCustomAttribute<EditorBrowsableAttribute>() is { State: EditorBrowsableState.Never };

        private static bool IsVisibleOutside(MemberInfo member) => member switch
        {
            MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
            PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisibleOutside),
            System.Reflection.FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
            EventInfo e => e.AddMethod is { } add && IsVisibleOutside(add),
            Type nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem,
            _ => false,
        };

        private static string Describe(MemberInfo member) => member switch
        {
            MethodBase method => method.Name + "(" + string.Join(", ", method.GetParameters().Select(p => p.ParameterType.ToString())) + ")",
            _ => member.Name,
        };
    }
}
