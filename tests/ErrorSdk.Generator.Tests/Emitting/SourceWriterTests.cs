using ErrorSdk.Generator.Emitting;
using Xunit;

namespace ErrorSdk.Generator.Tests.Emitting
{
    public sealed class SourceWriterTests
    {
        [Fact]
        public void WriteLinesIndentsEveryLineAndKeepsEmptyLinesBare()
        {
            var writer = new SourceWriter();
            writer.OpenBlock("class C");
            writer.WriteLines("int A;\r\n\nint B;");
            writer.CloseBlock();

            Assert.Equal("class C\n{\n    int A;\n\n    int B;\n}\n", writer.ToString());
        }

        [Fact]
        public void WriteLinesEndingInANewlineEndsWithAnEmptyLine()
        {
            var writer = new SourceWriter();
            writer.WriteLines("// header\n");

            Assert.Equal("// header\n\n", writer.ToString());
        }

        [Fact]
        public void WriteArrayFieldPutsSixteenItemsPerLine()
        {
            var writer = new SourceWriter();
            var items = new string[17];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            writer.WriteArrayField("Numbers.", "int", "N", items);

            Assert.Equal(
                "// Numbers.\nprivate static readonly int[] N = new int[]\n{\n    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,\n    16,\n};\n\n",
                writer.ToString());
        }
    }
}
