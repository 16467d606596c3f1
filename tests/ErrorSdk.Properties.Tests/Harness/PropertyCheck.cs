using System;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ErrorSdk.Properties.Tests.Harness
{
    /// <summary>
    /// Runs one FsCheck property inside an xunit fact. Failures throw with FsCheck's report: the generated value
    /// (the taxonomy JSON) and the seed. To replay a failure, set <c>ERRORSDK_PROPERTY_REPLAY</c> to the
    /// "(seed,gamma)" pair of the report; <c>ERRORSDK_PROPERTY_SCALE</c> multiplies every case count (a longer
    /// local soak, or 0.1 for a smoke run). Nothing shrinks: each case compiles a taxonomy, so a failure is reported
    /// as found, with the property's own message saying which kind and value broke it.
    /// </summary>
    internal static class PropertyCheck
    {
        public const string ReplayVariable = "ERRORSDK_PROPERTY_REPLAY";

        public const string ScaleVariable = "ERRORSDK_PROPERTY_SCALE";

        public static void ForAll<T>(Gen<T> generator, int cases, Action<T> property)
        {
            var config = Config.QuickThrowOnFailure.WithMaxTest(Scaled(cases)).WithQuietOnSuccess(true);
            if (Replay() is { } replay)
            {
                config = config.WithReplay(FSharpOption<FsCheck.Replay>.Some(replay));
            }

            Prop.ForAll(Arb.From(generator), (T value) => WithCase(value, property)).Check(config);
        }

        /// <summary>FsCheck abbreviates long values in its report: a failure carries the whole case (the taxonomy JSON) itself.</summary>
        private static void WithCase<T>(T value, Action<T> property)
        {
            try
            {
                property(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException(e.Message + "\n--- case ---\n" + value, e);
            }
        }

        /// <summary><paramref name="cases"/> times the scale, at least one.</summary>
        public static int Scaled(int cases)
        {
            var text = Environment.GetEnvironmentVariable(ScaleVariable);
            if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale))
            {
                return cases;
            }

            return Math.Max(1, (int)Math.Round(cases * scale));
        }

        private static FsCheck.Replay? Replay()
        {
            var text = Environment.GetEnvironmentVariable(ReplayVariable);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var parts = text.Trim('(', ')', ' ').Split(',');
            var seed = ulong.Parse(parts[0].Trim(), CultureInfo.InvariantCulture);
            var gamma = parts.Length > 1 ? ulong.Parse(parts[1].Trim(), CultureInfo.InvariantCulture) : 0UL;
            var rnd = parts.Length > 1 ? new Rnd(seed, gamma) : new Rnd(seed);
            return new FsCheck.Replay(rnd, FSharpOption<int>.None);
        }
    }
}
