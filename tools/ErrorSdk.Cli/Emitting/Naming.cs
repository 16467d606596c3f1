using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Emitting
{
    /// <summary>The proto names of a taxonomy (the case conversions themselves are the generator core's <see cref="NameCase"/>).</summary>
    internal static class Naming
    {
        /// <summary>The prefix of every value of the proto reason enum: <c>ERROR_SDK_REASON_</c>.</summary>
        public static string ProtoEnumValuePrefix(TaxonomySpec spec) => NameCase.PascalToUpperSnake(spec.ReasonEnumName) + "_";

        /// <summary>The proto enum value name of a reason: <c>ERROR_SDK_REASON_NOT_FOUND</c>.</summary>
        public static string ProtoEnumValue(TaxonomySpec spec, string reason) => ProtoEnumValuePrefix(spec) + reason;
    }
}
