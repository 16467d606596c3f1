using System;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ErrorSdk.Tests
{
    public class FieldCodecTests
    {
        [Theory]
        [InlineData(0, "0s")]
        [InlineData(15_000_000, "1.5s")]
        [InlineData(1, "0.0000001s")]
        [InlineData(-15_000_000, "-1.5s")]
        [InlineData(36_000_000_000, "3600s")]
        public void Durations_use_protobuf_json_text(long ticks, string text)
        {
            Assert.Equal(text, FieldCodec.FormatDuration(TimeSpan.FromTicks(ticks)));
            Assert.Equal(TimeSpan.FromTicks(ticks), FieldCodec.ParseDuration(text));
        }

        [Theory]
        [InlineData("")]
        [InlineData("s")]
        [InlineData("1.s")]
        [InlineData("1.0000000001s")]
        [InlineData("1,5s")]
        [InlineData("99999999999999999999s")]
        [InlineData("PT1S")]
        public void Bad_durations_read_as_null(string text)
        {
            Assert.Null(FieldCodec.ParseDuration(text));
        }

        [Fact]
        public void Every_timespan_survives_its_text_form()
        {
            Prop.ForAll<long>(ticks =>
            {
                var value = TimeSpan.FromTicks(ticks);
                return FieldCodec.ParseDuration(FieldCodec.FormatDuration(value)) == value;
            }).QuickCheckThrowOnFailure();
        }

        [Fact]
        public void Every_int_survives_its_text_form()
        {
            Prop.ForAll<int>(v => FieldCodec.ParseInt32(FieldCodec.FormatInt32(v)) == v).QuickCheckThrowOnFailure();
        }

        [Fact]
        public void Uris_lose_userinfo_query_and_fragment()
        {
            var uri = new Uri("https://user:secret@api.example.com:8443/v1/items?token=abc#frag");
            Assert.Equal("https://api.example.com:8443/v1/items", FieldCodec.FormatUri(uri));
            Assert.Equal(new Uri("https://api.example.com:8443/v1/items"), FieldCodec.ParseUri(uri.ToString()));
            Assert.Null(FieldCodec.ParseUri("not a uri"));
        }
    }
}
