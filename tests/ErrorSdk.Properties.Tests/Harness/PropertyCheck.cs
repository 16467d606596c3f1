using System;
using System.Globalization;
using CsCheck;

namespace ErrorSdk.Properties.Tests.Harness
{
    /// <summary>
    /// Runs one CsCheck property inside an xunit fact: <paramref name="cases"/> generated cases (times
    /// <c>ERRORSDK_PROPERTY_SCALE</c>), each checked by the property. On a failure CsCheck keeps drawing the remaining
    /// cases and keeps the smallest failing one (its shrinking: a case whose generation size is not smaller is skipped
    /// without running the property), then throws with that case printed whole (the taxonomy JSON) and its seed:
    /// <c>Set seed: "…" or -e CsCheck_Seed=… to reproduce</c>. <c>ERRORSDK_PROPERTY_REPLAY=&lt;seed&gt;</c> runs exactly
    /// that one case again; <c>CsCheck_Seed=&lt;seed&gt;</c> runs it first and then keeps shrinking over the other cases.
    /// </summary>
    internal static class PropertyCheck
    {
        public const string ReplayVariable = "ERRORSDK_PROPERTY_REPLAY";

        public const string ScaleVariable = "ERRORSDK_PROPERTY_SCALE";

        /// <summary>
        /// Checks <paramref name="property"/> on <paramref name="cases"/> values of <paramref name="generator"/>, on one
        /// thread: a taxonomy case already loads a core (generation, compilation), xunit runs the property classes side
        /// by side, and CI has two cores, so CsCheck's default of one thread per core would only add contention.
        /// </summary>
        public static void ForAll<T>(Gen<T> generator, int cases, Action<T> property)
        {
            var replay = Environment.GetEnvironmentVariable(ReplayVariable);
            var seed = string.IsNullOrWhiteSpace(replay) ? null : replay.Trim().Trim('"');
            long iter = seed is not null && Environment.GetEnvironmentVariable(ScaleVariable) is null ? 1 : Scaled(cases);
            generator.Sample(property, seed: seed, iter: iter, threads: 1, print: value => value?.ToString() ?? "null");
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
    }
}
