using System;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>
    /// Writes a switch on a dense kind index as a method of at most <see cref="ChunkSize"/> arms, or, for more
    /// kinds, as a switch on the chunk that calls one such method per chunk. Roslyn binds a switch in time
    /// quadratic in its arms (measured: 4x the arms, 16-45x the time), so a 10,000-kind taxonomy needs the chunks.
    /// </summary>
    internal static class ChunkedSwitchWriter
    {
        public const int ChunkSize = 64;
        private const int ChunkShift = 6;

        /// <summary>
        /// Writes <c>private static {returnType} {name}(int index, {parameters})</c>. <paramref name="arm"/> gives the
        /// expression for index i, or null to leave i to the default arm (<paramref name="defaultValue"/>).
        /// </summary>
        public static void Write(
            SourceWriter writer,
            string returnType,
            string name,
            string parameters,
            string arguments,
            int count,
            Func<int, string?> arm,
            string defaultValue)
        {
            var signature = "private static " + returnType + " " + name;
            var parameterList = "(int index" + (parameters.Length > 0 ? ", " + parameters : string.Empty) + ")";
            if (count <= ChunkSize)
            {
                WriteArms(writer, signature + parameterList, 0, count, arm, defaultValue);
                return;
            }

            int chunks = (count + ChunkSize - 1) / ChunkSize;
            writer.WriteLine(signature + parameterList + " => (index >> " + CSharpText.Number(ChunkShift) + ") switch");
            writer.OpenBlock();
            var callArguments = "(index" + (arguments.Length > 0 ? ", " + arguments : string.Empty) + ")";
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                writer.WriteLine(CSharpText.Number(chunk) + " => " + name + CSharpText.Number(chunk) + callArguments + ",");
            }

            writer.WriteLine("_ => " + defaultValue + ",");
            writer.CloseBlock(";");
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                writer.WriteLine();
                int start = chunk * ChunkSize;
                WriteArms(writer, signature + CSharpText.Number(chunk) + parameterList, start, Math.Min(count, start + ChunkSize), arm, defaultValue);
            }
        }

        private static void WriteArms(SourceWriter writer, string declaration, int start, int end, Func<int, string?> arm, string defaultValue)
        {
            writer.WriteLine(declaration + " => index switch");
            writer.OpenBlock();
            for (int i = start; i < end; i++)
            {
                if (arm(i) is { } expression)
                {
                    // A multi-line arm continues indented; the arm's comma goes on its last line.
                    var lines = expression.Split('\n');
                    writer.WriteLine(CSharpText.Number(i) + " => " + lines[0] + (lines.Length == 1 ? "," : string.Empty));
                    writer.Indent();
                    for (int line = 1; line < lines.Length; line++)
                    {
                        writer.WriteLine(lines[line] + (line == lines.Length - 1 ? "," : string.Empty));
                    }

                    writer.Dedent();
                }
            }

            writer.WriteLine("_ => " + defaultValue + ",");
            writer.CloseBlock(";");
        }
    }
}
