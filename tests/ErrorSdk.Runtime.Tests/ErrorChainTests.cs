using System;
using Xunit;

namespace ErrorSdk.Tests
{
    public class ErrorChainTests
    {
        private sealed class Marker : Exception, IFormattable
        {
            public string ToString(string? format, IFormatProvider? formatProvider) => "marker";
        }

        [Fact]
        public void Finds_through_inner_and_aggregate_chains()
        {
            var marker = new Marker();
            var wrapped = new InvalidOperationException("a", new AggregateException(new ArgumentException("b"), new Exception("c", marker)));
            Assert.Same(marker, ErrorChain.Find<Marker>(wrapped));
            Assert.Same(marker, ErrorChain.Find<IFormattable>(wrapped));
            Assert.Null(ErrorChain.Find<TaxonomyException>(wrapped));
            Assert.Null(ErrorChain.Find<Marker>(null));
        }
    }
}
