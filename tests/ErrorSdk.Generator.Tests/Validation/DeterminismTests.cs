using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;
using Stj = System.Text.Json.Nodes;

namespace ErrorSdk.Generator.Tests.Validation
{
    /// <summary>Invariant 7 at the model level: key order in the file never changes the spec.</summary>
    public class DeterminismTests
    {
        [Theory]
        [InlineData(-1)]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        public void ReorderingKeysAtEveryLevelGivesAnEqualSpec(int seed)
        {
            var expected = AssertValid(Sample);
            var random = seed < 0 ? null : new Random(seed);
            var reordered = Reorder(Stj.JsonNode.Parse(Sample)!, random);
            string text = reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = seed % 2 == 0, Encoder = JavaScriptEncoder.Default });
            Assert.NotEqual(Sample, text);
            Assert.Equal(expected, AssertValid(text));
        }

        /// <summary>Reverses (null random) or shuffles the properties of every object; arrays keep their order.</summary>
        private static Stj.JsonNode Reorder(Stj.JsonNode node, Random? random)
        {
            switch (node)
            {
                case Stj.JsonObject obj:
                    var properties = obj.ToList();
                    var order = random == null ? properties.AsEnumerable().Reverse().ToList() : properties.OrderBy(_ => random.Next()).ToList();
                    var copy = new Stj.JsonObject();
                    foreach (var property in order)
                    {
                        copy.Add(property.Key, Reorder(property.Value!.DeepClone(), random));
                    }

                    return copy;
                case Stj.JsonArray array:
                    var items = new Stj.JsonArray();
                    foreach (var item in array)
                    {
                        items.Add(Reorder(item!.DeepClone(), random));
                    }

                    return items;
                default:
                    return node.DeepClone();
            }
        }
    }
}
